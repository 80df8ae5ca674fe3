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
