// The app's service worker: after the first visit the app loads and works
// with the network off. It caches exactly the app's own files, never assessment data
// (that lives in localStorage and never passes through here). A new deployment installs
// beside the old one and waits; the page says a new version is ready and switches only
// when the person chooses. `scripts/post-build.mjs` writes VERSION and FILES into the
// release build's copy; a development build keeps the placeholders and does nothing.
const VERSION = '__AIMS_VERSION__';
const FILES = ['./'];
const CACHE = `aims-readiness-${VERSION}`;
const ACTIVE = !VERSION.startsWith('__');

// Another language and its guide are kept offline once the person uses them (the page
// asks for them by message, see below); a new version carries over the ones the old one
// kept, fetched fresh.
const ON_DEMAND = /\/(i18n|guide)\/[a-z]{2}\.json$/;
self.addEventListener('install', (event) => {
  if (!ACTIVE) return;
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await cache.addAll(FILES);
    const kept = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('aims-readiness-') || name === CACHE) continue;
      for (const request of await (await caches.open(name)).keys()) {
        if (ON_DEMAND.test(new URL(request.url).pathname)) kept.push(new URL(request.url).pathname);
      }
    }
    await Promise.all([...new Set(kept)].map((path) => cache.add(path).catch(() => {})));
  }));
});

self.addEventListener('activate', (event) => {
  // Older versions' caches go once this version is the one in use.
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('aims-readiness-') && k !== CACHE).map((k) => caches.delete(k)),
  )));
});

self.addEventListener('message', (event) => {
  if (event.data === 'aims:switch-version') self.skipWaiting();
  // `aims:keep <code>`: the page uses this language; keep its files for offline use.
  const keep = typeof event.data === 'string' && /^aims:keep ([a-z]{2})$/.exec(event.data);
  if (ACTIVE && keep) {
    event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(
      [`i18n/${keep[1]}.json`, `guide/${keep[1]}.json`].map((path) => cache.match(path)
        .then((hit) => hit || cache.add(path)).catch(() => {})),
    )));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!ACTIVE || request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // The page itself (any query: ?mode=quick&theme=…) and the app's files come from this
  // version's cache; anything else goes to the network as usual.
  const key = request.mode === 'navigate' ? './' : request;
  // Another language and its guide are cached the first time they are used, so the
  // app opens offline in the language the person chose.
  const onDemand = ON_DEMAND.test(new URL(request.url).pathname);
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: true })
    .then((cached) => cached || fetch(request).then((response) => {
      if (onDemand && response.ok) cache.put(request, response.clone());
      return response;
    }))));
});
