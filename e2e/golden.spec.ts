import { expect, test } from './fixtures';
import { fillScenario, golden, sample, scenario } from './scenario';
import { Widget } from './widget';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const [name, paste] of [['small-import', false], ['large-import', true], ['load-test', false]] as const) {
  test(`typing the ${name} scenario copies its golden request block`, async ({ page }) => {
    const widget = await Widget.open(page);
    await fillScenario(widget, scenario(name), { paste, sample: sample(name) });
    expect(await widget.preview()).toBe(golden(name));

    await widget.copyButton.click();
    await expect(widget.root.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(golden(name));

    // The same request for Slack and for plain text (e-mail, Zendesk).
    for (const [format, ext] of [['Slack', 'slack.txt'], ['Plain text', 'txt']]) {
      await widget.root.getByRole('button', { name: format, exact: true }).click();
      expect(await widget.preview()).toBe(golden(name, ext));
      await widget.copyButton.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(golden(name, ext));
    }
  });
}
