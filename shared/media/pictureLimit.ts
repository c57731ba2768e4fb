/**
 * The largest picture Storyboard takes (pure). A picture is decoded whole wherever it is used
 * (thumbnails, first frames, the animatic's camera moves), at ~4 bytes per pixel at least:
 * a 16000x16000 PNG — 746 KB on disk, a decompression bomb of near-uniform rows — took ~1 GB of
 * memory to generate from. The limit is checked on the probed header BEFORE anything decodes
 * the file, so a bomb costs nothing.
 *
 * 50 megapixels: room for 8K frames (7680x4320 = 33.2 MP) and the photos of 24-48 MP cameras,
 * about 200 MB once decoded to RGBA; a bigger picture is refused with its size and the limit
 * and can be scaled down first (no video model takes more than 4K anyway).
 */
import { AppError } from '../errors.js';
import type { MediaInfo } from '../model/entities.js';

export const MAX_PICTURE_PIXELS = 50_000_000;

/** MEDIA_TOO_LARGE for a picture over MAX_PICTURE_PIXELS; nothing for anything else. */
export function checkPictureSize(info: MediaInfo, fileName: string): void {
  if (info.kind !== 'image') return;
  const pixels = info.width * info.height;
  if (pixels <= MAX_PICTURE_PIXELS) return;
  const limit = MAX_PICTURE_PIXELS / 1_000_000;
  throw new AppError(
    'MEDIA_TOO_LARGE',
    `"${fileName}" is ${info.width}x${info.height} pixels (${(pixels / 1_000_000).toFixed(0)} megapixels); pictures up to ${limit} megapixels can be used. Scale it down (e.g. to 3840 pixels wide) and import it again.`,
    { file: fileName, width: info.width, height: info.height, limit, messageKey: 'hardening.error.pictureTooLarge' },
  );
}
