/** Shared assertions and kill signals of the kill-and-resume rows (killResumeRows.ts, killResumeEndpointRows.ts). */
import { join } from 'node:path';
import { expect } from 'vitest';
import { ProjectStore } from '../../../../electron/services/project/store.js';
import type { Job } from '../../../../shared/model/entities.js';
import type { FakeFal } from '../../../fakes/fal.js';
import type { FakeReplicate } from '../../../fakes/replicate.js';
import type { killAndResume } from '../../../helpers/killResume.js';

type Result = Awaited<ReturnType<typeof killAndResume>>;

/**
 * For the providers that reconcile by listing, killed the moment the fake made a task (both
 * shots may be in flight): every shot whose task the fake made ends with exactly one take,
 * found by its stored id or by listing; a job left `unknown` is one whose create the fake never
 * made (cut by the kill), so nothing was paid for it and nothing was sent twice. `provider`
 * keeps to that provider's jobs (a restyle row's offline animatic jobs aside; their takes are
 * taken off `r.takesPerShot` by the caller).
 */
export function foundUnlessNeverMade(r: Result, root: string, made: (job: Job) => boolean, provider?: string): void {
  const store = ProjectStore.open(join(root, 'project'));
  try {
    const jobs = store.listJobs().filter((j) => !provider || j.provider === provider);
    expect(jobs).toHaveLength(2);
    for (const [i, shot] of store.snapshot().shots.entries()) {
      const job = jobs.find((j) => j.shotId === shot.id) as Job;
      if (job.state === 'unknown') {
        expect(made(job)).toBe(false);
        expect(r.takesPerShot[i]).toBe(0);
      } else {
        expect(job.state).toBe('succeeded');
        expect(made(job)).toBe(true);
        expect(r.takesPerShot[i]).toBe(1);
      }
    }
    expect(r.creates).toBe(jobs.filter((j) => j.state === 'succeeded').length);
  } finally {
    store.close();
  }
}

export const promptOf = (job: Job): string => (job.request as { prompt?: string }).prompt ?? '';

/**
 * Kill signals for the providers resumed only from a stored id (fal's queue; Replicate's
 * stored-id rows): the answered creates once BOTH shots' tasks have been polled (so both ids
 * are stored), else 0. Killing 200 ms after the first answer raced the second shot's create at
 * load 15: its answer was not stored yet, so on fal (no listing) the shot rightly stayed
 * `unknown` with no take and the strict row failed for the timing, not the adapter.
 */
export function falStoredBoth(f: FakeFal): number {
  const polled = new Set(
    f
      .seen()
      .filter((q) => q.method === 'GET' && q.target?.pathname.endsWith('/status'))
      .map((q) => q.target?.pathname),
  );
  return polled.size >= 2 ? f.creates : 0;
}

export function replicateStoredBoth(f: FakeReplicate): number {
  const polled = new Set(
    f.requests.filter((q) => q.method === 'GET' && /^\/v1\/predictions\/[^/]+$/.test(q.path)).map((q) => q.path),
  );
  return polled.size >= 2 ? f.creates : 0;
}

/**
 * For a provider that keeps no client id and lists no tasks (MiniMax): per shot, a finished job
 * with its one take, or an `unknown` job (killed between the create and storing its answer) with
 * none; nothing sent twice.
 */
export function takenOrUnknown(r: Result, root: string): void {
  const store = ProjectStore.open(join(root, 'project'));
  try {
    const jobs = store.listJobs();
    const shots = store.snapshot().shots;
    expect(jobs).toHaveLength(2);
    // Per shot: a finished job with its one take, or an `unknown` job with none.
    const outcome = shots.map((s, i) => [r.takesPerShot[i], jobs.find((j) => j.shotId === s.id)?.state]);
    for (const o of outcome)
      expect([
        [1, 'succeeded'],
        [0, 'unknown'],
      ]).toContainEqual(o);
    // Nothing sent twice: at most one create per shot, and every finished shot had its own.
    const succeeded = outcome.filter(([, state]) => state === 'succeeded').length;
    expect(r.creates).toBeLessThanOrEqual(2);
    expect(r.creates).toBeGreaterThanOrEqual(Math.max(1, succeeded));
    expect(new Set(jobs.map((j) => j.taskId).filter(Boolean)).size).toBe(jobs.filter((j) => j.taskId).length);
  } finally {
    store.close();
  }
}
