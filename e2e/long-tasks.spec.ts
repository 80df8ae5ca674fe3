import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { scenario } from './scenario';
import { Widget } from './widget';

// Mounting never blocks the page: with the CPU slowed 4× (Lighthouse's mobile profile,
// through the DevTools protocol) no task from the loader's request for the wasm until the
// widget has mounted every part and warmed up takes 50 ms or more, the browser's
// threshold for a long task. A long-task observer, started before any of the page's
// scripts, watches the page. The test waits in the page itself: Playwright's selector
// engine, which its locators evaluate in the page, is a long task of its own at 4×.

const SLOWDOWN = 4;
/** After the last part is in the page, mounting still evaluates the answers a few times. */
const WARM_UP_MS = 2_000;

interface LongTask {
  start: number;
  ms: number;
}

async function observeLongTasks(page: Page) {
  await page.addInitScript(() => {
    const tasks: unknown[] = ((window as any).__longTasks = []);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  /** The long tasks that ended after the wasm was requested (the page's own loading comes before). */
  return () =>
    page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
      const from = wasm ? wasm.startTime : 0;
      return ((window as any).__longTasks as LongTask[]).filter((t) => t.start + t.ms >= from);
    });
}

/** Resolves once the page holds a widget that has mounted every part. */
function mounted(page: Page) {
  return page.evaluate(
    () =>
      new Promise<void>((done) => {
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
      }),
  );
}

/** The time a fixed piece of work takes in the page, in ms. */
function work(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 3e6; i++) x += Math.sqrt(i);
    return performance.now() - t0 + (x < 0 ? 1 : 0);
  });
}

async function slowDown(cdp: CDPSession, rate: number) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

const DRAFTS: Record<string, Record<string, any> | null> = {
  'a new checklist': null,
  "a saved draft of a large import (every section, the pictures, the pasted rows)": scenario('large-import'),
};

for (const [name, draft] of Object.entries(DRAFTS)) {
  test(`no task of 50 ms or more while mounting ${name}, with the CPU slowed ${SLOWDOWN}×`, async ({ page }) => {
    test.slow(); // everything runs four times slower
    const cdp = await page.context().newCDPSession(page);
    await slowDown(cdp, SLOWDOWN);
    const longTasks = await observeLongTasks(page);
    if (draft) {
      await page.addInitScript((answers) => {
        localStorage.setItem('historical-import-checklist:checklist', JSON.stringify({ saved_at: Date.now(), answers }));
      }, draft);
    }
    await page.goto('/index.html');
    await mounted(page);
    await page.waitForTimeout(WARM_UP_MS);
    const seen = await longTasks();

    // Mounted, with the draft.
    const widget = new Widget(page);
    await expect(widget.markdown).toBeVisible();
    await expect(widget.root.getByRole('button', { name: 'Copy JSON' })).toBeVisible();
    if (draft) await expect(widget.field('Customer')).toHaveValue(draft.customer);
    expect(seen, "tasks of 50 ms or more from the wasm's request on (start and duration in ms)").toEqual([]);

    // The premises: the CPU was slowed (the same work takes several times longer than
    // unthrottled), and the observer sees a long task when there is one.
    const slowed = await work(page);
    await slowDown(cdp, 1);
    const normal = await work(page);
    expect(slowed / normal).toBeGreaterThan(SLOWDOWN / 2);
    await page.evaluate(() => {
      const t0 = performance.now();
      while (performance.now() - t0 < 60);
    });
    await expect.poll(async () => (await longTasks()).length).toBeGreaterThan(0);
  });
}
