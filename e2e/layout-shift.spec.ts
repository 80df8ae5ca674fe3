import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CSP } from './csp';
import { Widget } from './widget';

// Mounting the widget moves nothing on the host page: its element has its final size
// before the wasm starts (widget.css reserves it), so the page's text below the widget
// does not jump when the form appears. A layout-shift observer, started before any of
// the page's scripts, watches the whole page from navigation until the widget has
// finished mounting, with the widget's top above the fold, at a phone's and a desktop's
// width.

/** The README's embedding: a handbook page with the widget between its paragraphs. */
const HANDBOOK = `<!doctype html><html><head><meta charset="utf-8"><title>Handbook</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/page.css"><link rel="stylesheet" href="/widget.css"></head><body>
<main class="handbook-page"><h1>Historical import</h1>
<p>Go through the checklist below with the customer.</p>
<div id="historical-import" data-historical-import-checklist data-pipeline-team="#team-ingestion"></div>
${'<p>The page goes on below the checklist: busy distinct_ids, ordering, load tests and what to tell the customer.</p>'.repeat(12)}
</main>
<script type="module" src="/loader.js" fetchpriority="low"></script>
</body></html>`;

const SIZES = { phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 720 } };

/** Pages where the widget starts above the fold, at the widths where it does. */
const PAGES: { name: string; path: string; sizes: (keyof typeof SIZES)[] }[] = [
  // On a phone the demo's introduction fills the first screen.
  { name: 'the demo page', path: '/index.html', sizes: ['desktop'] },
  { name: 'the demo page opened at the widget (#checklist)', path: '/index.html#checklist', sizes: ['phone', 'desktop'] },
  { name: 'a handbook page embedding it', path: '/handbook.html', sizes: ['phone', 'desktop'] },
];

interface Shift {
  value: number;
  input: boolean;
  /** What moved: a description of each node, and whether it is part of the widget. */
  sources: { node: string; inWidget: boolean }[];
}

/** Records every layout shift of the page from its first byte on. */
async function observeShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: unknown[] = ((window as any).__shifts = []);
    const describe = (node: Node | null) => {
      const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
      if (!el) return { node: String(node?.nodeName ?? 'a removed node'), inWidget: false };
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return {
        node: `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ${text}`,
        inWidget: Boolean(el.closest('[data-historical-import-checklist], .hic')),
      };
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) {
        shifts.push({ value: e.value, input: e.hadRecentInput, sources: (e.sources ?? []).map((s: any) => describe(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as any).__shifts as Shift[]);
}

/** Waits until the widget has mounted every part, and two more frames for the observer. */
async function mounted(page: Page) {
  const widget = new Widget(page);
  await expect(widget.markdown).toBeVisible();
  await expect(widget.root.getByRole('button', { name: 'Copy JSON' })).toBeVisible();
  await expect(page.locator('.hic[aria-busy]')).toHaveCount(0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(300);
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test.describe(`at a ${size}'s width (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });

    for (const { name, path } of PAGES.filter((p) => p.sizes.includes(size as keyof typeof SIZES))) {
      test(`mounting shifts nothing on ${name}`, async ({ page }) => {
        await page.route('**/handbook.html', (route) =>
          route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: HANDBOOK }),
        );
        const shifts = await observeShifts(page);
        await page.goto(path);
        await mounted(page);

        // The premise: the widget starts above the fold, where a shift would be seen.
        const top = await page.locator('[data-historical-import-checklist]').evaluate((el) => el.getBoundingClientRect().top);
        expect(top).toBeGreaterThan(-1);
        expect(top).toBeLessThan(viewport.height);

        const seen = (await shifts()).filter((s) => !s.input);
        const ofThePage = seen.filter((s) => s.sources.some((src) => !src.inWidget));
        expect(ofThePage, "layout shifts of the host page's content while the widget mounted").toEqual([]);
        const cls = seen.reduce((sum, s) => sum + s.value, 0);
        expect(cls, `cumulative layout shift while mounting: ${JSON.stringify(seen)}`).toBeLessThanOrEqual(0.01);

        // The observer does see the page's content move: at the top of the page (no scroll
        // anchoring there), push it down by a line.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.evaluate(() => {
          const line = document.createElement('p');
          line.textContent = 'A line the host page adds at its top.';
          document.body.prepend(line);
        });
        await expect.poll(async () => (await shifts()).filter((s) => s.sources.some((src) => !src.inWidget)).length).toBeGreaterThan(0);
      });
    }
  });
}
