// Registers the service worker and tells the app when an update is ready.
// The app shows "A new version is available" on the 'aw-update-ready' event and answers with
// 'aw-apply-update'; the page then reloads once the new worker has taken over.
(function () {
  if (!('serviceWorker' in navigator)) return;
  let reloading = false;
  const ready = (worker) => {
    window.__awWaiting = worker;
    window.dispatchEvent(new CustomEvent('aw-update-ready'));
  };
  window.addEventListener('aw-apply-update', () => {
    if (window.__awWaiting) window.__awWaiting.postMessage('skipWaiting');
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !window.__awWaiting) return;
    reloading = true;
    window.location.reload();
  });
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').then((reg) => {
      // An update may already be installing or waiting by the time this runs (a check can
      // start before the page's load event): follow it as well as any later one.
      const track = (worker) => {
        if (!worker) return;
        if (worker.state === 'installed' && navigator.serviceWorker.controller) return ready(worker);
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) ready(worker);
        });
      };
      track(reg.waiting);
      track(reg.installing);
      reg.addEventListener('updatefound', () => track(reg.installing));
    }).catch(() => { /* offline use is unavailable; the app still works online */ });
  });
})();
