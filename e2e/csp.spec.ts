import { expect, test } from './fixtures';
import { CSP, watchProblems } from './csp';
import { Widget } from './widget';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the demo works under a strict Content-Security-Policy, with no violation', async ({ page }) => {
  const problems = await watchProblems(page);
  const response = await page.goto('/index.html');
  expect(response?.headers()['content-security-policy']).toBe(CSP);
  // The widget's only script is the external loader; the standalone page adds offline.js
  // (its service worker).
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  expect(await page.locator('script').evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).src))).toEqual([
    new URL('/loader.js', page.url()).href,
    new URL('/offline.js', page.url()).href,
  ]);

  const widget = new Widget(page);
  await expect(widget.markdown).toBeVisible();
  await widget.fill('Customer', 'Strict Co');
  await expect.poll(() => widget.preview()).toContain('Strict Co');
  // The parts that change the page the most: a conditional section, an error, the
  // findings, the rendered view, copying, Start over.
  await widget.choose('What will they send?', 'Load test');
  await expect(widget.root.getByRole('heading', { name: /^Load testing/ })).toBeVisible();
  await widget.fill('Total events', '12 apples');
  await expect(widget.errorFor('Total events')).toContainText('Enter a number');
  await widget.findings.first().locator('summary').click();
  await widget.root.getByRole('button', { name: 'Rendered' }).click();
  await expect(widget.root.locator('.hic-rendered').getByRole('heading').first()).toContainText('Strict Co');
  await widget.root.getByRole('button', { name: 'As copied' }).click();
  await widget.copyButton.click();
  await widget.root.getByRole('button', { name: 'Start over' }).click();
  await widget.root.getByRole('button', { name: 'Clear answers' }).click();
  await expect(widget.field('Customer')).toHaveValue('');

  expect(await problems()).toEqual({ violations: [], errors: [] });
});

test('the policy is enforced and a violation would be seen', async ({ page }) => {
  const problems = await watchProblems(page);
  await Widget.open(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    document.body.setAttribute('style', 'outline: 1px solid red');
  });
  await expect.poll(async () => (await problems()).violations.length).toBe(2);
  const { violations } = await problems();
  expect(violations[0]).toMatch(/^script-src-elem blocked inline/);
  expect(violations[1]).toMatch(/^style-src-attr blocked inline/);
  expect(await page.evaluate(() => (window as any).inlineRan)).toBeUndefined();
});
