/**
 * Pictures (and a restyle's clip) as the cloud providers take them: read before anything is
 * sent, so a missing file is INVALID_INPUT and the runner knows no task exists (types.ts submit).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../../../shared/errors.js';

/** A file a request sends (`what` names it: "The first frame of shot 3"); INVALID_INPUT when missing or unreadable. */
export async function readInputFile(path: string, what: string): Promise<Buffer> {
  return readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new AppError('INVALID_INPUT', `${what} is missing or unreadable: ${path} (${err.code ?? err.message})`, {
      path,
      missing: true,
    });
  });
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  // A restyle's clip goes inline the same way (Replicate's video inputs).
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
};

/** A picture as a `data:image/<fmt>;base64,…` URI (seedance, replicate), PNG when the extension is unknown. */
export async function imageDataUri(path: string, what: string): Promise<string> {
  const bytes = await readInputFile(path, what);
  const mime = MIME[extname(path).toLowerCase()] ?? 'image/png';
  return `data:${mime};base64,${bytes.toString('base64')}`;
}

/** The formats the checked readers below accept (Vidu, Wan). */
const PICTURE_MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
};

/**
 * A picture's bytes and MIME type, checked before anything is sent: a missing, unreadable,
 * unknown-format or too-large file is INVALID_INPUT, so the runner knows nothing was sent.
 */
export async function readPicture(
  path: string,
  what: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; mime: string }> {
  const mime = PICTURE_MIME[extname(path).toLowerCase()];
  if (!mime) throw new AppError('INVALID_INPUT', `${what} is not a PNG, JPEG, WebP or BMP picture: ${path}`, { path });
  const bytes = await readInputFile(path, what);
  if (bytes.length > maxBytes) {
    throw new AppError(
      'INVALID_INPUT',
      `${what} is too large to send (${Math.round(bytes.length / 1e6)} MB; the limit is ${Math.round(maxBytes / 1e6)} MB): ${path}`,
      { path },
    );
  }
  return { bytes, mime };
}

/**
 * A checked picture (readPicture) as a data URI (`data:image/png;base64,...`), the inline encoding
 * Vidu and DashScope accept.
 */
export async function pictureDataUri(path: string, what: string, maxBytes: number): Promise<string> {
  const { bytes, mime } = await readPicture(path, what, maxBytes);
  return `data:${mime};base64,${bytes.toString('base64')}`;
}
