// Starts Assessment Workbench. The app is three WebAssembly modules (see src/ui/handoff.rs),
// each with every page of the one before: the small "front" for the list of assessments, the
// "workbench" for opening an assessment and the pages used most, and the "whole" app. The
// address picks the smallest that has its page; a module asked for a page it lacks calls
// __awOpen to hand the page to the next. scripts/post-build.mjs inlines this file into
// index.html with the built file names.
const modules = __AW_MODULES__;

// Resolved once the page drawn early (below) has been painted, so the app never replaces it
// unseen: on a fast connection the wait is until the browser's first paint; on a slow one that
// paint has long happened when the module arrives. A third of a second at most (a background
// tab does not paint).
let drawn = Promise.resolve();

const start = (name) => drawn.then(() => {
  const m = modules[name];
  const wasm = fetch(m.wasm);
  return import(m.js).then((glue) => glue.default({ module_or_path: wasm }));
});

const failed = (e) => {
  const p = document.createElement('p');
  p.className = 'body start-failed';
  p.setAttribute('role', 'alert');
  p.textContent = `Assessment Workbench could not start: ${e && e.message ? e.message : e}. Check the connection, then reload the page.`;
  document.body.append(p);
};

// Starts the module `name` in place of the one running; its page is taken away once the new one
// has mounted, so nothing blinks.
window.__awOpen = (name) => {
  const before = [...document.body.childNodes];
  return start(name).then(() => before.forEach((n) => n.remove()));
};

// The module with the page at `path`: Route::module in src/ui/router/routes.rs, which says why
// each page is where it is (tests/e2e/tests/modules.spec.ts checks the two agree).
const moduleFor = (path) => {
  const parts = path.split('/').filter(Boolean).join('/');
  if (parts === '') return 'front';
  if (parts === 'new') return 'workbench';
  const inAssessment = /^assessments\/[^/]+\/?(.*)$/.exec(parts);
  if (inAssessment) {
    const whole = /^(genogram|network|network\/present|chronology|print|print\/family|case-record|safety-plan\/present|scales\/[^/]+\/present|tools\/[^/]+|tools\/[^/]+\/child|tools\/[^/]+\/draw\/[^/]+|family-group|family-group\/[^/]+|family-group\/[^/]+\/print)$/;
    return whole.test(inAssessment[1]) ? 'whole' : 'workbench';
  }
  return /^(exports|demo|import|bin|due|storage|backup|procedures|procedures\/preview)$/.test(parts) ? 'whole' : 'front';
};
window.__awModuleFor = moduleFor;

// A tab handed to a child (child mode, src/ui/router/navigation.rs) opens child mode at every
// address of the app until a grown-up leaves it: a bookmark, a typed address or a link from
// another app in the same tab lands back in it.
try {
  const held = sessionStorage.getItem('assessment-workbench.child-mode');
  if (held && location.pathname !== JSON.parse(held)) history.replaceState(null, '', JSON.parse(held));
} catch (e) {
  // No sessionStorage (a locked-down browser): child mode holds within the page only.
}

// The list's page, drawn at once from index.html while the front loads (not when a passphrase
// is set: the front opens on the unlock page).
const shell = document.getElementById('aw-shell');
let locked = true;
try {
  locked = localStorage.getItem('assessment-workbench.vault') !== null;
} catch (e) {
  // No localStorage: draw nothing early.
}
if (location.pathname === '/' && shell && !locked) {
  document.body.append(shell.content.cloneNode(true));
  drawn = new Promise((res) => {
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) {
          observer.disconnect();
          res();
        }
      }).observe({ type: 'paint', buffered: true });
    } catch (e) {
      res();
    }
    setTimeout(res, 300);
  });
}
start(moduleFor(location.pathname)).catch(failed);
