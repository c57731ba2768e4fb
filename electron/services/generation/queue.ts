/**
 * Per-provider concurrency (reliability-anchors A4.3: "limit concurrency per provider to the
 * provider's tier"). A tiny FIFO semaphore rather than a queue library: jobs are already
 * durable rows, so all we need in memory is "wait for a free slot of this provider", and a
 * waiter that is canceled must leave the line without holding a slot.
 */
import { AppError } from '../../../shared/errors.js';

export class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new AppError('INVALID_INPUT', `A concurrency limit must be a whole number >= 1 (got ${limit}).`);
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function once a slot is free; rejects CANCELED on abort. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(canceled());
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve(this.releaser());
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(canceled());
      };
      this.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiters.shift()?.();
    };
  }
}

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
  if (typeof d.retryAfterMs === 'number' && Number.isFinite(d.retryAfterMs) && d.retryAfterMs >= 0) return d.retryAfterMs;
  if (typeof d.retryAfter === 'string' || typeof d.retryAfter === 'number') {
    const text = String(d.retryAfter).trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
    const at = Date.parse(text);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  if (d.throttled === true || d.status === 429) return 0;
  return null;
}
