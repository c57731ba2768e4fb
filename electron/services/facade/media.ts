/**
 * Contract handlers of the `media.*` namespace: imports, garbage collection and the cached
 * pictures and waveforms the UI draws (answered with absolute paths of cached files). Also the
 * picture import the element and style handlers share.
 */
import { AppError } from '../../../shared/errors.js';
import { makeFilmstrip, thumbnailPath } from '../media/filmstrip.js';
import { collectGarbage } from '../media/gc.js';
import { importFile } from '../media/import.js';
import { makeWaveform } from '../media/waveform.js';
import type { ProjectStore } from '../project/store.js';
import { relinkHandlers } from './recoveryHandlers.js';
import type { NamespaceHandlers, Session } from './session.js';

/** Imports a picture for an element or the style: only an image is accepted (MEDIA_UNSUPPORTED otherwise). */
export async function importPicture(store: ProjectStore, path: string): Promise<string> {
  const asset = await importFile(store, path, 'imported', {
    accept: (info, name) => {
      if (info.kind === 'image') return;
      const is = info.kind === 'audio' ? 'an audio file' : 'a video';
      throw new AppError(
        'MEDIA_UNSUPPORTED',
        `"${name}" is ${is}: a reference picture must be an image (PNG, JPEG, WebP).`,
      );
    },
  });
  return asset.id;
}

/**
 * Imports the pictures given as files (all or nothing, staged uploads discarded) and answers
 * every picture as an asset id in the given order; fails if the project closed meanwhile.
 */
export async function picturesToAssetIds(
  session: Session,
  store: ProjectStore,
  pictures: readonly ({ path: string } | { assetId: string })[],
  what: string,
): Promise<string[]> {
  const paths = pictures.flatMap((p) => ('path' in p ? [p.path] : []));
  const imported: string[] = [];
  try {
    for (const p of paths) imported.push(await importPicture(store, p));
  } finally {
    for (const p of paths) await session.discardUpload(p);
  }
  session.requireStill(store, what);
  let next = 0;
  return pictures.map((p) => ('path' in p ? (imported[next++] as string) : p.assetId));
}

export function mediaHandlers(session: Session): NamespaceHandlers<'media'> {
  return {
    ...relinkHandlers(session),
    'media.import': async ({ path }) => importFile(session.require(), path, 'imported'),
    'media.collectGarbage': async () => {
      const result = await collectGarbage(session.require());
      session.changed(); // asset rows may be gone from the snapshot
      return result;
    },
    'media.thumbnail': async ({ assetId }) => {
      const store = session.require();
      return { path: await thumbnailPath(store.dir, store.getAsset(assetId)) };
    },
    'media.filmstrip': async ({ assetId, height, count }) => {
      const store = session.require();
      return makeFilmstrip(store.dir, store.getAsset(assetId), { height, count });
    },
    'media.waveform': async ({ assetId, buckets }) => {
      const store = session.require();
      return makeWaveform(store.dir, store.getAsset(assetId), buckets);
    },
  };
}
