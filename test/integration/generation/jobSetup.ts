/**
 * The generation job path as the job tests run it: for each test a fresh project folder under
 * `root`, an in-memory store (fakeStore.ts), the real animatic provider with its creates counted,
 * and `extra` for the stand-in providers a test adds (fakeCloud.ts). The title font is resolved
 * once, before the file's tests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { runFfmpeg } from '../../../electron/services/ffmpeg/runner.js';
import { resolveTitleFont, type ResolvedFont } from '../../../electron/services/generation/fonts.js';
import type { GenerationDeps } from '../../../electron/services/generation/ports.js';
import { createAnimaticProvider } from '../../../electron/services/generation/providers/animatic.js';
import type { ProviderAdapter } from '../../../electron/services/generation/types.js';
import { FakeStore, project } from './fakeStore.js';

export interface JobSetup {
  dir: string;
  store: FakeStore;
  animatic: ProviderAdapter & { submits: number };
  extra: Map<string, ProviderAdapter>;
  deps: GenerationDeps;
}

/** Answers `setup(over)`: a fresh project folder, store, animatic (counting creates) and deps. */
export function jobSetup(root: string): (over?: Parameters<typeof project>[0]) => JobSetup {
  let font: ResolvedFont;
  let n = 0;
  beforeAll(async () => {
    font = await resolveTitleFont({ bundledDir: null, cacheDir: join(root, 'fonts') });
  });
  return (over = {}) => {
    const dir = join(root, `project ${n++}`);
    mkdirSync(dir);
    const store = new FakeStore(dir, project(over));
    const base = createAnimaticProvider({ runFfmpeg, resolveFont: () => Promise.resolve(font) });
    const animatic = { ...base, submits: 0 } as ProviderAdapter & { submits: number };
    animatic.submit = (req, ctx) => {
      animatic.submits++;
      return base.submit(req, ctx);
    };
    const extra = new Map<string, ProviderAdapter>();
    const deps: GenerationDeps = {
      store,
      importFile: (src) => store.importFile(src, 'generated'),
      minCloudPollMs: 0, // the fake answers at once; the 5 s floor is measured in the bench
      getProvider: (id) => {
        const p = id === 'animatic' ? animatic : extra.get(id);
        if (!p) throw new Error(`no provider ${id}`);
        return p;
      },
    };
    return { dir, store, animatic, extra, deps };
  };
}
