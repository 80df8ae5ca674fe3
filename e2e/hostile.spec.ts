import { expect, test } from './fixtures';
import { Widget } from './widget';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** What a careless or hostile customer might send us, all in one answer. */
const HOSTILE =
  '<img src=x onerror="window.__pwned=1"> cc @octocat @here #4521 GH-123 owner/repo#1 ' +
  'https://evil.example/login www.evil.example jane@acme.com ' +
  '\u202Ekcah\u200B\uFEFF | **bold** `code` [link](javascript:alert(1)) \n# heading\n- item';

/** Every free-text question, once "Both" shows every section. */
const TEXT_FIELDS = [
  'Customer',
  'PostHog organization',
  'Your name',
  'Your team',
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
    for (const bad of ['@octocat', '@here', '#4521', 'GH-123', 'https://', 'www.evil', 'jane@', '\u202E', '\u200B', '\uFEFF']) {
      expect(copied.includes(bad), `${format} contains ${JSON.stringify(bad)}`).toBe(false);
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
  // Typing elsewhere still updates the block at once.
  await widget.fill('Customer', 'Still Responsive Ltd');
  await expect.poll(() => widget.preview()).toContain('Still Responsive Ltd');
});
