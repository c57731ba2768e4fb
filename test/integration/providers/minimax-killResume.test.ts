/**
 * JOB-1/2 for MiniMax through the shared kill-and-resume harness: the built CLI against the
 * fake MiniMax API. MiniMax takes no client task id and cannot list tasks, so a job killed
 * between the create and storing its answer must stay `unknown` (never re-sent); every other
 * job resumes by polling. Either way: one create per shot, never a second.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { FAKE_MINIMAX_KEY, startFakeMinimax, type FakeMinimax } from '../../fakes/minimax.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeMinimax;
beforeAll(async () => {
  fake = await startFakeMinimax({ runMs: 500 });
});
afterAll(() => fake.close());

describe('MiniMax: kill -9 right after the create, then resume', () => {
  it('never sends a create twice; each shot ends with one take or an unknown job', async () => {
    const root = tempDir();
    const r = await killAndResume({
      provider: 'minimax',
      env: { STORYBOARD_MINIMAX_BASE_URL: fake.url, STORYBOARD_MINIMAX_API_KEY: FAKE_MINIMAX_KEY },
      creates: () => fake.creates,
      root,
    });
    expect(r.killedAfterCreate).toBe(true);
    const store = ProjectStore.open(join(root, 'project'));
    try {
      const jobs = store.listJobs();
      const shots = store.snapshot().shots;
      expect(jobs).toHaveLength(2);
      // Per shot: a finished job with its one take, or an `unknown` job with none (its create
      // may or may not have reached MiniMax, so it was not sent again).
      const outcome = shots.map((s, i) => [r.takesPerShot[i], jobs.find((j) => j.shotId === s.id)?.state]);
      for (const o of outcome) expect([[1, 'succeeded'], [0, 'unknown']]).toContainEqual(o);
      // Nothing sent twice: at most one create per shot, and every finished shot had its own.
      const succeeded = outcome.filter(([, state]) => state === 'succeeded').length;
      expect(r.creates).toBeLessThanOrEqual(2);
      expect(r.creates).toBeGreaterThanOrEqual(Math.max(1, succeeded));
      expect(new Set(jobs.map((j) => j.taskId).filter(Boolean)).size).toBe(jobs.filter((j) => j.taskId).length);
    } finally {
      store.close();
    }
    const creates = fake.requests.filter((q) => q.method === 'POST');
    expect(creates.every((q) => q.headers.authorization === `Bearer ${FAKE_MINIMAX_KEY}`)).toBe(true);
  }, 60_000);
});
