/**
 * Runs the BUILT `storyboard` CLI (out/cli/storyboard.cjs) as a user would. The integration
 * project's globalSetup bundles it before the tests; ensureBuilt() is a guard for other runners.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(REPO, 'out/cli/storyboard.cjs');

export function ensureBuilt(): void {
  if (!existsSync(CLI)) execFileSync(process.execPath, ['build.mjs'], { cwd: REPO, stdio: 'inherit' });
}

export function storyboard(args: string[], opts: { timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: opts.timeoutMs ?? 120_000 });
}

/** Starts the CLI without waiting, for kill -9 scenarios. */
export function storyboardAsync(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI without blocking this process (a fake provider served from here must keep
 * answering it), with `env`; `onStart` gets a kill -9 for crash scenarios.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv, onStart?: (kill: () => void) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('close', (status) => resolve({ status, stdout, stderr }));
    onStart?.(() => child.kill('SIGKILL'));
  });
}

/** `storyboard variants <tpl> --data <csv> --out <dir>` with one `--aspect` per entry, then `more`. */
export function variantsArgs(
  tpl: string,
  data: string,
  out: string,
  aspects: readonly string[],
  ...more: string[]
): string[] {
  return ['variants', tpl, '--data', data, '--out', out, ...aspects.flatMap((a) => ['--aspect', a]), ...more];
}
