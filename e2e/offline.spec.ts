import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CSP, watchProblems } from './csp';
import { Widget } from './widget';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');

/** A host page embedding the widget the README's way: loader.js, no offline.js. */
const HOST = `<!doctype html><html><head><meta charset="utf-8"><title>Host</title>
<link rel="stylesheet" href="/widget.css"></head><body>
<div id="embedded" data-historical-import-checklist></div>
<script type="module" src="/loader.js"></script>
</body></html>`;

/** Waits until a service worker controls the page (it claims the page on its first visit). */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

/** Our caches in the browser (their names carry the worker's scope and the build's version). */
function ourCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('historical-import-checklist ')));
}

test('embedded: no request after load, it works offline, and no service worker is registered', async ({ page, context }) => {
  const problems = await watchProblems(page);
  await page.route('**/host.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: HOST }),
  );
  await page.goto('/host.html');
  const widget = new Widget(page, page.locator('#embedded'));
  await expect(widget.markdown).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Every request of the context, a service worker's included.
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  await context.setOffline(true);
  await widget.fill('Customer', 'Offline Inc');
  await widget.tick('Their product questions are answered');
  await widget.choose('What will they send?', 'Load test');
  await widget.fill('Total events', '5M');

  const md = await widget.preview();
  expect(md).toContain('Offline Inc');
  expect(md).toContain('5,000,000 events');
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  expect(context.serviceWorkers()).toEqual([]);
  expect(await problems()).toEqual({ violations: [], errors: [] });
});

test('a host page that also loads offline.js gets the offline copy of the widget', async ({ page, quietNetwork }) => {
  quietNetwork.allow('navigation'); // the reload, from the worker's cache
  // A file of its own in dist/ (the worker's scope is offline.js's folder; a dot file, so
  // the size report skips it), as a host serving the widget's folder would have.
  const name = `.e2e-opt-in-${test.info().workerIndex}-${Date.now()}.html`;
  writeFileSync(join(DIST, name), HOST.replace('</body>', '<script type="module" src="/offline.js"></script>\n</body>'));
  try {
    await page.goto(`/${name}`);
    const widget = new Widget(page, page.locator('#embedded'));
    await expect(widget.markdown).toBeVisible();
    await controlled(page);
    expect(await ourCaches(page)).toHaveLength(1);
    const loading: { url: string; fromCache: boolean }[] = [];
    page.on('response', (r) => loading.push({ url: r.url(), fromCache: r.fromServiceWorker() }));
    await page.reload();
    await expect(widget.markdown).toBeVisible();
    // The widget's files now come from the worker's cache.
    expect(loading.filter((r) => r.fromCache).map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining(['/loader.js', '/historical-import-checklist_bg.wasm', '/widget.css']),
    );
  } finally {
    rmSync(join(DIST, name), { force: true });
  }
});

test.describe('the standalone page', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('works offline after the first visit: reload, fill in, copy, with no request', async ({ page, context, quietNetwork }) => {
    quietNetwork.allow('navigation'); // the reload, from the worker's cache
    await page.goto('/index.html');
    await expect(new Widget(page).markdown).toBeVisible();
    await controlled(page);
    expect(await ourCaches(page)).toHaveLength(1);

    await context.setOffline(true);
    const loading: { url: string; fromCache: boolean }[] = [];
    page.on('response', (r) => loading.push({ url: r.url(), fromCache: r.fromServiceWorker() }));
    await page.reload();
    const widget = new Widget(page);
    await expect(widget.markdown).toBeVisible();
    // The page, the loader, the glue, the wasm, the styles: all from the worker's cache.
    expect(loading.map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining(['/index.html', '/loader.js', '/historical-import-checklist_bg.wasm', '/widget.css']),
    );
    expect(loading.filter((r) => !r.fromCache)).toEqual([]);

    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await widget.fill('Customer', 'Offline Inc');
    await widget.choose('What will they send?', 'Load test');
    await widget.fill('Total events', '5M');
    await widget.copyButton.click();
    await expect(widget.root.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^\*\*Load test alert [^\n]*\n\n## URGENT: load test request: Offline Inc/);
    expect(copied).toContain('5,000,000 events');
    expect(requests).toEqual([]);
  });
});

test.describe('builds of the offline copy', () => {
  // A folder of its own in dist/ (a dot folder: the size report skips it), built by the
  // same post_build hook Trunk runs, as a server would get one build after another.
  let dir: string;
  let scope: string;
  test.beforeEach(() => {
    const name = `.e2e-offline-${test.info().workerIndex}-${Date.now()}`;
    dir = join(DIST, name);
    scope = `/${name}/`;
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), readFileSync(join(DIST, 'index.html')));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));
  // These tests drive the worker itself: they load new builds into open pages, the worker
  // installs them, and the test fetches from a page to see what the worker serves.
  test.beforeEach(({ quietNetwork }) => quietNetwork.allow('navigation', 'service-worker', 'page'));

  let builds = 0;
  function build(profile: 'release' | 'debug'): string {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'service-worker.mjs')], {
      env: { ...process.env, TRUNK_PROFILE: profile, TRUNK_STAGING_DIR: dir, TRUNK_SOURCE_DIR: ROOT },
      stdio: 'ignore',
    });
    // The browser checks sw.js with If-Modified-Since, which the test server compares with
    // the file's time in whole seconds: builds a second apart, as in real life.
    const time = Date.now() / 1000 + 2 * ++builds;
    utimesSync(join(dir, 'sw.js'), time, time);
    return /"version":"([0-9a-f]+)"/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))?.[1] ?? '';
  }
  const cacheName = (version: string) => `historical-import-checklist http://127.0.0.1:${process.env.E2E_PORT ?? 4173}${scope} ${version}`;

  test('a new build installs its own cache and replaces the old one once no page of the old build is open', async ({ context }) => {
    const first = build('release');
    const page = await context.newPage();
    await page.goto(scope);
    await controlled(page);
    expect(await ourCaches(page)).toEqual([cacheName(first)]);

    // A new build: one file changed, so a new version and a new sw.js.
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), html.replace('<h1>Historical import</h1>', '<h1>Historical import, new build</h1>'));
    const second = build('release');
    expect(second).not.toBe(first);
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update();
      while (!registration.waiting) await new Promise((r) => setTimeout(r, 50));
    });
    // Installed beside the old one, which keeps serving the open page its own build.
    expect((await ourCaches(page)).sort()).toEqual([cacheName(first), cacheName(second)].sort());
    expect(await page.evaluate(() => fetch('index.html').then((r) => r.text()))).not.toContain('new build');

    // Once that page is closed the new build takes over and the old cache is deleted.
    await page.close();
    const next = await context.newPage();
    await next.goto('/page.css'); // the same origin, outside the worker's scope
    await expect.poll(() => ourCaches(next)).toEqual([cacheName(second)]);
    await next.goto(scope);
    await expect(next.getByRole('heading', { level: 1 })).toHaveText('Historical import, new build');
    await expect(new Widget(next).markdown).toBeVisible();
  });

  test('a development build removes an offline copy left on its origin', async ({ page }) => {
    build('release');
    await page.goto(scope);
    await controlled(page);
    expect(await ourCaches(page)).toHaveLength(1);

    // What `trunk serve` writes: a sw.js that clears up, and an offline.js that registers nothing.
    build('debug');
    expect(readFileSync(join(dir, 'offline.js'), 'utf8')).not.toContain('register');
    // The browser checks sw.js on each page load; update() does the same at once. The new
    // worker deletes the caches, unregisters and reloads the page, from the network now.
    const reloaded = page.waitForEvent('framenavigated');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await reloaded;
    await expect(new Widget(page).markdown).toBeVisible();
    // The worker's unregistration may settle just after the reload it asked for.
    await expect.poll(() => ourCaches(page)).toEqual([]);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)))
      .toBe(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  });
});
