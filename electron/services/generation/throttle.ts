/**
 * How generation waits: one slot limiter per provider (reliability-anchors A4.3: "limit
 * concurrency per provider to the provider's tier"), a cancellable sleep, and how long a
 * throttled provider asked us to wait.
 */
import { AppError } from '../../../shared/errors.js';
import { Semaphore } from '../limiter.js';
import { parseRetryAfter } from './providers/http.js';

/** Default slots: renders share 2 cores, so offline providers run one at a time. */
export const DEFAULT_CLOUD_CONCURRENCY = 4;
export const DEFAULT_OFFLINE_CONCURRENCY = 1;

/** One semaphore per provider id, for the whole process (all batches share the limit). */
const slots = new Map<string, Semaphore>();

export function providerSlots(providerId: string, limit: number): Semaphore {
  let s = slots.get(providerId);
  if (!s || s.limit !== limit) {
    // A changed limit takes effect for new jobs; running ones release into the old semaphore.
    if (!s || (s.running === 0 && s.waiting === 0)) {
      s = new Semaphore(limit);
      slots.set(providerId, s);
    }
  }
  return s;
}

export function canceled(): AppError {
  return new AppError('CANCELED', 'Generation was canceled.');
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(canceled());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(canceled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * How long the provider asked us to wait, from an adapter error: `details.retryAfterMs`, or a
 * `details.retryAfter` header value (seconds or an HTTP date). null when it is not throttling.
 */
export function retryAfterMs(err: unknown, now = Date.now()): number | null {
  if (!(err instanceof AppError) || !err.details) return null;
  const d = err.details;
  if (typeof d.retryAfterMs === 'number' && Number.isFinite(d.retryAfterMs) && d.retryAfterMs >= 0)
    return d.retryAfterMs;
  if (typeof d.retryAfter === 'string' || typeof d.retryAfter === 'number') {
    const ms = parseRetryAfter(String(d.retryAfter), now);
    if (ms !== null) return ms;
  }
  if (d.throttled === true || d.status === 429) return 0;
  return null;
}
