/** Importing a file that must be of one kind (a first frame, a clip): checked before it is copied. */
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import { importFile, type AssetStore } from './import.js';
import { probeFile } from './probe.js';

/** Imports a file after checking it is an image or a video (MEDIA_UNSUPPORTED otherwise). */
export async function importOfKind(store: AssetStore, path: string, kind: 'image' | 'video'): Promise<Asset> {
  // Probe before copying so a file of the wrong kind never lands in the media store.
  const info = await probeFile(path);
  if (info.kind !== kind) {
    const name = basename(path);
    const what = kind === 'image' ? 'a first frame must be an image (PNG, JPEG, WebP)' : 'a shot clip must be a video';
    const is = info.kind === 'image' ? 'an image' : info.kind === 'audio' ? 'an audio file' : 'a video';
    throw new AppError('MEDIA_UNSUPPORTED', `"${name}" is ${is}: ${what}.`);
  }
  return importFile(store, path, 'imported');
}
