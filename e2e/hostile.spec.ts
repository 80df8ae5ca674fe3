import { expect, test } from './fixtures';
import { Widget } from './widget';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** What a careless or hostile customer might send us, all in one answer. */
const HOSTILE =
  '<img src=x onerror="window.__pwned=1"> cc @octocat @here #4521 GH-123 owner/repo#1 ' +
  'https://evil.example/login www.evil.example jane@acme.com ' +
  '\u202Ekcah\u200B\uFEFF | **bold** `code` [link](javascript:alert(1)) \n# heading\n- item';

/**
 * In list cells (distinct_ids, app and event names): a distinct_id is shown exactly as
 * typed in code, where `GH-123` or `#4521` reference nothing, so only what could ping,
 * link or hide is tried there.
 */
const HOSTILE_NAME = '@here cc @octocat https://evil.example/x www.evil.example jane@acme.com \u202Eid\u200B\uFEFF | **b** `c`';

/** Every free-text question, once "Both" shows every section. */
const TEXT_FIELDS = [
  'Customer',
  'PostHog organization',
  'Your name',
  'Your team',
  'Your handle',
  'Where the events come from, and what sends them',
  'Who can pause or slow the sender during the run, and how do we reach them?',
  'Notes on commitment',
  'Notes on the ramp-up',
  'Goal of the load test',
  'Anything else',
];

test('hostile text in every field pings no one, links nowhere and hides nothing, in every format', async ({ page }) => {
  const widget = await Widget.open(page);
  await widget.choose('What will they send?', 'Both');
  for (const label of TEXT_FIELDS) {
    await widget.fill(label, HOSTILE);
  }
  await widget.root.getByRole('button', { name: 'Add row' }).click();
  await widget.fill('distinct_id, row 1', HOSTILE_NAME);
  await widget.fill('events, row 1', '10');
  await widget.choose('Will apps be enabled?', 'Yes');
  await widget.root.getByRole('button', { name: 'Add app' }).click();
  await widget.fill('App name, row 1', HOSTILE_NAME);
  await widget.fill('Custom event name', HOSTILE_NAME);
  await widget.root.getByRole('button', { name: 'Add', exact: true }).click();
  // A link with a hidden character is not taken as the conversation link.
  await widget.fill('Conversation or ticket link', 'https://evil.example/\u202Enigol');
  await expect(widget.errorFor('Conversation or ticket link')).toContainText('hidden character, <U+202E>');
  // Nothing typed became HTML, in the form or in the rendered view.
  await widget.root.getByRole('button', { name: 'Rendered', exact: true }).click();
  expect(await widget.root.locator('img').count()).toBe(0);
  expect(await widget.root.locator('.hic-rendered a').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(widget.root.locator('.hic-rendered h4')).toContainText('<U+202E>kcah<U+200B><U+FEFF>');

  for (const format of ['GitHub', 'Slack', 'Plain text']) {
    await widget.root.getByRole('button', { name: format, exact: true }).click();
    await widget.copyButton.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied, format).toContain('＠octocat');
    // The list cells are in the block, neutralised the same way.
    if (format !== 'GitHub') expect(copied, format).toContain('＠here cc ＠octocat');
    expect(copied.split('<U+202E>id<U+200B><U+FEFF>').length, format).toBeGreaterThanOrEqual(3);
    // GitHub neither pings nor links inside code spans, where distinct_ids and event
    // names are shown exactly as typed; Slack and plain text neutralise them there too.
    const seen = format === 'GitHub' ? copied.replace(/(`+)[^\n]*?\1/g, '') : copied;
    for (const bad of ['@octocat', '@here', '#4521', 'GH-123', 'https://', 'www.evil', 'jane@', '\u202E', '\u200B', '\uFEFF']) {
      expect(seen.includes(bad), `${format} contains ${JSON.stringify(bad)}:\n${seen.split('\n').filter((l) => l.includes(bad)).join('\n')}`).toBe(false);
    }
  }
  // What was typed is kept as typed.
  await expect(widget.field('Customer')).toHaveValue(HOSTILE.replace(/\n/g, ' '));
});

test('100 KB in a note keeps the page responsive, the draft whole and the block short', async ({ page }) => {
  const widget = await Widget.open(page);
  const huge = '0'.repeat(50_000) + '.'.repeat(50_000);
  await widget.fill('Anything else', huge);

  const md = await widget.preview();
  expect(md).toContain('(98,000 more characters not shown)');
  expect(md.length).toBeLessThan(60_000);
  await expect(widget.field('Anything else')).toHaveValue(huge);
  await expect(widget.errorFor('Anything else')).toContainText(
    '100,000 characters: the request block shows the first 2,000',
  );
  // One more character in that note reaches the preview quickly: escaping is linear
  // (a rescan before every '.' once took about 4 s per input event here). Timed in the
  // page, from the input event to the preview's new text; the bound leaves room for a
  // slow machine, and the old code was far over it.
  const ms = await widget.field('Anything else').evaluate(async (el) => {
    const note = el as HTMLTextAreaElement;
    const preview = note.closest('.hic')!.querySelector('textarea.hic-markdown') as HTMLTextAreaElement;
    const before = preview.value;
    const t0 = performance.now();
    note.value += '.';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    while (preview.value === before) await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  });
  expect(ms).toBeLessThan(1_500);
  // Typing elsewhere still updates the block at once.
  await widget.fill('Customer', 'Still Responsive Ltd');
  await expect.poll(() => widget.preview()).toContain('Still Responsive Ltd');
});
