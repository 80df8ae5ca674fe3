import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { CSP } from './csp';
import { fillScenario, golden, sample, scenario } from './scenario';
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
  expect(link).toMatch(/\/index\.html#hic=2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);

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
  await page.goto(link.replace('#hic=2.', '#hic=9.'));
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
  await expect(widget.root.getByText('The ticket opened in a new tab, with the block in it.')).toBeVisible();

  // A block too long for the ticket's URL: it is copied, and the ticket says to paste it.
  for (const note of ['Anything else', 'Notes on commitment', 'Notes on the ramp-up']) {
    await widget.fill(note, 'Details the customer gave us on the call. '.repeat(45));
  }
  const long = page.waitForEvent('popup');
  await widget.root.getByRole('button', { name: 'Open as ticket' }).click();
  const longUrl = new URL((await long).url());
  expect(longUrl.searchParams.get('body')).toBe('Paste the request block here: it was copied to your clipboard.');
  expect(await clipboard(page)).toBe(await widget.preview());
  await expect(widget.root.getByText('The block was copied and the ticket opened in a new tab: paste the block into it.')).toBeVisible();
});

test('the questions for the customer follow the chosen format, are copied as shown, and shrink as answers come in', async ({ page }) => {
  const widget = await Widget.open(page);
  const questions = widget.root.getByLabel('Questions for the customer, as they will be copied');
  const copy = widget.root.getByRole('button', { name: 'Copy questions' });
  // A new checklist asks for everything, with the distinct_id query to run.
  await expect(questions).toHaveValue(/^### Before you send us your events\n/);
  const all = await questions.inputValue();
  expect(all).toContain('`select count(*), distinct_id from events group by distinct_id');
  // Nothing meant for the pipeline team reaches the customer.
  for (const internal of ['#team-ingestion', 'threshold', 'Blocking', 'overflow', 'partition']) {
    expect(all).not.toContain(internal);
  }

  for (const [format, heading] of [
    ['Slack', /^\*Before you[^*\n]+\*$/m],
    ['Plain text', /^Before you[^*#\n]+$/m],
  ] as const) {
    await widget.root.getByRole('group', { name: 'Copy for' }).getByRole('button', { name: format }).click();
    const text = await questions.inputValue();
    expect(text).toMatch(heading);
    expect(text).not.toMatch(/^#/m);
    expect(text).toContain('select count(*), distinct_id from events group by distinct_id');
    await copy.click();
    await expect.poll(() => clipboard(page)).toBe(text);
  }

  // Answers come in: the list shrinks, and the customer is asked to wait for our go-ahead.
  const before = all.split('\n').filter((l) => l.startsWith('- ')).length;
  await widget.root.getByRole('group', { name: 'Copy for' }).getByRole('button', { name: 'GitHub' }).click();
  await widget.fill('Customer', 'Shrink Co');
  await widget.fill('Total events', '250k');
  const fewer = (await questions.inputValue()).split('\n').filter((l) => l.startsWith('- ')).length;
  expect(fewer).toBeLessThan(before);
  await fillScenario(widget, scenario('small-import'), { sample: sample('small-import') });
  await expect(questions).toHaveValue(golden('small-import', 'questions.md'));
  await copy.click();
  await expect.poll(() => clipboard(page)).toContain('Please wait for our go-ahead before you send anything.');
});

test('a link that would be too long is not copied: the widget says so and offers JSON', async ({ page }) => {
  const widget = await Widget.open(page);
  await fillScenario(widget, scenario('large-import'), { paste: true });
  // Notes long enough to pass the link's safe length.
  const long = 'The customer explained their migration plan at length. '.repeat(30);
  const notes = widget.root.locator('.hic-q textarea');
  for (let i = 0; i < Math.min(await notes.count(), 3); i++) await widget.fillControl(notes.nth(i), long);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await widget.root.getByRole('button', { name: 'Copy link' }).click();
  await expect(widget.root.getByText(/that survive being pasted everywhere: use Download JSON instead/)).toBeVisible();
  expect(await clipboard(page)).toBe('before');
});

test('with sharing turned off, a prefilled link is ignored; a foreign fragment changes nothing', async ({ page, quietNetwork }) => {
  quietNetwork.allow('navigation'); // opening the links
  const widget = await Widget.open(page);
  await fillScenario(widget, scenario('small-import'));
  const block = await widget.preview();
  await widget.root.getByRole('button', { name: 'Copy link' }).click();
  const link = await clipboard(page);

  // A host page of its own with data-share-link="false", given the link's fragment.
  const hash = new URL(link).hash;
  await page.route('**/no-share.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': CSP },
      body: `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/widget.css"></head><body>
<div id="n" data-historical-import-checklist data-share-link="false"></div>
<script type="module" src="/loader.js"></script></body></html>`,
    }),
  );
  await page.goto('/no-share.html' + hash);
  const off = new Widget(page, page.locator('#n'));
  await expect(off.markdown).toBeVisible();
  expect(await off.preview()).not.toContain('Northwind Traders');
  await expect(off.root.getByRole('alert')).toHaveCount(0);
  await expect(off.root.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  // No ticket template: no ticket button.
  await expect(off.root.getByRole('button', { name: 'Open as ticket' })).toHaveCount(0);

  // Back on the demo: a fragment of some other tool is left alone.
  await page.goto('/index.html#section-2');
  await expect.poll(() => widget.preview()).toBe(block);
  await expect(widget.root.getByRole('alert')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#section-2');
  // A cut link: the message, and the very same block.
  await page.goto('about:blank');
  await page.goto(link.slice(0, link.length - 12));
  await expect(widget.root.getByRole('alert')).toContainText('incomplete or damaged');
  expect(await widget.preview()).toBe(block);
});
