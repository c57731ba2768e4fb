/** A project (in-memory store with the real store's contract) wired to a ComfyUI adapter and the fake. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { GenerationDeps } from '../../../../../electron/services/generation/ports.js';
import type { ComfyUIProvider } from '../../../../../electron/services/generation/providers/comfyui.js';
import { createComfyUIProvider } from '../../../../../electron/services/generation/providers/comfyui.js';
import type { ProviderContext } from '../../../../../electron/services/generation/types.js';
import { startFakeComfy, type FakeComfy } from '../../../../fakes/comfyui.js';
import { FakeStore, project } from '../../fakeStore.js';
import { realMedia } from '../../../../helpers/realMedia.js';

export const FIRST_FRAME = realMedia('first-frame-camping.png');
let n = 0;

/** The fake ComfyUI server for one test file (top-level await): reset after each test, closed at the end. */
export async function fakeComfyForFile(): Promise<FakeComfy> {
  const fake = await startFakeComfy();
  afterEach(() => fake.reset());
  afterAll(() => fake.close());
  return fake;
}

export function comfyProject(root: string, baseUrl: string, opts: { liveProgress?: boolean } = {}) {
  const dir = join(root, `project ${n++} 镜头`);
  mkdirSync(dir);
  // 24 fps, 320x180: the LTX grid makes it 320x160; 1 s shots are 25 frames (8k+1).
  const store = new FakeStore(dir, project({ defaultProvider: 'comfyui' }));
  const comfy = createComfyUIProvider({
    random: () => 0.25,
    liveProgress: opts.liveProgress ?? false,
    pollPolicy: { initialMs: 40, maxMs: 200, factor: 1.5 },
  });
  const deps: GenerationDeps = {
    store,
    importFile: (src) => store.importFile(src, 'generated'),
    getProvider: (id) => {
      if (id !== 'comfyui') throw new Error(`no provider ${id}`);
      return comfy;
    },
    providerSettings: () => ({ baseUrl }),
    // The fake is local and fast: the 5 s floor for non-offline providers is for real servers.
    minCloudPollMs: 20,
  };
  const ctx = (over: Partial<ProviderContext> = {}): ProviderContext => ({
    tmpDir: join(dir, 'tmp'),
    settings: { baseUrl },
    ...over,
  });
  return { dir, store, comfy: comfy as ComfyUIProvider, deps, ctx };
}
