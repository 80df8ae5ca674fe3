import { expect, test } from './fixtures';
import { Widget } from './widget';

test('a reload restores the draft, and Start over clears it after asking', async ({ page, quietNetwork }) => {
  quietNetwork.allow('navigation'); // the reloads
  const widget = await Widget.open(page);
  await widget.fill('Customer', 'Acme Corp');
  await widget.fill('Total events', 'lots');
  await widget.tick('Their product questions are answered');
  await page.waitForTimeout(700); // the autosave waits for a pause in typing

  await page.reload();
  const again = new Widget(page);
  await expect(again.draftLine).toHaveText(/^Draft restored \(saved \d\d:\d\d\)\.$/);
  await expect(again.field('Customer')).toHaveValue('Acme Corp');
  // Invalid text is kept as typed, with its message.
  await expect(again.field('Total events')).toHaveValue('lots');
  await expect(again.field('Their product questions are answered')).toBeChecked();

  await again.root.getByRole('button', { name: 'Start over' }).click();
  await expect(again.root.getByText('Clear every answer?')).toBeVisible();
  await again.root.getByRole('button', { name: 'Clear answers' }).click();
  await expect(again.field('Customer')).toHaveValue('');
  await expect(again.root.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.waitForTimeout(700);

  await page.reload();
  const fresh = new Widget(page);
  await expect(fresh.field('Customer')).toHaveValue('');
  await expect(fresh.draftLine).toHaveText('');
});

test('a bad number is explained after leaving the field, and copying reveals missing answers', async ({ page }) => {
  const widget = await Widget.open(page);
  await widget.fill('Total events', '12 apples');
  await expect(widget.errorFor('Total events')).toContainText('Enter a number such as 250000');
  await expect(widget.errorFor('Customer')).toHaveText('');
  await expect(widget.copyButton).toHaveText(/^Copy anyway — 1 blocking, \d+ unanswered$/);
  await widget.copyButton.click();
  await expect(widget.errorFor('Customer')).toHaveText('Required.');
});
