import { expect, test } from './fixtures';
import { Widget } from './widget';

// Numbers are read by what the field measures, and every number says how it was read.
test('"900 B", "4.1M", "90m" and "300k/min" are read as meant, and say so', async ({ page }) => {
  const widget = await Widget.open(page);
  const readAs = (label: string) => widget.readAs(label);

  await widget.fill('Average event size', '900 B');
  await expect(readAs('Average event size')).toHaveText('Read as 900 bytes');
  // Once read as 900 billion bytes: a blocking "over the limit" finding.
  await expect(widget.root.locator('.hic-finding', { hasText: 'event' }).filter({ hasText: 'over' })).toHaveCount(0);
  await widget.fill('Average event size', '1.2 KB');
  await expect(readAs('Average event size')).toHaveText('Read as 1,200 bytes (1.2 KB)');

  await widget.fill('Total events', '4.1M');
  await expect(readAs('Total events')).toHaveText('Read as 4,100,000 events');
  expect(await widget.preview()).toContain('4,100,000');

  // "m" is minutes in a duration, whatever unit is chosen beside it.
  await widget.fill('Total duration', '90m');
  await expect(readAs('Total duration')).toHaveText('Read as 1 h 30 min');
  await widget.fill('Peak rate', '300k/min');
  await expect(readAs('Peak rate')).toHaveText('Read as 5,000 events per second');
});

test('"150.000" is never guessed: the field asks, and one click answers', async ({ page }) => {
  const widget = await Widget.open(page);
  const field = widget.field('Most events for one distinct_id');
  await field.fill('150.000');
  // Asked at once, while typing, with the text kept as typed.
  await expect(widget.errorFor('Most events for one distinct_id')).toHaveText('Did you mean 150,000 or 150?');
  await expect(field).toHaveValue('150.000');
  const choices = widget.question('Most events for one distinct_id').locator('.hic-choices button:visible');
  await expect(choices).toHaveText(['150,000', '150']);
  await choices.first().click();
  await expect(field).toHaveValue('150,000');
  await expect(widget.errorFor('Most events for one distinct_id')).toHaveText('');
  await expect(widget.readAs('Most events for one distinct_id')).toHaveText('Read as 150,000 events');
  await expect(choices).toHaveCount(0);
});
