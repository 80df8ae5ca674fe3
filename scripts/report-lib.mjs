// Shared by size-report.mjs, keystroke-report.mjs and bench.mjs: the release build's
// asset sizes, a static server for dist/, Debian's Chromium, percentiles, and the
// keystroke-to-preview timing loop that runs inside the page.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

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
  const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = join(dist, new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html'));
    if (!existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/index.html`, close: () => server.close() };
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
 * Runs in the page: for each of `count` keystrokes into the input labelled `label`, sets
 * its value to `valueAt(i)` (given as source text), dispatches an input event and times
 * the span until the preview (`.hic-markdown`) holds `expectAt(i, value)`. The widget
 * updates through microtasks, so no timer clamps the measurement. Fails on a keystroke
 * the preview never shows (that would time the wait, not the update).
 */
export async function timeKeystrokes(page, { label, count, valueAt, expectAt }) {
  // One expression, so that the two functions travel as source (no eval in the page).
  return page.evaluate(`(${keystrokeLoop})(${JSON.stringify(label)}, ${count}, ${valueAt}, ${expectAt})`);
}

async function keystrokeLoop(label, count, valueAt, expectAt) {
  const el = [...document.querySelectorAll('label')].find((l) => l.textContent.replace(' *', '') === label);
  const input = document.getElementById(el.htmlFor);
  const preview = document.querySelector('.hic-markdown');
  const out = [];
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    const expected = expectAt(i, value);
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let spins = 0;
    for (; !preview.value.includes(expected) && spins < 1000; spins++) await Promise.resolve();
    if (spins === 1000) throw new Error(`the preview never showed "${expected}"`);
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
