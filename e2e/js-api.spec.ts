import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { CSP, watchProblems } from './csp';
import { Widget } from './widget';

/** The README's JS API snippet (a page and its module), verbatim. */
function readmeSnippet(lang: 'html' | 'js'): string {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### JS API'));
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
  if (!match) throw new Error(`no ${lang} snippet under "### JS API" in README.md`);
  return match[1];
}

test('the README snippet mounts a widget with options and a working handle', async ({ page }) => {
  const problems = await watchProblems(page);
  // The page under the strict policy, with the built files next to it in /api/.
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${readmeSnippet('html')}</body></html>`;
  await page.route('**/api/page.html', (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: html }),
  );
  await page.route('**/api/*.{js,wasm,css}', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    route.continue({ url: new URL(`/${name}`, route.request().url()).href });
  });
  await page.route('**/api/mine.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readmeSnippet('js') }),
  );
  const changes: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('answers changed')) changes.push(m.text());
  });
  await page.goto('/api/page.html');
  const widget = new Widget(page, page.locator('#mine'));
  await expect(widget.markdown).toBeVisible();
  // initialAnswers were applied.
  await expect(widget.field('Customer')).toHaveValue('Acme Corp');

  // The widget outlives its handle: it stays mounted after a garbage collection.
  await page.requestGC();
  await widget.fill('Total events', '250k');
  await expect.poll(() => changes.length).toBeGreaterThan(0);
  const fromHandle = await page.evaluate(() => {
    // The snippet's handle is module-scoped: mount a second widget through the same loader.
    return import('/api/loader.js').then((m: any) => {
      const el = document.createElement('div');
      document.body.append(el);
      const h = m.mount(el, { storageKey: 'api-test', initialAnswers: { customer: 'Via API', kind: 'load_test' }, pipelineTeam: '#ingest' });
      const out = { customer: h.answers().customer, markdown: h.markdown() };
      h.unmount();
      return { ...out, emptied: el.childElementCount === 0 };
    });
  });
  expect(fromHandle.customer).toBe('Via API');
  expect(fromHandle.markdown).toMatch(/^\*\*Load test alert [^\n]*\n\n## URGENT: load test request: Via API/);
  expect(fromHandle.markdown).toContain('**To** \\#ingest');
  expect(fromHandle.emptied).toBe(true);
  expect(await widget.preview()).toContain('250,000 events');
  expect(await problems()).toEqual({ violations: [], errors: [] });
});

test('wrong options, a second mount on one element and a throwing onChange are reported, never swallowed', async ({ page }) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  await Widget.open(page);
  const thrown = await page.evaluate(async () => {
    const m: any = await import('/loader.js');
    const el = document.createElement('div');
    el.id = 'api-types';
    document.body.append(el);
    let message = '';
    try {
      m.mount(el, 'storageKey=acme');
    } catch (e) {
      message = (e as Error).message;
    }
    (window as any).first = m.mount(el, { storageKey: 42, onChange: 'log it' });
    return message;
  });
  expect(thrown).toContain('options must be an object');
  const host = page.locator('#api-types');
  const notice = host.getByRole('list', { name: 'Configuration problems' });
  await expect(notice).toContainText('storageKey must be a string; it is ignored');
  await expect(notice).toContainText('onChange must be a function; it is ignored');
  expect(logs).toContain('warning: Historical import checklist: storageKey must be a string; it is ignored');

  // Mounting again on the same element replaces the first widget, with a warning.
  await page.evaluate(async () => {
    const m: any = await import('/loader.js');
    (window as any).second = m.mount(document.getElementById('api-types'), {
      onChange: () => {
        throw new Error('the host page has a bug');
      },
    });
  });
  await expect(host.locator('.hic')).toHaveCount(1);
  expect(logs.some((l) => l.startsWith('warning: Historical import checklist: a widget was already mounted on this element'))).toBe(true);

  // A throwing onChange is logged with its error, and the widget keeps working.
  const widget = new Widget(page, host);
  await widget.fill('Customer', 'Still working');
  await expect.poll(() => logs.find((l) => l.includes('onChange threw')) ?? '').toMatch(/^error: Historical import checklist: onChange threw .*the host page has a bug/);
  expect(await widget.preview()).toContain('Still working');
  await page.evaluate(() => (window as any).second.unmount());
  await expect(host.locator('.hic')).toHaveCount(0);
});
