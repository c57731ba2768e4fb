/** Importing a file that must be of one kind (a first frame, a clip): refused before it is copied. */
import { keyedError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import { importFile, type AssetStore } from './import.js';

/** Imports a file after checking it is an image or a video (MEDIA_UNSUPPORTED otherwise). */
export async function importOfKind(store: AssetStore, path: string, kind: 'image' | 'video'): Promise<Asset> {
  return importFile(store, path, 'imported', {
    accept: (info, name) => {
      if (info.kind === kind) return;
      const what =
        kind === 'image' ? 'a first frame must be an image (PNG, JPEG, WebP)' : 'a shot clip must be a video';
      const is = info.kind === 'image' ? 'an image' : info.kind === 'audio' ? 'an audio file' : 'a video';
      throw keyedError(
        'MEDIA_UNSUPPORTED',
        kind === 'image' ? 'svc.media.needImage' : 'svc.media.needVideo',
        { name },
        `"${name}" is ${is}: ${what}.`,
      );
    },
  });
}
