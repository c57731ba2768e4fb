/** Pictures as the cloud providers take them inline (seedance, fal, replicate adapters). */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../../../shared/errors.js';

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

/**
 * A picture as a `data:image/<fmt>;base64,…` URI. A missing file is INVALID_INPUT: nothing was
 * sent, so the runner knows no task exists (types.ts submit).
 */
export async function imageDataUri(path: string, what: string): Promise<string> {
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    throw new AppError('INVALID_INPUT', `${what} is missing or unreadable: ${path} (${err.code ?? err.message})`, {
      path,
      missing: true,
    });
  });
  const mime = MIME[extname(path).toLowerCase()] ?? 'image/png';
  return `data:${mime};base64,${bytes.toString('base64')}`;
}
