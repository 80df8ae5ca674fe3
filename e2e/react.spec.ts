import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { CSP, watchProblems } from './csp';
import { Widget } from './widget';

const ROOT = join(__dirname, '..');
/** The wrapper the README quotes. */
const WRAPPER = readFileSync(join(ROOT, 'react', 'Checklist.js'), 'utf8');

/** React's browser build from npm (devDependencies): the development one, which checks more. */
function reactBuild(name: 'react' | 'react-dom'): string {
  let dir: string;
  try {
    dir = dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new Error(`${name} is not installed: run npm ci (it is in package.json's devDependencies)`);
  }
  return readFileSync(join(dir, 'umd', `${name}.development.js`), 'utf8');
}

// A plain page under the strict policy: React and ReactDOM as external scripts, the app
// as an external module. A site's bundler resolves the wrapper's `import … from 'react'`;
// here a small module hands it the React of the page.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>React</title>
<link rel="stylesheet" href="/widget.css">
<script src="/react/react.js"></script>
<script src="/react/react-dom.js"></script>
</head><body><div id="root"></div><script type="module" src="/react/app.js"></script></body></html>`;

const REACT_MODULE = `const React = window.React;
export default React;
export const { createElement, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } = React;`;

const APP = `import Checklist from '/react/Checklist.js';
const { createElement: h, StrictMode, useState } = React;

function App() {
  const [team, setTeam] = useState('#team-a');
  const [shown, setShown] = useState(true);
  return h('main', null,
    h('button', { onClick: () => setTeam('#team-b') }, 'Hand to team B'),
    h('button', { onClick: () => setShown(false) }, 'Close the checklist'),
    shown
      ? h(Checklist, { id: 'react-checklist', loader: '/loader.js', pipelineTeam: team,
          onChange: (answers) => { window.lastCustomer = answers.customer; } })
      : h('p', null, 'Closed'));
}

// StrictMode: in development React mounts, cleans up and mounts again.
ReactDOM.createRoot(document.getElementById('root')).render(h(StrictMode, null, h(App)));`;

test('the README quotes the React wrapper as it is', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain('```js\n' + WRAPPER + '```');
});

test('the React wrapper mounts in the React tree, follows its props and unmounts cleanly', async ({ page }) => {
  const problems = await watchProblems(page);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const serve = (contentType: string, body: string) => (route: Route) =>
    route.fulfill({ contentType, headers: { 'content-security-policy': CSP }, body });
  await page.route('**/react/page.html', serve('text/html', PAGE));
  await page.route('**/react/react.js', serve('text/javascript', reactBuild('react')));
  await page.route('**/react/react-dom.js', serve('text/javascript', reactBuild('react-dom')));
  await page.route('**/react/react-module.js', serve('text/javascript', REACT_MODULE));
  await page.route('**/react/Checklist.js', serve('text/javascript', WRAPPER.replace("from 'react'", "from '/react/react-module.js'")));
  await page.route('**/react/app.js', serve('text/javascript', APP));

  await page.goto('/react/page.html');
  const widget = new Widget(page, page.locator('#root #react-checklist'));
  await expect(widget.markdown).toBeVisible();
  // One widget, although StrictMode ran the effect twice.
  await expect(page.locator('.hic')).toHaveCount(1);

  await widget.fill('Customer', 'React Co');
  await expect.poll(() => widget.preview()).toContain('React Co');
  await expect.poll(() => page.evaluate(() => (window as any).lastCustomer)).toBe('React Co');
  expect(await widget.preview()).toContain('**To** \\#team-a');

  // A new prop mounts the widget again with it; the answers stay.
  await page.getByRole('button', { name: 'Hand to team B' }).click();
  await expect.poll(() => widget.preview()).toContain('**To** \\#team-b');
  await expect(widget.field('Customer')).toHaveValue('React Co');
  await expect(page.locator('.hic')).toHaveCount(1);
  await widget.fill('Customer', 'React Co, again');
  await expect.poll(() => page.evaluate(() => (window as any).lastCustomer)).toBe('React Co, again');

  // Unmounting the component removes the widget.
  await page.getByRole('button', { name: 'Close the checklist' }).click();
  await expect(page.getByText('Closed')).toBeVisible();
  await expect(page.locator('#react-checklist')).toHaveCount(0);
  await expect(page.locator('.hic')).toHaveCount(0);
  await page.waitForTimeout(700); // past the autosave's pause
  expect(await problems()).toEqual({ violations: [], errors: [] });
  expect(warnings).toEqual([]);
});
