import { expect, test } from './fixtures';
import { Widget } from './widget';

// Timers a widget starts ("Copied" for 2.5 s, Undo of Clear answers and of an applied
// slot for 8 s each) must not touch it once it
// is unmounted: in a release build a disposed signal read would abort every widget on
// the page.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const page_html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/widget.css"></head><body><div id="host"></div>
<script type="module">
  import init, { mount } from '/historical-import-checklist.js';
  await init();
  window.handle = mount(document.getElementById('host'), {});
</script></body></html>`;

test('unmounting while the Copied and both Undo timers run logs nothing and breaks nothing', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.route('**/unmount.html', (route) => route.fulfill({ contentType: 'text/html', body: page_html }));
  await page.goto('/unmount.html');
  const widget = new Widget(page, page.locator('#host'));
  await expect(widget.markdown).toBeVisible();

  // A suggested slot, applied: its Undo is offered for 8 s.
  await widget.fill('Total duration', '2');
  await widget.fill("Customer's time zone", 'Europe/Berlin');
  await widget.fill('Start date', '2030-03-09');
  await widget.fill("Start time (customer's time)", '10:00');
  await widget.root.getByRole('button', { name: 'Suggest a slot' }).click();
  await widget.root.getByRole('button', { name: /^Use 2030-03-11/ }).click();
  await expect(widget.root.locator('.hic-slot').getByRole('button', { name: 'Undo', exact: true })).toBeVisible();

  await widget.copyButton.click();
  await expect(widget.root.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  await widget.root.getByRole('button', { name: 'Start over' }).click();
  await widget.root.getByRole('button', { name: 'Clear answers' }).click();
  await expect(widget.root.locator('.hic-draft').getByRole('button', { name: 'Undo' })).toBeVisible();

  await page.evaluate(() => (window as any).handle.unmount());
  await expect(page.locator('#host .hic')).toHaveCount(0);
  // Past both timers.
  await page.waitForTimeout(8_500);
  expect(problems).toEqual([]);
  // The page can mount a new widget and use it.
  await page.evaluate(async () => {
    const { mount } = await import('/historical-import-checklist.js');
    (window as any).handle = mount(document.getElementById('host'), {});
  });
  const again = new Widget(page, page.locator('#host'));
  await again.fill('Customer', 'After');
  await expect.poll(() => again.preview()).toContain('After');
});

test('unmounting while it is still mounting its parts stops it: nothing is added later, nothing logged', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.route('**/unmount.html', (route) => route.fulfill({ contentType: 'text/html', body: page_html }));
  await page.goto('/unmount.html');
  await expect(page.locator('#host .hic')).toHaveCount(1);
  // At once, and again just after the view mounted, while its parts are being added.
  const left = await page.evaluate(async () => {
    const { mount } = await import('/historical-import-checklist.js');
    const host = document.getElementById('host')!;
    (window as any).handle.unmount();
    const first = mount(host, {});
    first.unmount();
    const second = mount(host, {});
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    const busy = host.querySelector('.hic[aria-busy]') !== null;
    second.unmount();
    return { busy, children: host.childElementCount };
  });
  expect(left.busy, 'the second widget was still mounting when it was unmounted').toBe(true);
  expect(left.children).toBe(0);
  await page.waitForTimeout(1_500);
  await expect(page.locator('#host *')).toHaveCount(0);
  expect(problems).toEqual([]);
});
