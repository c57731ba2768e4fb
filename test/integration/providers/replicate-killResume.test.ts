/** JOB-1/2 for Replicate through the shared kill-and-resume harness: the built CLI, the real SDK, the fake at its baseUrl. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeReplicate, type FakeReplicate } from '../../fakes/replicate.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeReplicate;
beforeAll(async () => {
  fake = await startFakeReplicate({ runMs: 500 });
});
afterAll(() => fake.close());

describe('Replicate: kill -9 after a create, then resume', () => {
  it('kill once the prediction id is stored: one take per shot, no create sent twice', async () => {
    // Resuming needs the stored prediction id; kill 200 ms after the fake answered the create.
    const r = await killAndResume({
      provider: 'replicate',
      env: { STORYBOARD_REPLICATE_BASE_URL: fake.url, STORYBOARD_REPLICATE_API_KEY: 'test-key' },
      creates: () => fake.answeredCreates(200),
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
    expect(fake.createRequests()).toHaveLength(2);
    expect(fake.createRequests().every((q) => q.headers.authorization === 'Bearer test-key')).toBe(true);
  }, 60_000);
});
