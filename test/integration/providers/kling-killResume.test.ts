/** JOB-1/2 for Kling through the shared kill-and-resume harness: the built CLI against the fake Kling API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKling, type FakeKling } from '../../fakes/kling.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeKling;
beforeAll(async () => {
  fake = await startFakeKling({ runMs: 500 });
});
afterAll(() => fake.close());

describe('Kling: kill -9 right after the create, then resume', () => {
  it('finishes every shot with one take and never sends a create twice', async () => {
    const r = await killAndResume({
      provider: 'kling',
      env: { STORYBOARD_KLING_BASE_URL: fake.url, STORYBOARD_KLING_API_KEY: fake.apiKey },
      creates: () => fake.creates,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
    // Every create carried the job id as external_task_id (what reconcile looks up).
    const posts = fake.requests.filter((q) => q.method === 'POST');
    expect(posts.every((q) => typeof q.body?.external_task_id === 'string' && q.jwt?.payload.iss === fake.accessKey)).toBe(true);
  }, 60_000);
});
