/**
 * End-to-end tests: the real UI in Chromium through the browser host (`storyboard serve`,
 * built by `npm run build`), over the real services. Uses Playwright's own Chromium when it is
 * installed, else the system one; never downloads a browser.
 */
import { chromium, defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/helpers/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // ffmpeg does the heavy work: one test at a time keeps a 2-core machine responsive.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // The JSON report feeds test/summary.mjs (CI's closing line); test-results/ is wiped per run.
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    // A failed test keeps its trace (actions, console, network, screencast); the DOM snapshot
    // taken around every action cost about a fifth of the e2e wall time on the 2-core machine.
    // https://playwright.dev/docs/api/class-testoptions#test-options-trace
    trace: { mode: 'retain-on-failure', snapshots: false },
    locale: 'en-US',
    launchOptions: { executablePath: chromiumPath(chromium), args: [...CHROMIUM_ARGS] },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
