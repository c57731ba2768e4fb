/**
 * Contract handlers for the Elements library (shared/api/elements.ts). Pictures given as files
 * are imported (probed and content-addressed by the media store) before the edit, so a broken
 * picture is refused with its own error and the document is left untouched.
 */
import type { Handlers } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import { importFile } from '../media/import.js';
import { ElementOps } from '../project/elements.js';
import type { ProjectStore } from '../project/store.js';
import type { Session } from './session.js';

export type ElementMethod =
  'elements.create' | 'elements.update' | 'elements.remove' | 'elements.addPictures' | 'elements.removePicture' | 'shots.setElements';

/** Imports a picture for an element: only an image is accepted (MEDIA_UNSUPPORTED otherwise). */
export async function importPicture(store: ProjectStore, path: string): Promise<string> {
  const asset = await importFile(store, path, 'imported', {
    accept: (info, name) => {
      if (info.kind === 'image') return;
      const is = info.kind === 'audio' ? 'an audio file' : 'a video';
      throw new AppError('MEDIA_UNSUPPORTED', `"${name}" is ${is}: a reference picture must be an image (PNG, JPEG, WebP).`);
    },
  });
  return asset.id;
}

export function elementHandlers(session: Session): Pick<Handlers, ElementMethod> {
  /** Imports every file first (all or nothing for the edit), then checks the project is still the one. */
  const importAll = async (paths: readonly string[]): Promise<{ store: ProjectStore; ids: string[] }> => {
    const store = session.require();
    const ids: string[] = [];
    try {
      for (const p of paths) ids.push(await importPicture(store, p));
    } finally {
      for (const p of paths) await session.discardUpload(p);
    }
    if (session.current() !== store) throw new AppError('NO_PROJECT', 'The project was closed before the pictures were added.');
    return { store, ids };
  };
  const edit = (fn: (ops: ElementOps) => unknown) => {
    fn(new ElementOps(session.require()));
    return Promise.resolve(session.changed());
  };
  return {
    'elements.create': async ({ picturePaths, ...input }) => {
      const { store, ids } = await importAll(picturePaths ?? []);
      const element = new ElementOps(store).create({ ...input, refAssetIds: [...(input.refAssetIds ?? []), ...ids] });
      return { element, snapshot: session.changed() };
    },
    'elements.update': ({ elementId, patch }) => edit((ops) => ops.update(elementId, patch)),
    'elements.remove': ({ elementId }) => edit((ops) => ops.remove(elementId)),
    'elements.addPictures': async ({ elementId, pictures }) => {
      const paths = pictures.flatMap((p) => ('path' in p ? [p.path] : []));
      const { store, ids } = await importAll(paths);
      let next = 0;
      const assetIds = pictures.map((p) => ('path' in p ? (ids[next++] as string) : p.assetId));
      new ElementOps(store).addRefs(elementId, assetIds);
      return session.changed();
    },
    'elements.removePicture': ({ elementId, assetId }) => edit((ops) => ops.removeRef(elementId, assetId)),
    'shots.setElements': ({ shotId, elementIds }) => edit((ops) => ops.setShotElements(shotId, elementIds)),
  };
}
