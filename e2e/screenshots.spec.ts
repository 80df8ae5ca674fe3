import { expect, test } from './fixtures';
import { fillScenario, scenario } from './scenario';
import { Widget } from './widget';

// Screenshots for a person to look at (e2e/artifacts/*.png), with the checks a person
// would make: readable in dark mode, no sideways scrolling on a phone.
const SHOTS = 'e2e/artifacts';

test('light, filled in', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await Widget.open(page);
  await fillScenario(widget, scenario('large-import'));
  await widget.findings.first().locator('summary').click();
  await page.screenshot({ path: `${SHOTS}/light.png`, fullPage: true });
  const bg = await widget.root.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(255, 255, 255)');
});

test('dark, following the page class', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await Widget.open(page);
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await fillScenario(widget, scenario('load-test'));
  await page.screenshot({ path: `${SHOTS}/dark.png`, fullPage: true });
  const [bg, fg] = await widget.root.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  expect(bg).toBe('rgb(35, 37, 46)');
  expect(fg).toBe('rgb(238, 239, 233)');
});

test('dark, following the system preference', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const widget = await Widget.open(page);
  const bg = await widget.root.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(35, 37, 46)');
});

test('360 px wide, no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const widget = await Widget.open(page);
  await fillScenario(widget, scenario('small-import'));
  await page.screenshot({ path: `${SHOTS}/narrow-360.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('keyboard only: Tab reaches the first question with a visible focus ring', async ({ page }) => {
  const widget = await Widget.open(page);
  const customer = widget.field('Customer');
  for (let i = 0; i < 10 && !(await customer.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(customer).toBeFocused();
  await page.keyboard.type('Keyboard Co');
  const outline = await customer.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  expect(await widget.preview()).toContain('Keyboard Co');
});
