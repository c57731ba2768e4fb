/**
 * The preload as Electron runs it when sandboxed: one CommonJS file evaluated inside
 * `(function(require, process, Buffer, global, setImmediate, clearImmediate, exports, module))`
 * whose `require` knows only a few modules (electron/lib/sandboxed_renderer/init.ts). No
 * __filename, no fs. Electron is replaced by recorders.
 */
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../electron/main/ipc/channels.js';

const root = path.resolve(import.meta.dirname, '../../..');

type Handler = (event: unknown, message: unknown) => void;

function runSandboxed(source: string) {
  const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
  const invoked: unknown[][] = [];
  const ipcListeners = new Map<string, Handler[]>();
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: 42 });
      },
      on: (channel: string, fn: Handler) => ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), fn]),
    },
    webUtils: { getPathForFile: (file: { name: string }) => `/picked/${file.name}` },
  };
  // What the sandboxed preload's require() can load; everything else throws like Electron's.
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const wrapper = `(function(require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {\n${source}\n})`;
  const fn = vm.runInNewContext(wrapper, { console }) as (...args: unknown[]) => void;
  fn(sandboxRequire, {}, undefined, {}, setImmediate, clearImmediate, {}, { exports: {} });
  const emit = (message: unknown) => {
    for (const l of ipcListeners.get(EVENT_CHANNEL) ?? []) l({ sender: 'ELECTRON EVENT' }, message);
  };
  return { exposed, invoked, ipcListeners, required, emit };
}

/**
 * The preload bundled as build.mjs ships it (out/preload/index.cjs: bundle, node20, CommonJS,
 * no banner or define), in memory: every test runs on a fresh clone without `npm run build`
 * and none is skipped when out/ is missing.
 */
async function bundleSource(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0]?.text ?? '';
}

function checkBridge(r: ReturnType<typeof runSandboxed>) {
  expect([...r.exposed.keys()]).toEqual(['storyboard']);
  const api = r.exposed.get('storyboard') ?? {};
  expect(Object.keys(api).sort()).toEqual(['call', 'getPathForFile', 'on']);
  expect(r.required.filter((m) => m !== 'electron')).toEqual([]);
  return api as {
    call(method: string, payload: unknown): Promise<unknown>;
    on(event: string, listener: (payload: unknown) => void): () => void;
    getPathForFile(file: { name: string }): string;
  };
}

describe('preload bridge', () => {
  it('exposes exactly call, on and getPathForFile, requiring nothing but electron', async () => {
    checkBridge(runSandboxed(await bundleSource()));
  });

  it('call() invokes the one channel with method and payload and returns the DispatchResult', async () => {
    const r = runSandboxed(await bundleSource());
    const api = checkBridge(r);
    await expect(api.call('project.open', { dir: '/p' })).resolves.toEqual({ ok: true, value: 42 });
    expect(r.invoked).toEqual([[CALL_CHANNEL, 'project.open', { dir: '/p' }]]);
  });

  it('on() delivers only its event, never the Electron event object, and unsubscribes', async () => {
    const r = runSandboxed(await bundleSource());
    const api = checkBridge(r);
    expect(r.ipcListeners.get(EVENT_CHANNEL)).toHaveLength(1);
    const got: unknown[] = [];
    const off = api.on('job.progress', (p) => got.push(p));
    api.on('job.progress', () => {
      throw new Error('a broken listener');
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (e: unknown) => errors.push(e);
    try {
      r.emit({ event: 'export.progress', payload: 'not mine' });
      r.emit({ event: 'job.progress', payload: { jobId: 'a' } });
      off();
      r.emit({ event: 'job.progress', payload: { jobId: 'b' } });
    } finally {
      console.error = original;
    }
    expect(got).toEqual([{ jobId: 'a' }]);
    expect(errors).toHaveLength(2);
    // Many subscriptions still add a single ipcRenderer listener.
    expect(r.ipcListeners.get(EVENT_CHANNEL)).toHaveLength(1);
  });

  it('getPathForFile() asks webUtils', async () => {
    const api = checkBridge(runSandboxed(await bundleSource()));
    expect(api.getPathForFile({ name: 'clip 镜头.mp4' })).toBe('/picked/clip 镜头.mp4');
  });
});
