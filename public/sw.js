// Assessment Workbench service worker: keeps the app shell for offline use.
// The post-build step (scripts/post-build.mjs) fills in the build's version and file list, so
// every build gets a new cache and the app offers "reload to update".
const VERSION = '__BUILD_VERSION__';
const ASSETS = __BUILD_ASSETS__;
const CACHE = `assessment-workbench-${VERSION}`;

// The whole app (src/ui/handoff.rs) is fetched last, so on a slow first visit it does not take
// the connection from the list's and the workbench's files.
const LATER = ASSETS.filter((a) => a.startsWith('/whole-'));
const FIRST = ASSETS.filter((a) => !LATER.includes(a));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FIRST).then(() => cache.addAll(LATER))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('assessment-workbench-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route of the app is the same page: serve the cached shell, or the network.
    event.respondWith(caches.match('/index.html', { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
