import { expect, test } from './fixtures';
import { Widget } from './widget';

test('when the clipboard is denied the block is selected with a clear message', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  const widget = await Widget.open(page);
  await widget.fill('Customer', 'Denied Ltd');
  await widget.copyButton.click();
  await expect(widget.root.getByRole('status').filter({ hasText: 'did not allow copying' })).toContainText(
    'The request is selected below: press Ctrl+C',
  );
  const selection = await widget.markdown.evaluate((el: HTMLTextAreaElement) => [
    el.selectionStart,
    el.selectionEnd,
    el.value.length,
    document.activeElement === el,
  ]);
  expect(selection[0]).toBe(0);
  expect(selection[1]).toBe(selection[2]);
  expect(selection[3]).toBe(true);
});

test('without any clipboard API the fallback says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined });
  });
  const widget = await Widget.open(page);
  await widget.copyButton.click();
  await expect(widget.root.getByRole('status').filter({ hasText: 'no clipboard access' })).toBeVisible();
});
