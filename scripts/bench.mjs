#!/usr/bin/env node
// The browser half of `bash scripts/bench.sh`, and its one table: the release build's
// first-load bytes per asset, navigation to a usable widget, keystroke -> preview in a
// text field (beside the same keystrokes in SurveyJS, scripts/peer-surveyjs) and in a
// number field that changes the findings, a 10k-row paste and a 10 MB sample, all in
// Debian's headless Chromium; then Lighthouse on the demo page alone, with the widget and with SurveyJS
// (scripts/lighthouse.mjs); merged with the native benchmark's JSON (--native).
// Prints one Markdown table and writes every number to --out (JSON). A report, not a gate.
// Usage: node scripts/bench.mjs dist --native <native.json> --peer <surveyjs dir> --out <bench.json>
//   [--lighthouse-runs 3]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { lighthouseRuns, printLighthouse } from './lighthouse.mjs';
import {
  CUSTOMER_KEYSTROKES,
  PEER_CUSTOMER_KEYSTROKES,
  assetSizes,
  isWidget,
  launchChromium,
  seedDraft,
  serveDist,
  serveGzip,
  stats,
  sum,
  timeKeystrokes,
} from './report-lib.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dist = args[0] && !args[0].startsWith('--') ? args[0] : 'dist';
const nativePath = option('--native');
const outPath = option('--out') ?? 'target/bench.json';
const peerDir = option('--peer');
const lighthouseRunCount = Number(option('--lighthouse-runs') ?? 3);

const LOADS = 20;
const KEYSTROKES = 500;
const WARMUP = 100;
const PASTE_ROWS = 10_000;
const PASTE_RUNS = 5;
const SAMPLE_BYTES = 10_000_000;
const SAMPLE_RUNS = 3;
const scenario = (name) => JSON.parse(readFileSync(`tests/scenarios/${name}.json`, 'utf8'));

// Sizes of the first load: the widget's own assets (not the demo page, not the offline copy).
const first = assetSizes(dist).filter((r) => isWidget(r.name));
if (first.length === 0) {
  console.error(`bench: no built assets in ${dist}/ (run trunk build --release first)`);
  process.exit(1);
}
const sizes = {
  assets: first,
  total: { raw: sum(first, 'raw'), gz: sum(first, 'gz'), br: sum(first, 'br') },
};

const server = await serveDist(dist);
const browser = await launchChromium();
let browserResults;
try {
  // A fresh context per page: empty cache and storage. No service worker: the demo's
  // offline copy would be filling its cache while we measure.
  const freshPage = async (answers) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    if (answers) await seedDraft(page, answers);
    return page;
  };

  // Navigation to a usable widget: from the navigation's start (performance.now() is
  // measured from it) to the request block's textarea visible and the Customer input
  // there, visible and enabled, noticed by a MutationObserver as soon as the DOM has it.
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await freshPage();
    await page.addInitScript(() => {
      const usable = () => {
        const block = document.querySelector('.hic-markdown');
        if (!block || !block.checkVisibility()) return false;
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent.replace(' *', '') === 'Customer');
        const input = label && document.getElementById(label.htmlFor);
        return Boolean(input && !input.disabled && !input.readOnly && input.checkVisibility());
      };
      new MutationObserver((_, observer) => {
        if (usable()) {
          window.__benchUsableAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.goto(server.url);
    const ms = await (await page.waitForFunction(() => window.__benchUsableAt)).jsonValue();
    // It does take input: a keystroke lands in the field.
    const id = await page.evaluate(() => [...document.querySelectorAll('label')].find((l) => l.textContent.replace(' *', '') === 'Customer').htmlFor);
    await page.locator(`[id="${id}"]`).fill('x');
    if ((await page.locator(`[id="${id}"]`).inputValue()) !== 'x') throw new Error('the Customer input took no input');
    loads.push(ms);
    await page.context().close();
  }

  // Keystrokes into the Customer field (the large-import draft: every section renders).
  let page = await freshPage(scenario('large-import'));
  await page.goto(server.url);
  await page.waitForSelector('.hic-markdown');
  const text = await timeKeystrokes(page, { ...CUSTOMER_KEYSTROKES, count: KEYSTROKES });
  await page.context().close();

  // The same keystrokes into SurveyJS's "Customer name", its preview built from its answers.
  let peer = null;
  if (peerDir) {
    const peerServer = await serveGzip((pathname) => join(peerDir, pathname === '/' ? 'index.html' : pathname));
    try {
      page = await freshPage();
      await page.goto(`${peerServer.origin}/index.html`);
      await page.waitForSelector(PEER_CUSTOMER_KEYSTROKES.input);
      peer = await timeKeystrokes(page, { ...PEER_CUSTOMER_KEYSTROKES, count: KEYSTROKES });
      await page.context().close();
    } finally {
      peerServer.close();
    }
  }

  // Keystrokes into "Most events for one distinct_id" (the small-import draft), each
  // value alternately under and over the hot threshold (100,000 events), so that the
  // findings change on every keystroke; the preview shows the number grouped.
  const NUMBER_LABEL = 'Most events for one distinct_id';
  const numberKeys = {
    label: NUMBER_LABEL,
    valueAt: (i) => String(i % 2 ? 150000 + i : 50000 + i),
    expectAt: (i, value) => `${Number(value).toLocaleString('en-US')} events`,
  };
  page = await freshPage(scenario('small-import'));
  await page.goto(server.url);
  await page.waitForSelector('.hic-markdown');
  // Check the premise: the findings differ under and over the threshold.
  const findingsAt = async (i) => {
    await timeKeystrokes(page, { ...numberKeys, valueAt: `() => ${JSON.stringify(numberKeys.valueAt(i))}`, count: 1 });
    return page.evaluate(() => [...document.querySelectorAll('[data-finding]')].map((li) => li.dataset.finding).join(' '));
  };
  const under = await findingsAt(0);
  const over = await findingsAt(1);
  if (under === over) throw new Error(`the findings do not change with "${NUMBER_LABEL}"`);
  const findingsChange = { under, over };
  const number = await timeKeystrokes(page, { ...numberKeys, count: KEYSTROKES });
  await page.context().close();

  // A 10k-row paste: from clicking "Replace the 3 rows" (the scenario has three) and then
  // "Replace" to its status and the preview showing the first pasted distinct_id (the
  // parser keeps the query's 100 rows). Fresh page each run.
  const paste = [];
  for (let run = 0; run < PASTE_RUNS; run++) {
    page = await freshPage(scenario('small-import'));
    await page.goto(server.url);
    await page.waitForSelector('.hic:not([aria-busy])', { state: 'attached' });
    paste.push(
      await page.evaluate(async (rows) => {
        const box = document.querySelector('.hic-paste');
        const area = box.querySelector('textarea');
        const buttons = [...box.querySelectorAll('button')];
        const button = buttons.find((b) => /^(Add pasted rows|Replace the )/.test(b.textContent));
        const confirm = buttons.find((b) => b.textContent === 'Replace');
        const status = box.querySelector('[role="status"]');
        const preview = document.querySelector('.hic-markdown');
        let text = 'count\tdistinct_id\n';
        for (let i = 0; i < rows; i++) text += `${2400000 - i}\tpasted_${i}\n`;
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 50));
        const done = () => /^(Added|Replaced)/.test(status.textContent) && preview.value.includes('pasted_0');
        const t0 = performance.now();
        button.click();
        // With rows already there, the widget asks first.
        if (!button.textContent.startsWith('Add')) confirm.click();
        for (let spins = 0; !done(); spins++) {
          if (spins < 10000) await Promise.resolve();
          else await new Promise((r) => setTimeout(r, 0));
          if (performance.now() - t0 > 10000) throw new Error('the paste never showed in the preview');
        }
        return performance.now() - t0;
      }, PASTE_ROWS),
    );
    await page.context().close();
  }

  // A 10 MB sample (JSON lines, as exports come) in the sample box: from its input event
  // (the text already in the box: the browser's own layout of it comes before) to the
  // summary, and the longest task meanwhile (the long-task observer sees tasks of 50 ms
  // or more; the reading goes in slices, so typing elsewhere is not held up longer than
  // that). Fresh page each run.
  const sampleReads = [];
  for (let run = 0; run < SAMPLE_RUNS; run++) {
    page = await freshPage(null);
    await page.goto(server.url);
    await page.waitForSelector('.hic:not([aria-busy])', { state: 'attached' });
    sampleReads.push(await page.evaluate(readSample, SAMPLE_BYTES));
    await page.context().close();
  }

  const split = (list) => ({ first100: stats(list.slice(0, WARMUP)), warm: stats(list.slice(WARMUP)), all: stats(list) });
  browserResults = {
    chromium: browser.version(),
    navigationToUsableMs: { ...stats(loads), median: stats(loads).p50, loads },
    keystrokeCustomerMs: split(text),
    keystrokeCustomerSurveyJsMs: peer && split(peer),
    keystrokeNumberMs: { ...split(number), findingsChange },
    paste10kRowsMs: { ...stats(paste), median: stats(paste).p50, runs: paste },
    sample10MbMs: {
      ...stats(sampleReads.map((r) => r.ms)),
      median: stats(sampleReads.map((r) => r.ms)).p50,
      longestTaskMs: Math.max(...sampleReads.map((r) => r.longestTask)),
      runs: sampleReads,
    },
  };
} finally {
  await browser.close();
  server.close();
}
// Lighthouse last, each run in a Chromium of its own.
const lighthouse = await lighthouseRuns(dist, { peerDir, runs: lighthouseRunCount });

const cpuModel =
  (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) ?? [])[1] ?? cpus()[0]?.model ?? 'unknown CPU';
const nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
const native = nativePath ? JSON.parse(readFileSync(nativePath, 'utf8')).native : [];
const result = {
  date: new Date().toISOString(),
  machine: { nproc, cpu: cpuModel, chromium: browserResults.chromium },
  firstLoadBytes: sizes,
  browser: browserResults,
  lighthouse,
  native,
};
writeFileSync(outPath, `${JSON.stringify(result, null, 2)}\n`);

// The one table.
const B = (n) => n.toLocaleString('en-US');
const ms = (n) => n.toFixed(2);
const rows = [];
const add = (part, measure, value) => rows.push([part, measure, value]);
for (const a of sizes.assets) add('first load', a.name, `${B(a.raw)} B raw · ${B(a.gz)} gzip · ${B(a.br)} brotli`);
add('first load', 'total (wasm + js + widget css)', `${B(sizes.total.raw)} B raw · ${B(sizes.total.gz)} gzip · ${B(sizes.total.br)} brotli`);
const nav = browserResults.navigationToUsableMs;
add('browser', `navigation to a usable widget (${nav.n} fresh loads)`, `median ${ms(nav.median)} ms · p95 ${ms(nav.p95)} ms`);
for (const [name, s] of [
  ['Customer (text)', browserResults.keystrokeCustomerMs],
  ['SurveyJS, Customer name (text)', browserResults.keystrokeCustomerSurveyJsMs],
  [`Most events for one distinct_id (number, findings change)`, browserResults.keystrokeNumberMs],
].filter(([, s]) => s)) {
  add('browser', `keystroke -> preview, ${name}, first ${s.first100.n}`, `p50 ${ms(s.first100.p50)} ms · p95 ${ms(s.first100.p95)} ms`);
  add('browser', `keystroke -> preview, ${name}, warm (next ${s.warm.n})`, `p50 ${ms(s.warm.p50)} ms · p95 ${ms(s.warm.p95)} ms`);
}
const p = browserResults.paste10kRowsMs;
add('browser', `paste ${B(PASTE_ROWS)} rows -> status and preview (${p.n} runs)`, `median ${ms(p.median)} ms · max ${ms(p.max)} ms`);
const sr = browserResults.sample10MbMs;
const longest = sr.longestTaskMs ? `longest task ${sr.longestTaskMs} ms` : 'no task of 50 ms or more';
add('browser', `a ${SAMPLE_BYTES / 1e6} MB sample -> its summary (${sr.n} runs)`, `median ${ms(sr.median)} ms · max ${ms(sr.max)} ms · ${longest}`);
const ours = browserResults.keystrokeCustomerMs.all;
const theirs = browserResults.keystrokeCustomerSurveyJsMs?.all;
if (theirs) {
  add('browser', `keystroke -> preview, Customer, all ${ours.n}: ours / SurveyJS`, `p50 ${ms(ours.p50)} / ${ms(theirs.p50)} ms · p95 ${ms(ours.p95)} / ${ms(theirs.p95)} ms (${(ours.p95 / theirs.p95).toFixed(2)}×)`);
}
for (const r of native) add('native', `${r.case}${r.input === '—' ? '' : ` (${r.input})`}`, `median ${r.median_ms.toFixed(3)} ms`);

console.log(`bench: ${nproc} cores · ${cpuModel} · Chromium ${browserResults.chromium} · ${result.date}`);
console.log('');
const width = Math.max(...rows.map((r) => r[1].length));
console.log(`| part       | ${'measure'.padEnd(width)} | result |`);
console.log(`|------------|${'-'.repeat(width + 2)}|--------|`);
for (const [part, measure, value] of rows) console.log(`| ${part.padEnd(10)} | ${measure.padEnd(width)} | ${value} |`);
console.log('');
printLighthouse(lighthouse, lighthouseRunCount);
console.log('');
console.log(`written to ${outPath}`);

/** In the page: puts `bytes` of JSON lines in the sample box, then times its reading. */
async function readSample(bytes) {
  const area = document.querySelector('[data-field="sample"] textarea');
  const said = document.querySelector('.hic-sample-said');
  const lines = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const line = JSON.stringify({
      event: i % 10 ? 'order completed' : '$identify',
      distinct_id: `user-${i % 997}`,
      timestamp: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      uuid: `0190a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`,
      properties: { plan: 'team', total: i % 500, note: 'x'.repeat(120) },
    });
    lines.push(line);
    size += line.length + 1;
  }
  area.value = lines.join('\n');
  await new Promise((r) => setTimeout(r, 500)); // the browser lays the text out
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTask = Math.max(longestTask, Math.round(e.duration));
  });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  area.dispatchEvent(new Event('input', { bubbles: true }));
  while (!/^Read \d/.test(said.textContent)) {
    await new Promise((r) => setTimeout(r, 5));
    if (performance.now() - t0 > 30000) throw new Error('the sample was never summarised');
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { ms, longestTask };
}
