/**
 * The folder browser of shared/api/folders.ts, rooted at the folder the host suggests for
 * projects and the user's home (project.recent is with the project handlers, which keep it).
 */
import { homedir } from 'node:os';
import type { Handlers } from '../../../shared/api/contract.js';
import { folderRoots, listFolder } from '../util/folderBrowser.js';

export function folderHandlers(opts: { suggestedDir?: string | null }): Pick<Handlers, 'folders.list'> {
  return {
    'folders.list': async ({ path }) => listFolder(path, folderRoots([opts.suggestedDir, homedir()])),
  };
}
