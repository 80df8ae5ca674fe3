import type { Page } from '@playwright/test';

/** The policy a docs site may set; scripts/serve-csp.py serves the demo under it. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Collects what the page reports as going wrong: Content-Security-Policy violations
 * (`securitypolicyviolation` events, listened for before any page script runs), console
 * errors and uncaught exceptions. Call before the page is opened.
 */
export async function watchProblems(page: Page): Promise<() => Promise<{ violations: string[]; errors: string[] }>> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const seen: string[] = ((window as any).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => ({
    violations: await page.evaluate(() => (window as any).__cspViolations as string[]),
    errors,
  });
}
