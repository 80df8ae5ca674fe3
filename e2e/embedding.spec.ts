import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { CSP, watchProblems } from './csp';
import { Widget } from './widget';

const TWO_WIDGETS = `<!doctype html><html><head><meta charset="utf-8"><title>Two widgets</title>
<link rel="stylesheet" href="/widget.css"></head><body>
<div id="first" data-historical-import-checklist data-pipeline-team="#team-a"></div>
<div id="second" data-historical-import-checklist data-hot-id-events="lots" data-colour="red"></div>
<script type="module" src="/loader.js"></script>
</body></html>`;

test('two widgets on a page keep separate drafts and their own data-* settings', async ({ page, quietNetwork }) => {
  quietNetwork.allow('navigation'); // the reload
  const problems = await watchProblems(page);
  await page.route('**/two.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: TWO_WIDGETS }),
  );
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.goto('/two.html');
  const first = new Widget(page, page.locator('#first'));
  const second = new Widget(page, page.locator('#second'));
  await expect(first.markdown).toBeVisible();
  await expect(second.markdown).toBeVisible();

  await first.fill('Customer', 'First Co');
  await second.fill('Customer', 'Second Co');
  expect(await first.preview()).toContain('**To** \\#team-a');
  expect(await second.preview()).toContain('**To** the pipeline team');

  // The bad attribute is reported next to the widget and in the console; defaults hold.
  await expect(second.root.getByRole('list', { name: 'Configuration problems' })).toContainText(
    'data-hot-id-events="lots" is not a whole number of events; the default is used',
  );
  await expect(second.root.getByRole('list', { name: 'Configuration problems' })).toContainText('data-colour');
  expect(messages.some((m) => m.includes('data-hot-id-events="lots"'))).toBe(true);
  await expect(first.root.getByRole('list', { name: 'Configuration problems' })).toHaveCount(0);
  await second.fill('Most events for one distinct_id', '100000');
  await expect(second.findings.filter({ hasText: 'Hot distinct_ids' })).toHaveCount(1);
  expect(await problems()).toEqual({ violations: [], errors: [] });

  await page.waitForTimeout(700);
  await page.reload();
  await expect(new Widget(page, page.locator('#first')).field('Customer')).toHaveValue('First Co');
  await expect(new Widget(page, page.locator('#second')).field('Customer')).toHaveValue('Second Co');
});

const UNNAMED = `<!doctype html><html><head><meta charset="utf-8"><title>Unnamed widgets</title>
<link rel="stylesheet" href="/widget.css"></head><body>
<div class="w" data-historical-import-checklist></div>
<div class="w" data-historical-import-checklist></div>
<script type="module">import init from '/historical-import-checklist.js'; init();</script>
</body></html>`;

test('two widgets without an id keep separate drafts', async ({ page, quietNetwork }) => {
  quietNetwork.allow('navigation'); // the reload
  await page.route('**/unnamed.html', (route) => route.fulfill({ contentType: 'text/html', body: UNNAMED }));
  await page.goto('/unnamed.html');
  const first = new Widget(page, page.locator('.w').nth(0));
  const second = new Widget(page, page.locator('.w').nth(1));
  await first.fill('Customer', 'Alpha');
  await second.fill('Customer', 'Beta');
  await page.waitForTimeout(700);

  await page.reload();
  await expect(new Widget(page, page.locator('.w').nth(0)).field('Customer')).toHaveValue('Alpha');
  await expect(new Widget(page, page.locator('.w').nth(1)).field('Customer')).toHaveValue('Beta');
});

/** The README's embedding snippet, verbatim (the first html block under "Embedding"). */
function readmeEmbedding(): string {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding in the handbook'));
  const match = /```html\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('no html snippet under "## Embedding in the handbook" in README.md');
  return match[1];
}

test("the README's embedding snippet, as written, works under the strict policy with its data-* settings", async ({ page }) => {
  const problems = await watchProblems(page);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Handbook</title></head><body>${readmeEmbedding()}</body></html>`;
  await page.route('**/static/handbook.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: html }),
  );
  // The snippet's folder, /static/checklist/, holds the built files.
  await page.route('**/static/checklist/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace('/static/checklist/', '/');
    route.continue({ url: new URL(path, route.request().url()).href });
  });
  await page.goto('/static/handbook.html');
  const widget = new Widget(page, page.locator('#historical-import'));
  await expect(widget.markdown).toBeVisible();
  await widget.fill('Customer', 'Snippet Co');
  expect(await widget.preview()).toContain('**To** \\#team-ingestion');
  // data-hot-id-events="50000": 60,000 events on one id is hot (the default is higher).
  await widget.fill('Most events for one distinct_id', '60000');
  await expect(widget.findings.filter({ hasText: 'Hot distinct_ids' })).toHaveCount(1);
  expect(await problems()).toEqual({ violations: [], errors: [] });
});
