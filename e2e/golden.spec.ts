import { expect, test } from '@playwright/test';
import { fillScenario, golden, scenario } from './scenario';
import { Widget } from './widget';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const [name, paste] of [['small-import', false], ['large-import', true], ['load-test', false]] as const) {
  test(`typing the ${name} scenario copies its golden request block`, async ({ page }) => {
    const widget = await Widget.open(page);
    await fillScenario(widget, scenario(name), { paste });
    expect(await widget.preview()).toBe(golden(name));

    await widget.copyButton.click();
    await expect(widget.root.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(golden(name));
  });
}
