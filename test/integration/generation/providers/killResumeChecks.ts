/** Shared assertions of killResume.test.ts rows for the providers that reconcile by listing. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { ProjectStore } from '../../../../electron/services/project/store.js';
import type { Job } from '../../../../shared/model/entities.js';
import type { killAndResume } from '../../../helpers/killResume.js';

type Result = Awaited<ReturnType<typeof killAndResume>>;

/**
 * For the providers that reconcile by listing, killed the moment the fake made a task (both
 * shots may be in flight): every shot whose task the fake made ends with exactly one take,
 * found by its stored id or by listing; a job left `unknown` is one whose create the fake never
 * made (cut by the kill), so nothing was paid for it and nothing was sent twice.
 */
export function foundUnlessNeverMade(r: Result, root: string, made: (job: Job) => boolean): void {
  const store = ProjectStore.open(join(root, 'project'));
  try {
    const jobs = store.listJobs();
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
