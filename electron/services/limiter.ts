/**
 * The one concurrency limiter of the services: a tiny FIFO semaphore rather than a queue
 * library. Generation uses one per provider (generation/throttle.ts: jobs are already durable
 * rows, so all it needs in memory is "wait for a free slot of this provider"); the export's
 * clip probes use `mapLimited`. A waiter that is canceled leaves the line without holding a slot.
 */
import { AppError } from '../../shared/errors.js';

/** A waiter's cancel: the work that waited (a generation job) was canceled. */
function canceled(): AppError {
  return new AppError('CANCELED', 'Generation was canceled.');
}

export class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new AppError('INVALID_INPUT', `A concurrency limit must be a whole number >= 1 (got ${limit}).`);
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

/**
 * `fn` over every item with at most `limit` running at once; results in the items' order.
 * The first rejection rejects the whole (items already started run to their end).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const gate = new Semaphore(Math.max(1, Math.min(limit, items.length || 1)));
  return Promise.all(
    items.map(async (item, i) => {
      const release = await gate.acquire();
      try {
        return await fn(item, i);
      } finally {
        release();
      }
    }),
  );
}
