/**
 * Contract handler of the project's style (shared/api/style.ts). Pictures given as files are
 * imported like element pictures (probed, content-addressed, images only) before the edit, so
 * a broken picture is refused with its own error and the document is left untouched.
 */
import type { Handlers } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import { StyleOps } from '../project/style.js';
import { importPicture } from './elementHandlers.js';
import type { Session } from './session.js';

export function styleHandlers(session: Session): Pick<Handlers, 'project.setStyle'> {
  return {
    'project.setStyle': async ({ stylePrompt, pictures }) => {
      const store = session.require();
      let refAssetIds: string[] | undefined;
      if (pictures) {
        const paths = pictures.flatMap((p) => ('path' in p ? [p.path] : []));
        const imported: string[] = [];
        try {
          for (const p of paths) imported.push(await importPicture(store, p));
        } finally {
          for (const p of paths) await session.discardUpload(p);
        }
        if (session.current() !== store) throw new AppError('NO_PROJECT', 'The project was closed before the style pictures were set.');
        let next = 0;
        refAssetIds = pictures.map((p) => ('path' in p ? (imported[next++] as string) : p.assetId));
      }
      new StyleOps(store).set({ ...(stylePrompt !== undefined ? { stylePrompt } : {}), ...(refAssetIds ? { refAssetIds } : {}) });
      return session.changed();
    },
  };
}
