import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ProjectStore } from '../../electron/services/project/store.js';
import { tempDir } from './tmp.js';

export interface TempProjects {
  /** The temp folder the projects live in (a test's other files may go there too). */
  root: string;
  /** A new 16:9 720p project named `name` in its own folder under `root`. */
  create(name: string): ProjectStore;
}

/**
 * Real projects a test file opens in one temp folder, every one closed after the file's tests
 * (as `tempDir` removes its folder; vitest runs after-hooks in reverse, so they close first).
 */
export function tempProjects(fps = 24): TempProjects {
  const root = tempDir();
  const opened: ProjectStore[] = [];
  afterAll(() => {
    for (const s of opened) s.close();
  });
  return {
    root,
    create(name) {
      const s = ProjectStore.create(join(root, name), {
        name,
        aspect: '16:9',
        resolution: '720p',
        fps: { num: fps, den: 1 },
      });
      opened.push(s);
      return s;
    },
  };
}
