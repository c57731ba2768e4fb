/**
 * At most N jobs at once (an export run's ffmpeg processes: one per segment, one per
 * deliverable's mux). The first failure stops new jobs, calls `onFail` once (the run aborts its
 * running processes with it) and is thrown when every started job has settled, so no process
 * outlives the run.
 */
import { availableParallelism } from 'node:os';

/** STORYBOARD_EXPORT_JOBS, else the machine's core count (each ffmpeg is multithreaded too; 1-16). */
export function exportJobs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.STORYBOARD_EXPORT_JOBS);
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, 16) : Math.max(1, Math.min(availableParallelism(), 16));
}

export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  onFail: () => void = () => {},
): Promise<void> {
  let next = 0;
  let failed = false;
  let first: unknown = null;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (err) {
        if (!failed) {
          failed = true;
          first = err;
          onFail();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failed) throw first;
}
