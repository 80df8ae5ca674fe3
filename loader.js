// The widget's loader, an ES module served next to the wasm-bindgen glue and the wasm:
//   <script type="module" src=".../loader.js"></script>
// No inline script is needed, so a page under a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') can load it. Both files are found next to this
// one (import.meta.url), wherever it is hosted.
//
// The page first: the glue and the wasm are fetched once the page has painted its content
// (its first contentful paint), at low priority, so the widget never delays the page's
// own first and largest paint; at once, and at high priority, when the reader is headed
// for the widget (the URL's fragment names a widget's element or is a prefilled link,
// #hic=…, or a widget's element gets the pointer or the focus); at the latest two frames
// after the page's load event (a page that paints no content), and at once in a hidden
// tab (it paints nothing).
// Either way they are fetched while the page loads, and once it has loaded the widget
// needs the network no more.
//
// Starting the wasm mounts a widget into every element marked
// data-historical-import-checklist. `import { mount } from '.../loader.js'` gives the JS
// API once the wasm has started (the same wait: the host's page paints first).
const MARKER = '[data-historical-import-checklist]';

const headedFor = () => {
  let fragment = location.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Not percent-encoded text: compared as it is.
  }
  return fragment.startsWith('hic=') || [...document.querySelectorAll(MARKER)].some((host) => host.id && host.id === fragment);
};

// Resolves to whether the reader is headed for the widget.
const listening = new AbortController();
const once = { once: true, signal: listening.signal };
const urgent = await new Promise((start) => {
  if (headedFor()) return start(true);
  if (document.visibilityState === 'hidden') return start(false);
  for (const host of document.querySelectorAll(MARKER)) {
    for (const type of ['pointerdown', 'focusin']) host.addEventListener(type, () => start(true), once);
  }
  addEventListener('hashchange', () => headedFor() && start(true), { signal: listening.signal });
  document.addEventListener('visibilitychange', () => start(false), once);
  // Two frames: the first one's content is on the screen by the second.
  const afterLoad = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => start(false))));
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, once);
  try {
    const paints = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) start(false);
    });
    paints.observe({ type: 'paint', buffered: true });
    listening.signal.addEventListener('abort', () => paints.disconnect());
  } catch {
    // No paint timing in this browser: the load event starts it.
  }
});
listening.abort();

// The browser decodes the wasm on the page's thread as its bytes reach the compiler: all
// at once, one long task, when they are all there by the time the glue asks for them.
// So they are handed over in slices, one per task: a message to ourselves ends the task
// (chained timers would wait 4 ms each after the fifth, and a second in a hidden tab).
const SLICE = 64 * 1024;
const channel = new MessageChannel();
const yieldToPage = () => new Promise((resume) => {
  channel.port1.onmessage = resume;
  channel.port2.postMessage(0);
});
const inSlices = (response) => {
  if (!response.ok || !response.body) return response;
  const reader = response.body.getReader();
  let rest = new Uint8Array(0);
  const body = new ReadableStream({
    async pull(compiler) {
      if (rest.length === 0) {
        const { done, value } = await reader.read();
        if (done) return compiler.close();
        rest = value;
      }
      await yieldToPage();
      compiler.enqueue(rest.subarray(0, SLICE));
      rest = rest.subarray(SLICE);
    },
    cancel: (why) => reader.cancel(why),
  });
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
};
const wasm = fetch(new URL('historical-import-checklist_bg.wasm', import.meta.url), { priority: urgent ? 'high' : 'low' });
// Where the browser has no Temporal, the widget reads time zones through Intl, whose first
// date formatter costs tens of milliseconds: paid here, in a task of its own, while the
// wasm downloads, rather than in the widget's first one.
if (typeof Temporal !== 'object') setTimeout(() => Intl.DateTimeFormat().resolvedOptions());
const glue = await import('./historical-import-checklist.js');
await glue.default({ module_or_path: wasm.then(inSlices) });
export const mount = glue.mount;
