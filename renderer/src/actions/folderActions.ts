/**
 * Finding a project: the recent projects on the start screen, the folder browser behind every
 * folder field (the browser host has no native folder dialog; the services list folders inside
 * the allowed roots only, shared/api/folders.ts), and choosing a folder from it.
 */
import { projectsUi, setProjectsUi } from '../store/projectsUi';
import type { ActionMap } from './registry';

export interface BrowsePayload {
  /** The folder to list (default: where the services start). */
  path?: string;
  /** Opens a new browser whose choice goes here; without it the open browser moves. */
  onChoose?: (path: string) => void;
}

export const folderActions: Pick<ActionMap, 'recent.load' | 'folders.browse' | 'folders.choose' | 'folders.close'> = {
  'recent.load': {
    id: 'recent.load',
    labelKey: 'projects.recent.title',
    place: 'start.open',
    tracks: 'none',
    async perform({ api }) {
      setProjectsUi({ recent: await api.call('project.recent', {}) });
    },
  },
  'folders.browse': {
    id: 'folders.browse',
    labelKey: 'projects.browse.button',
    place: 'folders',
    tracks: 'none',
    predicate: (_s, p) => p.onChoose !== undefined || projectsUi.getState().browser !== null,
    async perform({ api }, p) {
      const onChoose = p.onChoose ?? projectsUi.getState().browser?.onChoose;
      if (!onChoose) return;
      if (p.onChoose) setProjectsUi({ browser: { listing: null, onChoose } });
      const listing = await api.call('folders.list', p.path ? { path: p.path } : {}).catch(async (err: unknown) => {
        // A typed folder that can't be listed (gone, outside the roots): start where the services start.
        if (!p.onChoose || !p.path) throw err;
        return api.call('folders.list', {});
      });
      setProjectsUi({ browser: { listing, onChoose } });
    },
  },
  'folders.choose': {
    id: 'folders.choose',
    labelKey: 'projects.browse.choose',
    place: 'folders',
    tracks: 'none',
    predicate: () => projectsUi.getState().browser?.listing != null,
    async perform() {
      const b = projectsUi.getState().browser;
      if (!b?.listing) return;
      b.onChoose(b.listing.path);
      setProjectsUi({ browser: null });
    },
  },
  'folders.close': {
    id: 'folders.close',
    labelKey: 'projects.browse.cancel',
    place: 'folders',
    tracks: 'none',
    async perform() {
      setProjectsUi({ browser: null });
    },
  },
};
