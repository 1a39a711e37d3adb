// Starts Assessment Workbench. The app is two WebAssembly modules (see src/ui/handoff.rs): the
// small "front" for the list of assessments and storage, and the "workbench" with every page.
// A page that reads whole documents starts the workbench; the list starts the front, which calls
// __awOpenWorkbench to hand the page over when such a page is opened.
// scripts/post-build.mjs inlines this file into index.html with the built file names.
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

window.__awOpenWorkbench = () => {
  const front = [...document.body.childNodes];
  return start('workbench').then(() => front.forEach((n) => n.remove()));
};

// A tab handed to a child (child mode, src/ui/router/navigation.rs) opens child mode at every
// address of the app until a grown-up leaves it: a bookmark, a typed address or a link from
// another app in the same tab lands back in it.
try {
  const held = sessionStorage.getItem('assessment-workbench.child-mode');
  if (held && location.pathname !== JSON.parse(held)) history.replaceState(null, '', JSON.parse(held));
} catch (e) {
  // No sessionStorage (a locked-down browser): child mode holds within the page only.
}

// Every page but the list is the workbench's (Route::is_workbench): the ones that read or write
// whole documents, and storage with its passphrase settings, which re-seal every record.
const workbenchPath = location.pathname.startsWith('/assessments/') || /^\/(exports|demo|new|import|bin|due|storage|backup|procedures|procedures\/preview)\/?$/.test(location.pathname);
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
start(workbenchPath ? 'workbench' : 'front').catch(failed);
