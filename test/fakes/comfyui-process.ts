/**
 * Starts test/fakes/comfyui-server.ts in a separate Node process (bundled with esbuild, which
 * the build already uses), for tests that kill the client and need the server to live on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface FakeComfyProcess {
  url: string;
  child: ChildProcess;
  /** GET /__fake/log of the running fake. */
  log(): Promise<{
    requests: { method: string; path: string; status: number }[];
    creates: number;
    createdIds: string[];
  }>;
  set(patch: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startFakeComfyProcess(args: string[] = []): Promise<FakeComfyProcess> {
  const bundleDir = mkdtempSync(join(tmpdir(), 'fake-comfy-bundle-'));
  const out = join(bundleDir, 'comfyui-server.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./comfyui-server.ts', import.meta.url))],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // ws's optional native helpers; ws works without them. createRequire for ws's CJS requires.
    external: ['bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const child = spawn(process.execPath, [out, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`fake ComfyUI did not start: ${text}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /FAKE_COMFYUI_URL=(\S+)/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      text += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`fake ComfyUI exited (${code}): ${text}`)));
  });
  return {
    url,
    child,
    log: async () => (await fetch(`${url}/__fake/log`)).json() as ReturnType<FakeComfyProcess['log']>,
    set: async (patch) => {
      await fetch(`${url}/__fake/set`, { method: 'POST', body: JSON.stringify(patch) });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          rmSync(bundleDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
