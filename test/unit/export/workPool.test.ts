/** The export run's process pool: at most N at once, every item run, the first failure stops new jobs and waits for the started ones. */
import { describe, expect, it } from 'vitest';
import { eachLimited, exportJobs } from '../../../electron/services/export/workPool.js';

/** A job that ends when the test says so. */
function gate(): { promise: Promise<void>; open: () => void; fail: (e: Error) => void } {
  let open = (): void => {};
  let fail = (_e: Error): void => {};
  const promise = new Promise<void>((res, rej) => {
    open = res;
    fail = rej;
  });
  return { promise, open, fail };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('eachLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => gate());
    const started: number[] = [];
    const done = eachLimited([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      await gates[i]!.promise;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.open());
    await done;
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('on the first failure: calls onFail once, starts nothing new, waits for the running job, throws that failure', async () => {
    const gates = [0, 1, 2, 3].map(() => gate());
    const started: number[] = [];
    let fails = 0;
    let settled = false;
    const done = eachLimited(
      [0, 1, 2, 3],
      2,
      async (i) => {
        started.push(i);
        await gates[i]!.promise;
      },
      () => {
        fails += 1;
        gates[1]!.fail(new Error('aborted by the run'));
      },
    ).finally(() => {
      settled = true;
    });
    await tick();
    gates[0]!.fail(new Error('segment 1 failed'));
    await expect(done).rejects.toThrow('segment 1 failed');
    expect(settled).toBe(true);
    expect(fails).toBe(1);
    expect(started).toEqual([0, 1]);
  });

  it('takes STORYBOARD_EXPORT_JOBS, else the core count', () => {
    expect(exportJobs({ STORYBOARD_EXPORT_JOBS: '3' })).toBe(3);
    expect(exportJobs({ STORYBOARD_EXPORT_JOBS: '0' })).toBeGreaterThanOrEqual(1);
    expect(exportJobs({})).toBeGreaterThanOrEqual(1);
  });
});
