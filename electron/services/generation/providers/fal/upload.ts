/** A picture (or a restyle's clip) put in fal.ai's storage before a queue submit (video, image adapters). */
import { extname } from 'node:path';
import { AppError } from '../../../../../shared/errors.js';
import type { ProviderContext } from '../../types.js';
import { readInputFile } from '../imageInput.js';
import { falClient, mapFalError } from './client.js';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
};

/** The file's fal storage URL; `what` names it in messages ("The first frame of shot 3"). */
export async function uploadToFal(
  ctx: ProviderContext,
  file: { assetId: string; path: string },
  what: string,
): Promise<string> {
  const bytes = await readInputFile(file.path, what);
  const ext = extname(file.path).toLowerCase();
  const blob = new File([bytes], `storyboard-${file.assetId}${ext || '.png'}`, { type: MIME[ext] ?? 'image/png' });
  try {
    return await falClient(ctx).storage.upload(blob);
  } catch (err) {
    // No task exists yet: a failed upload is a plain failure, never `unknown`.
    const e = mapFalError(err, `upload ${what.toLowerCase()}`);
    if (e instanceof AppError) throw e;
    throw new AppError('PROVIDER_FAILED', `Could not upload ${what.toLowerCase()} to fal.ai: ${e.message}`);
  }
}
