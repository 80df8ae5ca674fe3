import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Widget } from './widget';

// A log of two /batch requests as the customer's sender writes them, with their project
// key. The key's value must never leave the box.
const KEY = 'phc_secret123';
const event = (name: string, id: string, second: number, uuid: number) =>
  `{"event": "${name}", "distinct_id": "${id}", "timestamp": "2023-03-01T10:00:0${second}Z", "uuid": "0188a0c4-5f3e-7c2b-9d1a-00000000000${uuid}", "properties": {"plan": "pro"}}`;
const BATCH = [
  `{"api_key": "${KEY}", "historical_migration": true, "batch": [${event('$identify', 'u1', 0, 1)}, ${event('order completed', 'u1', 1, 2)}, ${event('order completed', 'u2', 2, 3)}]}`,
  `{"api_key": "${KEY}", "historical_migration": true, "batch": [${event('order completed', 'u1', 3, 4)}]}`,
].join('\n');

/** The sample question: its box, its summary, its buttons. */
function sampleBox(widget: Widget) {
  const area = widget.root.locator('[data-field="sample"]');
  return {
    area,
    box: widget.field('Paste a sample of what they will send'),
    said: area.locator('.hic-sample-said'),
    status: area.getByRole('status'),
    // Why the text was refused, next to the box (announced, as a field's error is).
    alert: area.locator('.hic-sample-refused'),
    use: area.getByRole('button', { name: 'Use these answers' }),
    undo: area.getByRole('button', { name: 'Undo' }),
    kept: area.locator('.hic-sample-kept'),
  };
}

async function openForImport(page: Page): Promise<Widget> {
  const widget = await Widget.open(page);
  // historical_migration is asked of imports only.
  await widget.root.locator('[data-field="kind"] input[type=radio][value="import"]').check();
  return widget;
}

/** Everything the page keeps or shows outside the box: text, markup, drafts. */
async function outsideTheBox(page: Page): Promise<string> {
  return page.evaluate(() => [document.body.innerText, document.documentElement.outerHTML, JSON.stringify({ ...localStorage })].join('\n'));
}

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a pasted /batch log is said in words, used, undone, and its key is never shown or kept', async ({ page }) => {
    const widget = await openForImport(page);
    const s = sampleBox(widget);
    await expect(s.area.getByText('the sample is never kept, sent or copied')).toBeVisible();
    await s.box.fill(BATCH);
    await expect(s.said).toHaveText(
      [
        'Read 4 events as /batch request bodies.',
        '2 /batch requests, 2 events per request (at most 3 in one); the largest body 527 B (line 1).',
        'Event sizes as sent: 153 B on average, 155 B the largest (event 2, line 1).',
        'historical_migration: set in all 2 /batch requests.',
        'Event names: order completed (3), $identify (1, identity).',
        'Timestamps all on 1 Mar 2023, in order; 4 older than 48 hours; 0 in the future.',
        'uuids: 4 carried, none repeated.',
        'distinct_ids: 2; the busiest has 75.0 % of the events.',
        '2 api_keys or tokens were in the sample: they are not kept or shown.',
      ].join('\n'),
    );
    // Nothing is filled until the reader says so.
    await expect(widget.field('Events per request')).toHaveCount(0);
    expect(await widget.preview()).not.toContain('Measured');

    await s.use.click();
    await expect(s.status).toHaveText(
      'Filled how events are sent, events per request, event sizes, historical_migration and event names from 4 events.',
    );
    await expect(s.use).toBeHidden();
    // The button the reader pressed goes; the focus is on Undo, not lost to the page.
    await expect(s.undo).toBeFocused();
    await expect(widget.root.locator('[data-field="transport"] input[value="batch"]')).toBeChecked();
    await expect(widget.field('Events per request')).toHaveValue('2');
    await expect(widget.field('Average event size')).toHaveValue('153');
    await expect(widget.field('Largest event size')).toHaveValue('155');
    await expect(widget.root.locator('[data-field="historical-migration"] input[value="yes"]')).toBeChecked();
    await expect(widget.field('$identify')).toBeChecked();
    await expect(widget.root.getByRole('button', { name: 'Remove order completed' })).toBeVisible();
    await expect(s.kept).toHaveText(/^Measured from a sample of 4 events\.\s*Clear$/);
    const block = await widget.preview();
    expect(block).toContain(
      '**Measured** how requests are sent, events per request, the average event size, the largest event size, historical_migration, event names (from a sample of 4 events)',
    );
    expect(block).toContain('`order completed`');
    // The pasted text stays in the box.
    await expect(s.box).toHaveValue(BATCH);

    // The key: not in the page's text or markup, the draft, or the copied block.
    await page.waitForTimeout(700); // the autosave waits for a pause
    expect(await page.evaluate(() => Object.keys(localStorage).length)).toBeGreaterThan(0);
    expect(await outsideTheBox(page)).not.toContain('secret123');
    await widget.copyButton.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Measured');
    expect(copied).not.toContain('secret123');

    await s.undo.click();
    await expect(s.status).toHaveText('Put back the answers from before the sample.');
    await expect(s.box).toBeFocused();
    await expect(widget.root.locator('[data-field="transport"] input:checked')).toHaveCount(0);
    await expect(widget.field('Average event size')).toHaveValue('');
    await expect(widget.field('Largest event size')).toHaveValue('');
    await expect(widget.root.locator('[data-field="historical-migration"] input:checked')).toHaveCount(0);
    await expect(widget.field('$identify')).not.toBeChecked();
    await expect(s.kept).toBeHidden();
    expect(await widget.preview()).not.toContain('Measured');
  });
});

test('what is not a sample is refused in words, and a newer paste replaces the summary', async ({ page }) => {
  const widget = await openForImport(page);
  const s = sampleBox(widget);
  await s.box.fill('event,distinct_id\n$pageview,u1');
  await expect(s.alert).toHaveText(
    'This is not JSON: line 1, column 1: a value (text in double quotes, a number, true, false, null, { or [) was expected.',
  );
  await expect(s.use).toBeHidden();
  await expect(s.box).toHaveValue('event,distinct_id\n$pageview,u1');

  await s.box.fill('{"event": "$pageview", "distinct_id": "u1"}\n{"event": "$pageview"}');
  await expect(s.alert).toHaveText('');
  await expect(s.said).toContainText('Read 2 events as JSON lines (one event per line).');
  await expect(s.said).toContainText('No request bodies: these are events, so how they will be batched is still to ask.');
  await expect(s.said).toContainText('Event 2 (line 2) has no distinct_id.');
  await s.use.click();
  // No requests: only sizes and names are filled.
  await expect(s.status).toHaveText('Filled event sizes and event names from 2 events.');
  await expect(widget.field('Average event size')).not.toHaveValue('');

  // Clear empties the kept measures; the answers stay.
  await s.kept.getByRole('button', { name: 'Clear' }).click();
  await expect(s.kept).toBeHidden();
  expect(await widget.preview()).not.toContain('Measured');
  await expect(widget.field('Average event size')).not.toHaveValue('');
});

test('a restored draft says the answers hold a sample, without the sample', async ({ page, quietNetwork }) => {
  quietNetwork.allow('navigation'); // the reload
  const widget = await openForImport(page);
  const s = sampleBox(widget);
  await s.box.fill(BATCH);
  await s.use.click();
  await page.waitForTimeout(700); // the autosave waits for a pause
  await page.reload();
  const again = new Widget(page);
  const t = sampleBox(again);
  await expect(t.kept).toHaveText(/^Measured from a sample of 4 events\.\s*Clear$/);
  await expect(t.box).toHaveValue('');
  await expect(t.said).toBeHidden();
  expect(await again.preview()).toContain('(from a sample of 4 events)');
});

test('a large paste is read in slices, saying how far it got, and the page stays usable', async ({ page }) => {
  const widget = await openForImport(page);
  const s = sampleBox(widget);
  const line = (i: number) =>
    `{"event": "e${i % 7}", "distinct_id": "user_${i % 1000}", "timestamp": "2023-01-01T00:00:00Z", "properties": {"note": "${'x'.repeat(150)}"}}`;
  const text = Array.from({ length: 16_000 }, (_, i) => line(i)).join('\n');
  // Every status the box shows on its way.
  await s.status.evaluate((el) => {
    (window as any).seen = [];
    new MutationObserver(() => (window as any).seen.push(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
  });
  // As a paste arrives: the whole text at once, one input event.
  await s.box.evaluate((el: HTMLTextAreaElement, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await expect(s.said).toContainText('Read 16,000 events as JSON lines (one event per line).', { timeout: 15_000 });
  const seen: string[] = await page.evaluate(() => (window as any).seen);
  expect(seen.some((t) => /^Reading… \d+ %$/.test(t))).toBe(true);
  // Another field still takes typing.
  await widget.fill('Customer', 'Acme');
  await expect(widget.field('Customer')).toHaveValue('Acme');
});
