/**
 * What the Chromium benchmarks share: the bench page built by Vite, a static server for it, the
 * browser to run it in (`test/helpers/chromium.ts`, as the e2e tests), and the 95th percentile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type * as Playwright from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.js';

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
    const file = path.endsWith('/') || path === dir ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
    }),
  );
}

/** The 95th percentile (nearest rank, rounded down). */
export function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
}

/**
 * Builds the bench page in `src` (a folder under the repo, e.g. `test/bench/ui`) with Vite,
 * serves it and opens it in Chromium at `viewport`; `close` stops all three.
 */
export async function openBenchPage(
  src: string,
  viewport: { width: number; height: number },
): Promise<{ page: Playwright.Page; close(): Promise<void> }> {
  const repo = process.cwd();
  const { chromium } = createRequire(join(repo, 'package.json'))('@playwright/test') as typeof Playwright;
  const work = mkdtempSync(join(tmpdir(), 'storyboard-bench-page-'));
  const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(
    process.execPath,
    [vite, 'build', src, '--outDir', work, '--emptyOutDir', '--base', './', '--logLevel', 'warn'],
    { cwd: repo, stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`vite build of the bench page ${src} failed`);
  const { server, url } = await serve(work);
  const browser = await chromium.launch({ executablePath: chromiumPath(chromium), args: [...CHROMIUM_ARGS] });
  const close = async (): Promise<void> => {
    await browser.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(url);
    return { page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
