import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { CSP } from './csp';
import { fillScenario, golden, scenario } from './scenario';
import { Widget } from './widget';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test('a copied link opens the same answers in a fresh browser, and asks before replacing a draft', async ({ page, browser, quietNetwork }) => {
  quietNetwork.allow('navigation'); // opening the link again, over a draft
  const widget = await Widget.open(page);
  await fillScenario(widget, scenario('small-import'));
  const block = await widget.preview();
  await widget.root.getByRole('button', { name: 'Copy link' }).click();
  await expect(widget.root.getByText('Link copied')).toBeVisible();
  const link = await clipboard(page);
  expect(link).toMatch(/\/index\.html#hic=1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);

  // A fresh browser (no draft): the link fills the widget, and leaves the address bar.
  const fresh = await browser.newContext();
  quietNetwork.watch(fresh);
  const other = await fresh.newPage();
  const requests: string[] = [];
  await other.goto(link);
  const opened = new Widget(other);
  await expect.poll(() => opened.preview()).toBe(block);
  expect(new URL(other.url()).hash).toBe('');
  // The link's answers are the new draft: a reload keeps them.
  await other.reload();
  await expect.poll(() => opened.preview()).toBe(block);

  // Where a different draft exists, the reader is asked, and can undo.
  await opened.fill('Customer', 'Someone Else Ltd');
  await other.goto('about:blank');
  await other.goto(link);
  await expect(opened.root.getByRole('alert')).toContainText('Replace your current answers with the answers from the link');
  expect(await opened.preview()).toContain('Someone Else Ltd');
  await other.waitForLoadState('networkidle');
  other.on('request', (r) => requests.push(r.url()));
  await opened.root.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect.poll(() => opened.preview()).toBe(block);
  await opened.root.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => opened.preview()).toContain('Someone Else Ltd');
  // Replacing and undoing is all in the page: no request.
  expect(requests).toEqual([]);
  await fresh.close();
});

test('a cut or foreign link says so and changes nothing', async ({ page, quietNetwork }) => {
  quietNetwork.allow('navigation'); // opening the links
  const widget = await Widget.open(page);
  await widget.fill('Customer', 'Kept Co');
  await widget.root.getByRole('button', { name: 'Copy link' }).click();
  const link = await clipboard(page);
  await page.goto('about:blank');
  await page.goto(link.slice(0, link.length - 20));
  await expect(widget.root.getByRole('alert')).toContainText('incomplete or damaged');
  expect(await widget.preview()).toContain('Kept Co');

  await page.goto('about:blank');
  await page.goto(link.replace('#hic=1.', '#hic=9.'));
  await expect(widget.root.getByRole('alert')).toContainText('newer version of the checklist');
  expect(await widget.preview()).toContain('Kept Co');
});

test('export as JSON, clear, import: the same block', async ({ page }) => {
  const widget = await Widget.open(page);
  await fillScenario(widget, scenario('large-import'), { paste: true });
  const block = await widget.preview();
  expect(block).toBe(golden('large-import'));

  const download = page.waitForEvent('download');
  await widget.root.getByRole('button', { name: 'Download JSON' }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('historical-import-acme-corp.json');
  const json = readFileSync(file, 'utf8');
  expect(JSON.parse(json).customer).toBe('Acme Corp');

  await widget.root.getByRole('button', { name: 'Start over' }).click();
  await widget.root.getByRole('button', { name: 'Clear answers' }).click();
  expect(await widget.preview()).not.toContain('Acme Corp');
  await widget.root.getByLabel('Import answers (JSON)').setInputFiles(file);
  await expect.poll(() => widget.preview()).toBe(block);

  // Pasted JSON over other answers: asked first.
  await widget.root.getByRole('button', { name: 'Copy JSON' }).click();
  const copied = await clipboard(page);
  await widget.fill('Customer', 'Changed Co');
  await widget.root.getByLabel('Answers as JSON, to import').fill(copied);
  await widget.root.getByRole('button', { name: 'Import pasted JSON' }).click();
  await expect(widget.root.getByRole('alert')).toContainText('Replace your current answers with the imported answers?');
  await widget.root.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect.poll(() => widget.preview()).toBe(block);

  await widget.root.getByLabel('Answers as JSON, to import').fill('{"schema_version": 7}');
  await widget.root.getByRole('button', { name: 'Import pasted JSON' }).click();
  await expect(widget.root.getByText('newer version of the checklist (schema 7')).toBeVisible();
  await widget.root.getByLabel('Answers as JSON, to import').fill('not json');
  await widget.root.getByRole('button', { name: 'Import pasted JSON' }).click();
  await expect(widget.root.getByText('This is not JSON: nothing was imported.')).toBeVisible();
  expect(await widget.preview()).toBe(block);
});

const TICKET_PAGE = (template: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Ticket</title>
<link rel="stylesheet" href="/widget.css"></head><body>
<div id="t" data-historical-import-checklist data-ticket-url="${template}" data-share-link="false"></div>
<script type="module" src="/loader.js"></script></body></html>`;

test('Open as ticket opens the configured URL with the block; no link when the host turned it off', async ({ page, context, quietNetwork }) => {
  quietNetwork.allow('popup'); // the ticket
  await page.route('**/ticket-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': CSP },
      body: TICKET_PAGE('http://127.0.0.1/new-ticket?title={title}&amp;body={body}'),
    }),
  );
  await context.route('http://127.0.0.1/new-ticket**', (route) => route.fulfill({ contentType: 'text/plain', body: 'ticket' }));
  await page.goto('/ticket-host.html');
  const widget = new Widget(page, page.locator('#t'));
  await widget.fill('Customer', 'Ticket Co');
  await expect(widget.root.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  const popup = page.waitForEvent('popup');
  await widget.root.getByRole('button', { name: 'Open as ticket' }).click();
  const url = new URL((await popup).url());
  expect(url.searchParams.get('title')).toBe('Historical import request: Ticket Co');
  expect(url.searchParams.get('body')).toBe(await widget.preview());
});
