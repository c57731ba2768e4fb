/** Shared setup for the store tests: fresh projects in a temp folder, closed after each test. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';
import { INIT } from './fixtures.js';

export function storeFactory(label: string) {
  const root = tempDir();
  let n = 0;
  const open: ProjectStore[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return {
    root,
    track(s: ProjectStore): ProjectStore {
      open.push(s);
      return s;
    },
    fresh(init: Parameters<typeof ProjectStore.create>[1] = INIT): ProjectStore {
      const s = ProjectStore.create(join(root, `${label} ${++n} 镜头`), init);
      open.push(s);
      return s;
    },
    reopen(s: ProjectStore): ProjectStore {
      s.close();
      const r = ProjectStore.open(s.dir);
      open.push(r);
      return r;
    },
  };
}

/** "CODE: message" of the AppError `fn` throws (any other outcome fails the test). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return `${err.code}: ${err.message}`;
    throw err;
  }
  throw new Error('expected an AppError');
}

export const titles = (s: ProjectStore): string[] => s.snapshot().shots.map((x) => x.title);

/** The document without the history counters, to compare states across undo/redo. */
export const doc = (snap: ProjectSnapshot) => ({ ...snap, history: null });
