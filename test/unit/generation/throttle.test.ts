import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { pollDelayMs } from '../../../shared/generation/backoff.js';
import { retryAfterMs } from '../../../electron/services/generation/throttle.js';
import { mapLimited, Semaphore } from '../../../electron/services/limiter.js';

describe('Semaphore', () => {
  it('grants up to the limit, then in FIFO order as slots are released', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    const r1 = await s.acquire();
    const r2 = await s.acquire();
    const p3 = s.acquire().then((r) => (order.push(3), r));
    const p4 = s.acquire().then((r) => (order.push(4), r));
    expect(s.running).toBe(2);
    expect(s.waiting).toBe(2);
    r1();
    r1(); // releasing twice frees one slot only
    const r3 = await p3;
    expect(s.running).toBe(2);
    expect(order).toEqual([3]);
    r2();
    await p4;
    expect(order).toEqual([3, 4]);
    r3();
    expect(s.running).toBe(1);
  });

  it('a canceled waiter leaves the line without taking a slot', async () => {
    const s = new Semaphore(1);
    const r1 = await s.acquire();
    const c = new AbortController();
    const waiting = s.acquire(c.signal);
    c.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELED' });
    expect(s.waiting).toBe(0);
    r1();
    expect(s.running).toBe(0);
    expect(() => new Semaphore(0)).toThrow(/whole number >= 1/);
  });
});

describe('retryAfterMs', () => {
  const err = (details: Record<string, unknown>) => new AppError('PROVIDER_FAILED', 'busy', details);
  it('reads retryAfterMs, Retry-After seconds or HTTP date, and a bare 429', () => {
    expect(retryAfterMs(err({ retryAfterMs: 1500 }))).toBe(1500);
    expect(retryAfterMs(err({ retryAfter: '7' }))).toBe(7000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(err({ retryAfter: 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(err({ status: 429 }))).toBe(0);
  });
  it('is null for anything that is not throttling', () => {
    expect(retryAfterMs(err({ status: 500 }))).toBeNull();
    expect(retryAfterMs(new Error('x'))).toBeNull();
    expect(retryAfterMs(new AppError('PROVIDER_FAILED', 'no details'))).toBeNull();
  });
});

describe('poll backoff (JOB-5)', () => {
  it('a 5 s policy never waits less than 5 s, grows to its cap, jitter only lengthens', () => {
    const policy = { initialMs: 5000, maxMs: 20_000, factor: 1.5 };
    for (let a = 0; a < 20; a++) {
      for (const r of [0, 0.5, 0.999]) {
        const d = pollDelayMs(policy, a, r);
        expect(d).toBeGreaterThanOrEqual(5000);
        expect(d).toBeLessThanOrEqual(25_000);
      }
    }
    expect(pollDelayMs(policy, 10, 0)).toBe(20_000);
  });
});

describe('mapLimited', () => {
  it("runs at most `limit` at once and answers in the items' order", async () => {
    let running = 0;
    let peak = 0;
    const result = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
      running--;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
