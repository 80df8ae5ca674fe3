// Shared by size-report.mjs, keystroke-report.mjs and bench.mjs: the release build's
// asset sizes, a static server for dist/, Debian's Chromium, percentiles, and the
// keystroke-to-preview timing loop that runs inside the page.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

const SHIPPED = /\.(wasm|js|css|html)$/;
// The demo page's own stylesheet and HTML stand in for the handbook; the widget ships
// the rest. The offline copy (offline.js and the service worker sw.js it registers) is
// the standalone page's, loaded by no host page that does not ask for it, and the
// worker is fetched by the browser after the page has loaded: it is listed, and counted
// on a line of its own, not in the first load.
export const isPage = (name) => /(^|\/)(page\.css|index\.html)$/.test(name);
export const isOffline = (name) => /(^|\/)(offline|sw)\.js$/.test(name);
export const isWidget = (name) => !isPage(name) && !isOffline(name);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every shipped asset of the build in `dist`: { name, raw, gz, br } bytes, largest gzip first. */
export function assetSizes(dist) {
  return files(dist)
    .filter((p) => SHIPPED.test(p))
    .map((path) => {
      const data = readFileSync(path);
      return {
        name: relative(dist, path),
        raw: data.length,
        gz: gzipSync(data, { level: 9 }).length,
        br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    })
    .sort((a, b) => b.gz - a.gz);
}

export const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);

/** Serves `dist` on 127.0.0.1 (a free port); resolves to { url, close }. */
export async function serveDist(dist) {
  const server = createServer((req, res) => {
    const path = join(dist, new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html'));
    if (!existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/index.html`, close: () => server.close() };
}

/**
 * Serves what `find(pathname)` returns (a file's path, or `{ body, type }`; null is a 404)
 * on 127.0.0.1 (a free port), gzip-encoded (-9, as a host serving precompressed files)
 * to a client that accepts it; resolves to { origin, close }.
 */
export async function serveGzip(find) {
  const cache = new Map();
  const server = createServer((req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    const found = find(pathname);
    if (!found || (typeof found === 'string' && !(existsSync(found) && statSync(found).isFile()))) return res.writeHead(404).end();
    const { body, type } =
      typeof found === 'string' ? { body: readFileSync(found), type: TYPES[extname(found)] ?? 'application/octet-stream' } : found;
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return res.writeHead(200, headers).end(body);
    const key = `${pathname} ${body.length}`;
    if (!cache.has(key) || !cache.get(key).source.equals(body)) cache.set(key, { source: Buffer.from(body), gz: gzipSync(body, { level: 9 }) });
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(cache.get(key).gz);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

/** Debian's Chromium, headless, through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** p50 / p95 / max (nearest rank) and the count of a list of numbers. */
export function stats(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { p50: pct(50), p95: pct(95), max: sorted[sorted.length - 1], n: sorted.length };
}

/** Starts `page` from a saved draft of `answers`, as after a call. */
export async function seedDraft(page, answers) {
  await page.addInitScript((answers) => {
    localStorage.setItem('historical-import-checklist:checklist', JSON.stringify({ saved_at: Date.now(), answers }));
  }, answers);
}

/**
 * Runs in the page: for each of `count` keystrokes into the input labelled `label` (or
 * matched by the CSS selector `input`), sets its value to `valueAt(i)` (given as source
 * text), dispatches an input event and times the span until the preview (`preview`, by
 * default the widget's `.hic-markdown`, read by its `value` or else its text) holds
 * `expectAt(i, value)`. The widget updates through microtasks, so no timer clamps the
 * measurement; a page that updates later is waited for with timers (up to 5 s). Fails
 * on a keystroke the preview never shows (that would time the wait, not the update).
 */
export async function timeKeystrokes(page, { label, input = null, preview = '.hic-markdown', count, valueAt, expectAt }) {
  // One expression, so that the two functions travel as source (no eval in the page).
  const args = [JSON.stringify(label ?? null), JSON.stringify(input), JSON.stringify(preview), count, valueAt, expectAt];
  return page.evaluate(`(${keystrokeLoop})(${args.join(', ')})`);
}

async function keystrokeLoop(label, selector, previewSelector, count, valueAt, expectAt) {
  const byLabel = () => {
    const el = [...document.querySelectorAll('label')].find((l) => l.textContent.replace(' *', '') === label);
    return document.getElementById(el.htmlFor);
  };
  const input = selector ? document.querySelector(selector) : byLabel();
  const preview = document.querySelector(previewSelector);
  const shown = () => ('value' in preview ? preview.value : preview.textContent);
  const out = [];
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    const expected = expectAt(i, value);
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let spins = 0;
    for (; !shown().includes(expected) && spins < 1000; spins++) await Promise.resolve();
    while (!shown().includes(expected) && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 0));
    if (!shown().includes(expected)) throw new Error(`the preview never showed "${expected}"`);
    out.push(performance.now() - t0);
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 0)); // let the page breathe
  }
  return out;
}

/**
 * The Customer field's keystrokes: one more letter each time. A customer name shows
 * whole up to its limit (200 characters): start again before it, so that every
 * keystroke is looked for in the preview.
 */
export const CUSTOMER_KEYSTROKES = {
  label: 'Customer',
  valueAt: (i) => {
    let text = '';
    for (let k = 0; k <= i; k++) {
      if (text.length >= 150) text = '';
      text += String.fromCharCode(97 + (k % 26));
    }
    return text;
  },
  expectAt: (i, value) => `: ${value} (`,
};

/**
 * The same keystrokes into the SurveyJS peer page's "Customer name" (scripts/peer-surveyjs),
 * whose preview is `#preview`, headed "## Historical import request — <customer>".
 */
export const PEER_CUSTOMER_KEYSTROKES = {
  input: '[data-name="customer"] input',
  preview: '#preview',
  valueAt: CUSTOMER_KEYSTROKES.valueAt,
  expectAt: (i, value) => `— ${value}\n`,
};
