/**
 * Builds child.ts into one CommonJS file with esbuild (better-sqlite3 stays external and is
 * found through NODE_PATH) and runs it as a separate node process, as a second app would be.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..', '..');

/** Bundles the child into `outDir` (a test's temp folder) and returns the script path. */
export async function buildChild(outDir: string): Promise<string> {
  const outfile = join(outDir, 'child.cjs');
  await build({
    entryPoints: [join(here, 'child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return outfile;
}

export interface Child {
  proc: ChildProcess;
  /** Parsed JSON lines printed so far. */
  lines: Record<string, unknown>[];
  /** Resolves with the first line matching `pred`. */
  waitFor(pred: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startChild(script: string, args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, NODE_PATH: join(repo, 'node_modules'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] =
    [];
  let buf = '';
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  proc.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as Record<string, unknown>;
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => x.pred(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    lines,
    exited,
    waitFor(pred) {
      const seen = lines.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pred, resolve });
        void exited.then((e) =>
          reject(new Error(`child exited (${e.code ?? e.signal}) before the expected line; stderr: ${stderr}`)),
        );
      });
    },
  };
}

/** Runs the child to completion and returns its lines and exit. */
export async function runChild(script: string, args: string[], env: Record<string, string> = {}) {
  const child = startChild(script, args, env);
  child.proc.stdin?.end();
  const exit = await child.exited;
  return { ...exit, lines: child.lines };
}
