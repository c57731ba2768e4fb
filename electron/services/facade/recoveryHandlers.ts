/**
 * Contract handlers of shared/api/recovery.ts: relink (media.*), save a copy and open a
 * repaired copy (project.*). Spread into the namespace modules media.ts and project.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Handlers } from '../../../shared/api/contract.js';
import { listMissingMedia } from '../media/missingMedia.js';
import { relinkAsset, relinkFromFolder } from '../media/relink.js';
import { copyProject } from '../project/projectCopy.js';
import { makeRepairedCopy, repairedCopyDir } from '../project/repair.js';
import { ProjectStore } from '../project/store.js';
import type { Session } from './session.js';

/** The relink methods, spread into facade/media.ts (the `media.*` namespace). */
export function relinkHandlers(
  session: Session,
): Pick<Handlers, 'media.missing' | 'media.relink' | 'media.relinkFolder'> {
  return {
    'media.missing': async () => listMissingMedia(session.require()),
    'media.relink': async ({ assetId, path, confirm }) => {
      const store = session.require();
      try {
        const result = await relinkAsset(store, assetId, path, { confirm });
        return { result, snapshot: session.changed() };
      } finally {
        await session.discardUpload(path);
      }
    },
    'media.relinkFolder': async ({ folder }) => {
      const found = await relinkFromFolder(session.require(), folder);
      return { ...found, snapshot: session.changed() };
    },
  };
}

/** Save a copy and the repaired copy, spread into facade/project.ts (the `project.*` namespace). */
export function projectCopyHandlers(session: Session): Pick<Handlers, 'project.saveCopy' | 'project.openRepaired'> {
  return {
    'project.saveCopy': async ({ dir, linkMedia }) => {
      const store = session.require();
      const nativeBinding = session.storeOptions().nativeBinding;
      const copy = await copyProject({
        srcDir: store.dir,
        destDir: dir,
        backupDb: (to) => store.backupTo(to),
        ...(linkMedia ? { linkMedia } : {}),
        ...(nativeBinding ? { nativeBinding } : {}),
      });
      return { dir: copy.dir, copiedFiles: copy.copied, skipped: copy.skipped };
    },
    'project.openRepaired': async ({ dir, copyDir }) => {
      const target = copyDir ? resolve(copyDir) : repairedCopyDir(dir, existsSync);
      const copy = await makeRepairedCopy(dir, target, session.storeOptions());
      return session.adopt(ProjectStore.open(copy.dir, session.storeOptions()));
    },
  };
}
