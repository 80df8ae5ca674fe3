import { expect, test } from '@playwright/test';
import { Widget } from './widget';

test('no network request after the page has loaded, and it works offline', async ({ page, context }) => {
  const requests: string[] = [];
  await page.goto('/index.html');
  await page.waitForLoadState('networkidle');
  page.on('request', (r) => requests.push(r.url()));

  const widget = new Widget(page);
  await expect(widget.markdown).toBeVisible();
  await context.setOffline(true);
  await widget.fill('Customer', 'Offline Inc');
  await widget.tick('Their product questions are answered');
  await widget.choose('What will they send?', 'Load test');
  await widget.fill('Total events', '5M');

  const md = await widget.preview();
  expect(md).toContain('Offline Inc');
  expect(md).toContain('5,000,000 events');
  expect(requests).toEqual([]);
});
