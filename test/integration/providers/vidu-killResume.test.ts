/** JOB-1/2 for Vidu through the shared kill-and-resume harness (test/helpers/killResume.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeVidu, type FakeVidu } from '../../fakes/vidu.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeVidu;
beforeAll(async () => {
  fake = await startFakeVidu({ runMs: 500 });
});
afterAll(() => fake.close());

describe('Vidu: kill -9 right after the create, then resume', () => {
  it('never sends a create twice and never makes two takes of a shot', async () => {
    const r = await killAndResume({
      provider: 'vidu',
      // One task at a time: the second shot is still queued when the first create is killed.
      env: { STORYBOARD_VIDU_BASE_URL: fake.baseUrl, STORYBOARD_VIDU_API_KEY: 'test-key', STORYBOARD_VIDU_CONCURRENCY: '1' },
      creates: () => fake.creates,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    // One create per shot: a job whose answer was lost stays `unknown` (Vidu lists no tasks).
    expect(r.creates).toBe(2);
    // Shot 1: one take if its answer was saved before the kill, else `unknown` (not re-sent).
    expect(r.takesPerShot[0]).toBeLessThanOrEqual(1);
    expect(r.takesPerShot[1]).toBe(1);
    expect(fake.requests.filter((q) => q.method === 'POST').every((q) => q.headers.authorization === 'Token test-key')).toBe(true);
  }, 60_000);
});
