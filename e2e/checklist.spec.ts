import { expect, test } from './fixtures';
import { Widget } from './widget';

test('ticking the commitment boxes ticks them in the request block', async ({ page }) => {
  const widget = await Widget.open(page);
  await expect(page.getByRole('heading', { name: 'Historical import', level: 1 })).toBeVisible();
  for (const section of ['Commitment', 'Schedule', 'Batching', 'distinct_id variance', 'Event types', 'Apps', 'Peak rate and duration', 'Ramp-up']) {
    await expect(widget.root.getByRole('heading', { name: new RegExp(`^${section}`) })).toBeVisible();
  }
  expect(await widget.preview()).toContain('- [ ] Product questions answered');

  await widget.tick('Their product questions are answered');
  await widget.tick('They are committed (paying, or paying once the import is done)');

  const md = await widget.preview();
  expect(md).toContain('- [x] Product questions answered');
  expect(md).toContain('- [x] Customer committed');
  expect(md).toContain('- [ ] Not relying on the import to validate the use case');
});

test('the load-testing section appears only for load tests', async ({ page }) => {
  const widget = await Widget.open(page);
  const loadHeading = widget.root.getByRole('heading', { name: /^Load testing/ });
  await expect(loadHeading).toHaveCount(0);
  await widget.choose('What will they send?', 'Load test');
  await expect(loadHeading).toBeVisible();
  await expect(widget.root.getByRole('alert').filter({ hasText: 'alert the pipeline team as soon as possible' })).toBeVisible();
  expect(await widget.preview()).toMatch(/^\*\*Load test alert [^\n]*\n\n## URGENT: load test request/);
});

test('the block can be read rendered, as GitHub shows it', async ({ page }) => {
  const widget = await Widget.open(page);
  await widget.fill('Customer', 'Acme *Corp*');
  await widget.root.getByRole('button', { name: 'Rendered' }).click();
  const rendered = widget.root.locator('.hic-rendered');
  await expect(rendered.getByRole('heading', { name: 'Historical import request: Acme *Corp*' })).toBeVisible();
  await expect(rendered.getByRole('checkbox')).toHaveCount(10);
  await expect(widget.markdown).toBeHidden();
  await widget.root.getByRole('button', { name: 'As copied' }).click();
  await expect(widget.markdown).toBeVisible();
});

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test("the handbook's query can be copied for the customer", async ({ page }) => {
    const widget = await Widget.open(page);
    await widget.root.getByRole('button', { name: 'Copy query' }).click();
    await expect(widget.root.locator('.hic-query').getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'select count(*), distinct_id from events group by distinct_id order by count(*) desc limit 100',
    );
  });
});

test('printing shows the answers and the block, not the buttons', async ({ page }) => {
  const widget = await Widget.open(page);
  await widget.fill('Customer', 'Print Co');
  await page.emulateMedia({ media: 'print' });
  await expect(widget.root.getByRole('button', { name: 'Start over' })).toBeHidden();
  await expect(widget.copyButton).toBeHidden();
  await expect(widget.field('Customer')).toBeVisible();
  await expect(widget.markdown).toBeVisible();
});
