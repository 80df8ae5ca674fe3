// Opt-in offline copy: registers sw.js (next to this file), which keeps the page working
// offline after the first visit. The demo page loads this script; loader.js does not, so
// a host page embedding the widget registers no service worker unless it loads this too:
//   <script type="module" src=".../offline.js"></script>
// The worker controls pages in this file's folder only (the browser's rule). It is
// registered once the page has loaded, so that its copy of every file is never fetched
// while the page's own content (and the widget) load.
if ('serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker
      .register(new URL('sw.js', import.meta.url).href)
      .catch((e) => console.warn('Historical import checklist: no offline copy:', e));
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
