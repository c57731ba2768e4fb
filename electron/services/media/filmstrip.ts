/**
 * Filmstrip sprites and thumbnails as absolute paths for the contract (media.filmstrip,
 * media.thumbnail). Made once per (asset, parameters) and cached in media/thumbs/, written to a
 * temp name and renamed, so a half-written sprite is never served.
 */
import { AppError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import {
  FILMSTRIP_DEFAULT_COUNT,
  FILMSTRIP_DEFAULT_HEIGHT,
  filmstripInvocation,
  filmstripLayout,
  filmstripRelPath,
  type FilmstripLayout,
} from '../../../shared/media/filmstrip.js';
import { makeThumbnail, requireInput, sizeOf, writeAtomically, type StillOptions } from './frames.js';
import { assetAbsPath } from './import.js';

export interface Filmstrip extends Omit<FilmstripLayout, 'keyframesOnly'> {
  /** Absolute path of the JPEG sprite (count tiles in one row). */
  path: string;
}

/** The asset's filmstrip, made on first request. Rejects MEDIA_MISSING, INVALID_INPUT (audio), FFMPEG_FAILED. */
export async function makeFilmstrip(
  projectDir: string,
  asset: Asset,
  params: { height?: number | undefined; count?: number | undefined } = {},
  opts: StillOptions = {},
): Promise<Filmstrip> {
  if (asset.info.kind === 'audio') {
    throw new AppError(
      'INVALID_INPUT',
      `"${asset.originalName}" is an audio file: it has no filmstrip (use its thumbnail, a waveform).`,
      { assetId: asset.id },
    );
  }
  const layout = filmstripLayout(asset.info, {
    height: params.height ?? FILMSTRIP_DEFAULT_HEIGHT,
    count: params.count ?? FILMSTRIP_DEFAULT_COUNT,
  });
  // Keyed by the effective parameters, so requests that clamp to the same sprite share it.
  const target = assetAbsPath(
    projectDir,
    filmstripRelPath(asset.id, { height: layout.tileHeight, count: layout.count }),
  );
  const { keyframesOnly: _k, ...rest } = layout;
  if (await sizeOf(target)) return { path: target, ...rest };
  const input = assetAbsPath(projectDir, asset.path);
  await requireInput(input, asset.originalName);
  await writeAtomically(
    target,
    (tmp) => filmstripInvocation({ input, info: asset.info, output: tmp, layout }),
    opts,
    () =>
      new AppError(
        'MEDIA_CORRUPT',
        `No filmstrip could be made of "${asset.originalName}": ffmpeg found no picture in it.`,
        { file: input },
      ),
  );
  return { path: target, ...rest };
}

/** Absolute path of the asset's cached thumbnail (made on first request). */
export async function thumbnailPath(projectDir: string, asset: Asset, opts: StillOptions = {}): Promise<string> {
  return assetAbsPath(projectDir, await makeThumbnail(projectDir, asset, opts));
}
