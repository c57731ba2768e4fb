/** JOB-1/2 for fal.ai through the shared kill-and-resume harness: the built CLI, the real SDK, the fake behind its proxy option. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFal, type FakeFal } from '../../fakes/fal.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeFal;
beforeAll(async () => {
  fake = await startFakeFal({ runMs: 500 });
});
afterAll(() => fake.close());

describe('fal.ai: kill -9 after a create, then resume', () => {
  it('kill once the request id is stored: one take per shot, no create sent twice', async () => {
    // fal's queue cannot be listed, so only a stored request id can be resumed: kill 200 ms
    // after the fake answered the submit (the CLI has written it to the job row by then).
    const r = await killAndResume({
      provider: 'fal',
      env: { STORYBOARD_FAL_BASE_URL: fake.url, STORYBOARD_FAL_API_KEY: 'test-key' },
      creates: () => fake.answeredCreates(200),
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
    const submits = fake.seen().filter((q) => q.method === 'POST' && q.target?.host === 'queue.fal.run');
    expect(submits).toHaveLength(2);
    expect(submits.every((q) => q.headers.authorization === 'Key test-key')).toBe(true);
  }, 60_000);
});
