/**
 * Downloads a finished clip from a provider's (signed, expiring) URL to destPath at once.
 * Temp file then rename: a cut download never leaves a file at destPath (JOB-7). A URL that is
 * gone (403/404/410: signed links expire) is PROVIDER_FAILED `{ expired: true }` (JOB-6).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../../../../shared/errors.js';

export async function downloadClip(url: string, destPath: string, o: { provider: string; taskId: string; signal?: AbortSignal; headers?: Record<string, string> }): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: o.headers, signal: o.signal });
  } catch (err) {
    if (o.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    throw new Error(`Could not download the ${o.provider} clip: ${(err as Error).message}`);
  }
  if ([403, 404, 410].includes(res.status)) {
    throw new AppError('PROVIDER_FAILED', `The ${o.provider} clip's download link has expired or is gone (HTTP ${res.status}); generate the shot again.`,
      { expired: true, failureKind: 'expired', taskId: o.taskId, status: res.status });
  }
  if (!res.ok || !res.body) throw new Error(`Downloading the ${o.provider} clip failed with HTTP ${res.status}.`);
  const part = `${destPath}.part`;
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(part));
    await rename(part, destPath);
  } catch (err) {
    await rm(part, { force: true });
    if (o.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    throw err;
  }
}
