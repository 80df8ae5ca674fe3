import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fillScenario, scenario } from './scenario';
import { Widget } from './widget';

/** axe-core from npm (devDependencies), as one script. */
function axeSource(): string {
  try {
    return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    throw new Error('axe-core is not installed: run npm ci (it is in package.json\'s devDependencies)');
  }
}

/** axe's findings on the whole page, one line per rule and element. */
async function violations(page: Page): Promise<string[]> {
  const results = await page.evaluate(() => (window as any).axe.run(document));
  return results.violations.flatMap((v: any) =>
    v.nodes.map((n: any) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`),
  );
}

// The demo page with everything shown: both kinds (every section), the large import's
// answers but not committed (findings of each severity), Copy pressed (the missing answers' errors), every
// finding open; the block as copied and rendered; light and dark; a phone and a desktop.
// Dark comes two ways (style/widget.css): the system's preference, and the host page's
// `dark` class.
const SCHEMES = {
  light: async (page: Page) => page.emulateMedia({ colorScheme: 'light' }),
  'dark (system)': async (page: Page) => page.emulateMedia({ colorScheme: 'dark' }),
  'dark (page class)': async (page: Page) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => document.documentElement.classList.add('dark'));
  },
};

for (const [scheme, apply] of Object.entries(SCHEMES)) {
  test(`axe finds no violation, everything open, ${scheme}, 360 and 1280 px wide`, async ({ page }) => {
    test.setTimeout(90_000);
    // An init script is injected by the browser, not by the page: the strict policy the
    // demo is served under (no inline script) does not apply to it, so no bypassCSP.
    await page.addInitScript({ content: axeSource() });
    const widget = await Widget.open(page);
    await apply(page);
    await fillScenario(widget, { ...scenario('large-import'), kind: 'both', committed: false }, { paste: true });
    await widget.copyButton.click();
    await expect(widget.root.locator('.hic-error:not(:empty)').first()).toBeVisible();
    for (const summary of await widget.findings.locator('summary').all()) await summary.click();
    await expect(widget.root.locator('.hic-section.hic-hidden')).toHaveCount(0);
    expect(await widget.findings.count()).toBeGreaterThan(3);
    await expect(widget.findings.locator('details:not([open])')).toHaveCount(0);
    for (const severity of ['blocking', 'warning', 'info']) {
      await expect(widget.root.locator(`.hic-finding.hic-${severity}`).first()).toBeVisible();
    }

    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await widget.root.getByRole('button', { name: 'As copied' }).click();
      expect(await violations(page), `${scheme}, ${width} px, as copied`).toEqual([]);
      await widget.root.getByRole('button', { name: 'Rendered' }).click();
      await expect(widget.root.locator('.hic-rendered table').first()).toBeVisible();
      expect(await violations(page), `${scheme}, ${width} px, rendered`).toEqual([]);
    }
  });
}
