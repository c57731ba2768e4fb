/**
 * The one way an adapter saves a provider's output: streamed from its (signed, expiring) URL
 * to destPath through a temp file, so a cut download never leaves a file there (JOB-7).
 * 403/404/410 means the link expired or the file was deleted: PROVIDER_FAILED with
 * { expired: true, failureKind: 'expired' } (JOB-6). A cancel is CANCELED, not an error.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../../../shared/errors.js';

export interface DownloadOptions {
  /** The provider's name, for messages. */
  label: string;
  taskId: string;
  signal?: AbortSignal;
  /** Only for providers whose output URL needs auth (never sent to another host by default). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const EXPIRED = new Set([403, 404, 410]);

export async function downloadToFile(url: string, destPath: string, o: DownloadOptions): Promise<void> {
  const timeout = o.timeoutMs ? AbortSignal.timeout(o.timeoutMs) : null;
  const signal = o.signal && timeout ? AbortSignal.any([o.signal, timeout]) : (o.signal ?? timeout ?? undefined);
  let res: Response;
  try {
    res = await fetch(url, { ...(o.headers ? { headers: o.headers } : {}), ...(signal ? { signal } : {}) });
  } catch (err) {
    if (o.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new Error(`Could not download the ${o.label} video for task ${o.taskId}: ${cause ?? (err as Error).message}`);
  }
  if (EXPIRED.has(res.status)) {
    throw new AppError(
      'PROVIDER_FAILED',
      `The ${o.label} video link for task ${o.taskId} expired or the file was deleted (HTTP ${res.status}) before it was downloaded; generate the shot again.`,
      { expired: true, failureKind: 'expired', taskId: o.taskId, status: res.status },
    );
  }
  if (!res.ok || !res.body)
    throw new Error(`Downloading the ${o.label} video for task ${o.taskId} failed with HTTP ${res.status}.`);
  await saveBody(res.body, destPath, o.signal);
}

/**
 * Streams an answer's body to destPath through a temp file, removed if the copy fails, so a cut
 * download never leaves a file at destPath (JOB-7). Stopped by `signal`: CANCELED.
 */
export async function saveBody(
  body: ReadableStream<Uint8Array>,
  destPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const part = `${destPath}.part`;
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(part));
    await rename(part, destPath);
  } catch (err) {
    await rm(part, { force: true });
    if (signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    throw err;
  }
}

export interface FreshLinkOptions extends DownloadOptions {
  /**
   * The provider answers the SAME link on every read of the task (an unsigned CDN path: fal's
   * v3.fal.media, Replicate's replicate.delivery): when the task still lists it, it is tried once
   * more; when the task no longer lists an output, the job is expired at once.
   */
  stableLink?: boolean;
}

/**
 * Downloads a task's output, reading the link from the provider's task each time: when the link
 * has expired (403/404/410), the task is read once more and a NEW link, if the provider signs a
 * fresh one per read, is tried before the job is reported expired (Kling's task query and Ark's
 * task GET answer a freshly signed URL while the output is kept: Kling 30 days, Ark 24 h); with
 * `stableLink`, the same link once more while the task still lists it.
 * `link` returns the current URL, or null when the task no longer lists an output.
 */
export async function downloadFreshLink(
  link: () => Promise<string | null>,
  destPath: string,
  o: FreshLinkOptions,
  gone: () => AppError,
): Promise<void> {
  const first = await link();
  if (!first) throw gone();
  try {
    await downloadToFile(first, destPath, o);
  } catch (err) {
    if (!(err instanceof AppError) || !err.details?.expired) throw err;
    const again = await link();
    if (!again || (again === first && !o.stableLink)) throw err;
    await downloadToFile(again, destPath, o);
  }
}
