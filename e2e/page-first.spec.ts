import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CSP, watchProblems } from './csp';
import { Widget } from './widget';

// The page first: the loader fetches the wasm only once the host page has painted its
// content (the first contentful paint) or, at the latest, after its load event, so the
// widget never delays the page's own first and largest paint, and once the widget is
// ready it fetches nothing more (the fixture fails any request after the page has
// loaded; the wasm's is part of loading it).

const WASM = '/historical-import-checklist_bg.wasm';

/**
 * When the page first painted content, when its load event ended, and when the wasm's
 * request started (ms from navigation). The loader starts the request when the browser
 * reports the first contentful paint, or two frames after the load event, whichever
 * comes first: the report carries the time the frame was presented, which on a busy
 * machine can come after the next frame has begun, so the load event's path may start
 * the request a little before the paint's time. Either way the content's frame has
 * been drawn, and the request is at low priority.
 */
function timeline(page: Page) {
  return page.evaluate((wasm) => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
    const resource = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) =>
      new URL(r.name).pathname.endsWith(wasm),
    );
    return { fcp, load, wasm: resource?.startTime ?? null, painted: fcp === null ? load : Math.min(fcp, load) };
  }, WASM);
}

/** Every request the page makes from now on. */
function requestsFrom(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

async function ready(widget: Widget) {
  await expect(widget.markdown).toBeVisible();
  await expect(widget.root.getByRole('button', { name: 'Copy JSON' })).toBeVisible();
  await expect(widget.page.locator('.hic[aria-busy]')).toHaveCount(0);
}

test('the demo page paints before the wasm is fetched, and the ready widget fetches nothing', async ({ page }) => {
  const requests = requestsFrom(page);
  await page.goto('/index.html');
  const widget = new Widget(page);
  await ready(widget);
  const t = await timeline(page);
  expect(t.fcp, 'the page painted its content').not.toBeNull();
  expect(t.wasm, 'the wasm was fetched').not.toBeNull();
  expect(t.wasm!).toBeGreaterThanOrEqual(t.painted);

  const before = requests.length;
  await widget.fill('Customer', 'Ready Co');
  await expect.poll(() => widget.preview()).toContain('Ready Co');
  await page.waitForTimeout(1_000);
  expect(requests.slice(before), 'requests once the widget was ready').toEqual([]);
});

/** The README's JS API page: its own module imports mount from loader.js. */
const API_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>JS API</title>
<link rel="stylesheet" href="/widget.css"></head><body>
<h1>A host page</h1><p>Its own text, painted before the widget's wasm is fetched.</p>
<div id="mine"></div>
<script type="module" src="/mine.js"></script>
</body></html>`;
const API_MODULE = `import { mount } from './loader.js';
window.handle = mount(document.getElementById('mine'), { storageKey: 'page-first' });`;

test('a host mounting through the JS API gets the same: its page paints first', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.route('**/api-first.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: API_PAGE }),
  );
  await page.route('**/mine.js', (route) => route.fulfill({ contentType: 'text/javascript', body: API_MODULE }));
  await page.goto('/api-first.html');
  const widget = new Widget(page, page.locator('#mine'));
  await ready(widget);
  const t = await timeline(page);
  expect(t.fcp).not.toBeNull();
  expect(t.wasm).not.toBeNull();
  expect(t.wasm!).toBeGreaterThanOrEqual(t.painted);
  await widget.fill('Customer', 'Api Co');
  expect(await page.evaluate(() => (window as any).handle.answers().customer)).toBe('Api Co');
  expect(await problems()).toEqual({ violations: [], errors: [] });
});

/** A page with nothing but the widget: it paints no content of its own before the widget. */
const BARE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Bare</title>
<link rel="stylesheet" href="/widget.css"></head><body>
<div data-historical-import-checklist></div>
<script type="module" src="/loader.js"></script>
</body></html>`;

test('a page that paints no content of its own still gets its widget, after its load event', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.route('**/bare.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: BARE_PAGE }),
  );
  await page.goto('/bare.html');
  const widget = new Widget(page, page.locator('[data-historical-import-checklist]'));
  await ready(widget);
  const t = await timeline(page);
  expect(t.wasm, 'the wasm was fetched').not.toBeNull();
  expect(t.wasm!).toBeGreaterThanOrEqual(t.load);
  await widget.fill('Customer', 'Bare Co');
  await expect.poll(() => widget.preview()).toContain('Bare Co');
  expect(await problems()).toEqual({ violations: [], errors: [] });
});
