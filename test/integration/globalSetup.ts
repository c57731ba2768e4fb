/**
 * Integration tests run the built CLI (out/cli): bundle the Node side once before any test
 * file starts, so a stale bundle can never be what is tested (esbuild takes about a second).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['build.mjs'], { cwd: repo, stdio: 'inherit' });
}
