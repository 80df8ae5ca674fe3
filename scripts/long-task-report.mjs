#!/usr/bin/env node
// Long-task report: does mounting the widget block the handbook page? In Debian's
// Chromium on the release build, with the CPU slowed 4× (Lighthouse's mobile profile,
// through the DevTools protocol), a long-task observer started before any of the page's
// scripts lists every task of 50 ms or more (the browser's threshold) from the loader's
// request for the wasm until two seconds after the widget has mounted every part. Run
// five times for a new checklist and for a saved draft of the large import; prints each
// run's long tasks and, per case, the longest task's median and worst.
// The gate is e2e/long-tasks.spec.ts, which passes once one of up to ten mounts has no
// long task (on a shared 2-core machine what else runs can only lengthen a task); this
// report shows how often a mount has none, and by how much the others miss. The premise
// is checked each time: the observer sees a 60 ms task the page runs on purpose.
import { readFileSync } from 'node:fs';
import { launchChromium, seedDraft, serveDist, stats } from './report-lib.mjs';

const dist = process.argv[2] ?? 'dist';
const RUNS = Number(process.env.LONG_TASK_RUNS ?? 5);
const SLOWDOWN = 4;
/** After the last part is in the page, mounting still evaluates the answers a few times. */
const WARM_UP_MS = 2_000;
const CASES = {
  'a new checklist': null,
  'a saved draft of the large import': JSON.parse(readFileSync('tests/scenarios/large-import.json', 'utf8')),
};

function observe() {
  const tasks = (window.__longTasks = []);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
}

/** The long tasks that ended after the wasm was requested (the page's own loading comes before). */
function longTasksSinceWasm() {
  const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
  const from = wasm ? wasm.startTime : 0;
  return window.__longTasks.filter((t) => t.start + t.ms >= from);
}

/** Resolves once the page holds a widget that has mounted every part. */
function mounted() {
  return new Promise((done) => {
    const ready = () => {
      const widget = document.querySelector('.hic');
      return widget !== null && !widget.hasAttribute('aria-busy');
    };
    if (ready()) return done();
    new MutationObserver((_, observer) => {
      if (ready()) {
        observer.disconnect();
        done();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/** Runs a 60 ms task in the page and resolves to whether the observer saw it. */
async function observerWorks(page) {
  const before = await page.evaluate(() => window.__longTasks.length);
  // From a timer: a script the DevTools protocol evaluates is not a task of the page's.
  await page.evaluate(
    () =>
      new Promise((done) =>
        setTimeout(() => {
          const t0 = performance.now();
          while (performance.now() - t0 < 60);
          done();
        }),
      ),
  );
  for (let waited = 0; waited < 3000; waited += 100) {
    if ((await page.evaluate(() => window.__longTasks.length)) > before) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

async function run(browser, url, draft) {
  // No service worker: the demo's offline copy would be filling its cache while we measure.
  const page = await browser.newPage({ serviceWorkers: 'block' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  await page.addInitScript(observe);
  if (draft) await seedDraft(page, draft);
  await page.goto(url);
  await page.evaluate(mounted);
  await page.waitForTimeout(WARM_UP_MS);
  const tasks = await page.evaluate(longTasksSinceWasm);
  if (!(await observerWorks(page))) throw new Error('the long-task observer missed a 60 ms task: nothing measured');
  await page.close();
  return tasks;
}

const server = await serveDist(dist);
const browser = await launchChromium();
try {
  for (const [name, draft] of Object.entries(CASES)) {
    const longest = [];
    for (let i = 1; i <= RUNS; i++) {
      const tasks = await run(browser, server.url, draft);
      longest.push(Math.max(0, ...tasks.map((t) => t.ms)));
      const list = tasks.map((t) => `${t.ms} ms at ${t.start} ms`).join(', ') || 'none';
      console.log(`mounting ${name}, run ${i}, CPU ${SLOWDOWN}× slower: long tasks ${list}`);
    }
    const s = stats(longest);
    const within = longest.filter((ms) => ms < 50).length;
    console.log(
      `mounting ${name}: longest task per run, median ${s.p50} ms, worst ${s.max} ms; ` +
        `${within} of ${RUNS} runs without a task of 50 ms or more`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
