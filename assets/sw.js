// The app's service worker: after the first visit the app loads and works
// with the network off. It caches exactly the app's own files, never assessment data
// (that lives in localStorage and never passes through here). A new deployment installs
// beside the old one and waits; the page says a new version is ready and switches only
// when the person chooses. `scripts/post-build.mjs` writes VERSION and FILES into the
// release build's copy; a development build keeps the placeholders and does nothing.
//
// The app may be deployed in any folder of a site (`/widgets/aims/1.0.0/`), beside the
// site's other pages. This worker lives in that folder, its scope is that folder, and
// it answers only the app's own pages and files there: every other request (the
// example pages, the site's other pages and files) goes to the network untouched.
const VERSION = '__AIMS_VERSION__';
const FILES = ['./'];
const ACTIVE = !VERSION.startsWith('__');

/** The deployment's folder, e.g. `https://portal.example/widgets/aims/1.0.0/`. */
const FOLDER = new URL('./', self.location.href);
// Caches belong to an origin, not to a folder: the name says which folder a cache is
// for, so two deployments on one site (two versions side by side) keep their own.
const CACHE_PREFIX = `aims-readiness:${FOLDER.pathname}:`;
const CACHE = CACHE_PREFIX + VERSION;
// Before deployments were told apart by folder a cache was named `aims-readiness-<version>`.
const LEGACY_CACHE = /^aims-readiness-[0-9a-f]{16}$/;

// Paths below are relative to FOLDER. The app's pages (any query: ?mode=quick&theme=…)
// are answered with the cached page; '' is the folder itself, the same page as
// index.html; quick.html is the quick check's own page.
const PAGES = new Set(['', 'index.html', 'quick.html']);
const OWN_FILES = new Set(FILES.filter((f) => f !== './'));
// Another language and its guide are kept offline once the person uses them (the page
// asks for them by message, see below), and so are the app's on-demand modules once
// loaded; a new version carries over the ones the old one kept, fetched fresh.
const ON_DEMAND = /^((i18n|guide)\/[a-z]{2}\.json|aims-(seal|reports)(\.js|_bg\.wasm))$/;

/** The path of `url` inside this deployment's folder, or null outside it (or another origin). */
function ownPath(url) {
  const u = new URL(url);
  if (u.origin !== FOLDER.origin || !u.pathname.startsWith(FOLDER.pathname)) return null;
  return u.pathname.slice(FOLDER.pathname.length);
}

self.addEventListener('install', (event) => {
  if (!ACTIVE) return;
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await cache.addAll(FILES);
    const kept = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
      for (const request of await (await caches.open(name)).keys()) {
        const path = ownPath(request.url);
        if (path !== null && ON_DEMAND.test(path)) kept.push(path);
      }
    }
    await Promise.all([...new Set(kept)].map((path) => cache.add(path).catch(() => {})));
  }));
});

self.addEventListener('activate', (event) => {
  // This folder's older versions' caches go once this version is the one in use.
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => (k.startsWith(CACHE_PREFIX) && k !== CACHE) || LEGACY_CACHE.test(k))
      .map((k) => caches.delete(k)),
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
  if (!ACTIVE || request.method !== 'GET') return;
  const path = ownPath(request.url);
  if (path === null) return;
  let key;
  if (request.mode === 'navigate') {
    if (!PAGES.has(path)) return; // another page of the site: not ours
    key = path === 'quick.html' ? path : './';
  } else if (OWN_FILES.has(path) || ON_DEMAND.test(path)) {
    key = request;
  } else {
    return; // not one of the app's files
  }
  // Another language and its guide are cached the first time they are used, so the
  // app opens offline in the language the person chose; the modules likewise.
  const onDemand = ON_DEMAND.test(path);
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: true })
    .then((cached) => cached || fetch(request).then((response) => {
      if (onDemand && response.ok) cache.put(request, response.clone());
      return response;
    }))));
});
