/** Pictures sent to a ComfyUI server's input folder (first frames, reference pictures). */
import { extname } from 'node:path';
import { AppError } from '../../../../../shared/errors.js';
import type { GenerationRequest } from '../../types.js';
import { comfyJson } from './http.js';
import { readInputFile } from '../imageInput.js';

/**
 * Uploads a picture to the server's input folder (POST /upload/image) and answers its name as
 * `LoadImage` expects it. Named by asset id (content-addressed): the same picture overwrites
 * itself, never piles up. No prompt exists yet, so a failure is a plain failure (never `unknown`).
 */
export async function uploadComfyPicture(
  baseUrl: string,
  picture: { path: string; assetId: string },
  what: string,
): Promise<string> {
  const bytes = await readInputFile(picture.path, what);
  const form = new FormData();
  form.append(
    'image',
    new Blob([bytes]),
    `storyboard-${picture.assetId}${extname(picture.path).toLowerCase() || '.png'}`,
  );
  form.append('type', 'input');
  form.append('subfolder', 'storyboard');
  form.append('overwrite', 'true');
  const doing = `upload ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
  const res = await comfyJson<{ name?: string; subfolder?: string }>(baseUrl, '/upload/image', {
    method: 'POST',
    body: form,
    what: doing,
  }).catch((err: unknown) => {
    if (err instanceof AppError) throw err;
    throw new AppError('PROVIDER_FAILED', `Could not ${doing} to ComfyUI at ${baseUrl}: ${(err as Error).message}`, {
      baseUrl,
    });
  });
  if (!res?.name)
    throw new AppError(
      'PROVIDER_FAILED',
      `ComfyUI at ${baseUrl} did not accept the upload (is this a ComfyUI server?).`,
    );
  return res.subfolder ? `${res.subfolder}/${res.name}` : res.name;
}

export async function uploadFirstFrame(baseUrl: string, req: GenerationRequest): Promise<string> {
  const frame = req.firstFrame;
  if (!frame) throw new AppError('INTERNAL', 'upload() needs a first frame.');
  return uploadComfyPicture(baseUrl, frame, `The first frame of shot ${req.shotNumber}`);
}
