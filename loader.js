// The widget's loader, an ES module served next to the wasm-bindgen glue and the wasm:
//   <script type="module" src=".../loader.js"></script>
// No inline script is needed, so a page under a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') can load it. Both files are found next to this
// one (import.meta.url), wherever it is hosted; the wasm is fetched while the glue loads.
// Starting the wasm mounts a widget into every element marked
// data-historical-import-checklist. `import { mount } from '.../loader.js'` gives the JS
// API once the wasm has started.
const wasm = fetch(new URL('historical-import-checklist_bg.wasm', import.meta.url));
const glue = await import('./historical-import-checklist.js');
await glue.default({ module_or_path: wasm });
export const mount = glue.mount;
