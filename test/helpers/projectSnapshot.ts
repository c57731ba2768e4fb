/**
 * A document with nothing in it but its project: "Lake", 1280x720 16:9 at 24 fps in /films/lake.
 * Pure (no node, no DOM), so the renderer's unit tests (jsdom), the timeline driver (a browser
 * page) and the export tests build their documents on the same one; `over` replaces any part.
 */
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { newProject } from '../../shared/model/factories.js';

export function projectSnapshot(over: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  return {
    dir: '/films/lake',
    project: newProject({
      id: 'p1',
      name: 'Lake',
      aspect: '16:9',
      width: 1280,
      height: 720,
      fps: { num: 24, den: 1 },
      createdAt: '',
    }),
    scenes: [],
    shots: [],
    takes: [],
    assets: [],
    elements: [],
    jobs: [],
    audioItems: [],
    history: { canUndo: false, canRedo: false, revision: 1 },
    ...over,
  };
}
