import { expect, test } from './fixtures';
import { Widget } from './widget';

// Two tabs of one browser share localStorage, and each hears of the other's writes
// through the storage event.

test('a tab never saves over a newer draft from another tab, and keeps its own answers aside', async ({ page, context, quietNetwork }) => {
  quietNetwork.allow('navigation'); // the stale tab leaves, the first one reloads
  const one = await Widget.open(page);
  const other = await context.newPage();
  const two = await Widget.open(other);

  await one.fill('Customer', 'From tab one');
  await page.waitForTimeout(700);
  await expect(two.draftLine).toContainText('Another tab or window saved a newer draft');
  await expect(two.root.getByRole('button', { name: 'Load the newer draft' })).toBeVisible();
  await expect(two.root.getByRole('button', { name: 'Keep mine' })).toBeVisible();

  // The stale tab types on and leaves: its answers go aside, not over tab one's.
  await two.fill('Customer', 'From tab two');
  await other.waitForTimeout(700);
  await other.goto('about:blank');
  await page.reload();
  await expect(new Widget(page).field('Customer')).toHaveValue('From tab one');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.includes('.backup'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(backups.some((b) => b?.includes('From tab two'))).toBe(true);

  // The reader restores them from the widget: asked first, since tab one's answers
  // would be replaced (and are kept in turn).
  const widget = new Widget(page);
  await widget.root.getByRole('button', { name: 'Kept answers' }).click();
  const kept = widget.root.getByRole('list', { name: 'Answers kept in this browser' });
  await kept.getByRole('button', { name: /^Restore From tab two, kept \d{4}-\d\d-\d\d \d\d:\d\d$/ }).click();
  // The list closes and focus goes back to its toggle.
  await expect(widget.root.getByRole('button', { name: 'Kept answers' })).toBeFocused();
  await expect(widget.root.getByRole('alert')).toContainText('Replace your current answers with the kept answers');
  await widget.root.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(widget.field('Customer')).toHaveValue('From tab two');
  await widget.root.getByRole('button', { name: 'Kept answers' }).click();
  await expect(kept.getByRole('button', { name: /^Restore From tab one, kept/ })).toBeVisible();
});

test('Start over in a tab with an older draft keeps the newer one of another tab', async ({ page, context, quietNetwork }) => {
  quietNetwork.allow('navigation'); // the reload
  const one = await Widget.open(page);
  await one.fill('Customer', 'First');
  await page.waitForTimeout(700);
  const other = await context.newPage();
  const two = await Widget.open(other);
  await expect(two.field('Customer')).toHaveValue('First');

  await one.fill('Customer', 'Second');
  await page.waitForTimeout(700);
  await two.root.getByRole('button', { name: 'Start over' }).click();
  await two.root.getByRole('button', { name: 'Clear answers' }).click();
  await other.waitForTimeout(700);

  await two.root.getByRole('button', { name: 'Load the newer draft' }).click();
  await expect(two.field('Customer')).toHaveValue('Second');
  await page.reload();
  await expect(new Widget(page).field('Customer')).toHaveValue('Second');
});
