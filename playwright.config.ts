import { defineConfig } from '@playwright/test';

// End-to-end tests run against the release build in dist/, served on loopback under a
// strict Content-Security-Policy (scripts/serve-csp.py), in Debian's Chromium (no
// browser download).
// E2E_PORT lets two checkouts run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'off',
  },
  projects: [
    { name: 'e2e', testIgnore: /long-tasks\.spec\.ts/ },
    // Long tasks are timed: after every other spec and one at a time, so that no other
    // test's browser runs beside them.
    { name: 'quiet', testMatch: /long-tasks\.spec\.ts/, dependencies: ['e2e'], fullyParallel: false },
  ],
  webServer: {
    command: `python3 scripts/serve-csp.py ${PORT} dist`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
