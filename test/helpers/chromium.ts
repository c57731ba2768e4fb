/**
 * The one Chromium launch for the e2e tests (playwright.config.ts) and the browser benchmarks
 * (test/bench/browser.ts): the same executable and the same flags, so a bench measures the
 * browser the tests drive. Never downloads a browser.
 */
import { existsSync } from 'node:fs';

/** Playwright's own Chromium when it is installed, else `CHROMIUM_PATH`, else the system one. */
export function chromiumPath(chromium: { executablePath(): string }): string {
  try {
    const p = chromium.executablePath();
    if (existsSync(p)) return p;
  } catch {
    // No Playwright browser downloaded: use the system one.
  }
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The launch flags. Chromium refuses to start as root without --no-sandbox; --disable-gpu
 * rasterises canvas in software (no GPU here); --disable-dev-shm-usage because containers' /dev/shm
 * is small; the rest keep the browser from reaching the network on its own (nothing is online here).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
