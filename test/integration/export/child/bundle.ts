/**
 * Bundles a child script of the export tests into one CommonJS file with esbuild, so a test can
 * run it as its own process and kill it with -9 (ffmpeg packages stay external, found through
 * NODE_PATH). Same import.meta.url shim as build.mjs: our modules read it. Also what the kill -9
 * tests do around such a child: start it, wait for its state on disk, check and reap its ffmpeg.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** `name`: a file of this folder (deliveryChild.ts); returns `outfile`. */
export async function bundleChild(name: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [join(here, name)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'fluent-ffmpeg', 'ffmpeg-static'],
    logLevel: 'error',
    define: { 'import.meta.url': '__import_meta_url' },
    banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
  });
  return outfile;
}

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));

/** A bundled child running: its stderr so far and a promise of its exit (to await after a kill -9). */
export interface RunningChild {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<void>;
}

/** Runs the bundle `file` with `args` in its own Node process (the repo's node_modules on NODE_PATH). */
export function startChild(file: string, args: string[]): RunningChild {
  const child = spawn(process.execPath, [file, ...args], {
    env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { child, stderr: () => err, exited };
}

/** The process `pid` is alive and is an ffmpeg writing `path` (read from /proc, not through our code). */
export function ffmpegAlive(pid: number, path: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(path);
  } catch {
    return false;
  }
}

/** Pids of running processes with an argument inside `dir` (e.g. an export's cache): none may outlive a sweep. */
export function processesWritingUnder(dir: string): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid)
    .filter((n) => {
      try {
        return readFileSync(`/proc/${n}/cmdline`, 'utf8')
          .split('\0')
          .some((a) => a.startsWith(`${dir}/`));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Polls `check` every 50 ms (the state lives in another process: no event reaches us); throws after `timeoutMs`. */
export async function until(what: string | (() => string), check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    // `what` may be a function so the message carries the child's stderr at the time of failure.
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGKILLs each pid still running (a test never leaves an ffmpeg behind, whatever failed). */
export function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
