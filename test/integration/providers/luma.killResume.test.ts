/** JOB-1/2 for Luma through the shared harness (see runway.killResume.test.ts for the timing). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLuma, type FakeLuma } from '../../fakes/luma.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeLuma;
beforeAll(async () => {
  fake = await startFakeLuma({ runMs: 100, countDelayMs: 300 });
});
afterAll(() => fake.close());

describe('Luma: kill -9 right after the create, then resume', () => {
  it('finishes every shot with one take and never sends a create twice', async () => {
    const r = await killAndResume({
      provider: 'luma',
      env: { STORYBOARD_LUMA_BASE_URL: fake.url, STORYBOARD_LUMA_API_KEY: 'test-key' },
      creates: () => fake.creates,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
    expect(fake.requests.filter((q) => q.method === 'POST').length).toBe(2);
  }, 60_000);
});
