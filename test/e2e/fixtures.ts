/**
 * The fixtures every e2e spec uses (import `test` and `expect` from here):
 * - `host`: the real browser host (`node out/cli/storyboard.cjs serve <dir> --port 0`) for
 *   one test, stopped after. The CLI prints the URL with its token on the first stdout line.
 * - `problems`: everything that went wrong in the page, collected from the first moment.
 * Beside them, `cli(...)` runs the built CLI (a project made before the page opens it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, type WorkerFixture } from '@playwright/test';

/** The built CLI. STORYBOARD_E2E_CLI may name another script taking the same arguments (dev only). */
export const CLI = resolve(process.env.STORYBOARD_E2E_CLI ?? 'out/cli/storyboard.cjs');
const RENDERER = resolve('out/renderer/index.html');

/**
 * Runs the built CLI to its end (blocking: nothing served from this process may need to answer
 * it) and answers its stdout, trimmed; a failure throws with its stderr.
 */
export function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

export interface ServeHost {
  url: string;
  /** The folder `serve` was started in (a fresh temp folder with a Unicode, spaced name). */
  dir: string;
  stderr(): string;
}

function waitForUrl(proc: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`storyboard serve printed no URL within 30 s:\n${stderr()}`)),
      30_000,
    );
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/.test(line.trim())) resolveUrl(line.trim());
      else reject(new Error(`unexpected first line from storyboard serve: ${line}\n${stderr()}`));
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`storyboard serve exited with ${code}:\n${stderr()}`));
    });
  });
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A fake service as a worker fixture: `start`ed once per worker, `stop`ped after its last test
 * (even a failed one). The spec's serveEnv points `storyboard serve` at it.
 */
export function workerFake<T>(
  start: () => Promise<T>,
  stop: (fake: T) => Promise<unknown>,
): [WorkerFixture<T, object>, { scope: 'worker' }] {
  return [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
    async ({}, use) => {
      const fake = await start();
      try {
        await use(fake);
      } finally {
        await stop(fake);
      }
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<{ host: ServeHost; problems: string[]; serveEnv: Record<string, string> }>({
  /** Extra environment for the serve process (a spec overrides it, e.g. a fake provider's URL). */
  serveEnv: [{}, { option: true }],
  host: async ({ serveEnv }, use, testInfo) => {
    if (!existsSync(CLI) || !existsSync(RENDERER)) {
      throw new Error(`Build first: npm run build (needs ${CLI} and ${RENDERER})`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'sb e2e 镜头-'));
    // A fresh config folder per test (settings, recent projects), never the machine's own.
    const configDir = mkdtempSync(join(tmpdir(), 'sb e2e config-'));
    const proc = spawn(process.execPath, [CLI, 'serve', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STORYBOARD_CONFIG_DIR: configDir, ...serveEnv },
    });
    let err = '';
    proc.stderr!.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-20_000);
    });
    try {
      const url = await waitForUrl(proc, () => err);
      await use({ url, dir, stderr: () => err });
    } finally {
      await stop(proc);
      await testInfo.attach('serve-stderr.txt', { body: err, contentType: 'text/plain' });
      rmSync(dir, { recursive: true, force: true });
      rmSync(configDir, { recursive: true, force: true });
    }
  },

  /**
   * Uncaught page errors, dialogs (a stray alert() would block a user) and console errors:
   * CSP violations, failed media loads and React errors all land in the console. A spec
   * asserts it is empty where the page should be clean.
   */
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      // A handled dialog is no longer auto-dismissed: leaving it open would freeze the page.
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await use(problems);
  },
});

export { expect } from '@playwright/test';
