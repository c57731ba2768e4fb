/**
 * End-to-end tests: the real UI in Chromium through the browser host (`storyboard serve`,
 * built by `npm run build`), over the real services. Uses Playwright's own Chromium when it is
 * installed, else the system one; never downloads a browser.
 */
import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

function bundledChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const executablePath = bundledChromium() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

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
    trace: 'retain-on-failure',
    locale: 'en-US',
    launchOptions: {
      executablePath,
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
