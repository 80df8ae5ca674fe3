// The standalone page's service worker: after the first visit the page and the widget
// load from this cache, so they work offline. offline.js registers it; loader.js never
// does, so a host page embedding the widget gets no worker unless it loads offline.js.
//
// A release build (scripts/service-worker.mjs, a Trunk post_build hook) replaces the
// line below with the list of built files and a hash of their content. A new build
// therefore has a new sw.js, which the browser installs beside the old one.
const BUILD = { version: 'unbuilt', files: [] };

const PREFIX = `historical-import-checklist ${self.registration.scope} `;
const CACHE = PREFIX + BUILD.version;
const FILES = new Set(BUILD.files.map((file) => new URL(file, self.location).href));

// Installing fills this build's cache, past the HTTP cache. There is no skipWaiting: the
// file names are the same in every build, so a page keeps the worker it loaded with, and
// a new build takes over once no page of the old one is open (never a mix of two).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll([...FILES].map((url) => new Request(url, { cache: 'reload' })))),
  );
});

// Activating deletes the caches of earlier builds (ours, for this scope only), then takes
// over the pages already open (on the first visit, the page that registered it).
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first for the built files; every other request goes to the network untouched.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !FILES.has(request.url)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request.url))
      .then((hit) => hit ?? fetch(request)),
  );
});
