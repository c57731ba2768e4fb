/** JOB-1/2 for Wan through the shared kill-and-resume harness (test/helpers/killResume.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudFake } from '../../fakes/cloudTaskFake.js';
import { startFakeWan } from '../../fakes/wan.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: CloudFake;
beforeAll(async () => {
  fake = await startFakeWan({ runMs: 500 });
});
afterAll(() => fake.close());

describe('Wan: kill -9 right after the create, then resume', () => {
  it('never sends a create twice and never makes two takes of a shot', async () => {
    const r = await killAndResume({
      provider: 'wan',
      // One task at a time: the second shot is still queued when the first create is killed.
      env: { STORYBOARD_WAN_BASE_URL: fake.url, STORYBOARD_WAN_API_KEY: 'test-key', STORYBOARD_WAN_CONCURRENCY: '1' },
      creates: () => fake.creates,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    // One create per shot: a job whose answer was lost stays `unknown` (its task id is not ours to choose).
    expect(r.creates).toBe(2);
    // Shot 1: one take if its answer was saved before the kill, else `unknown` (not re-sent).
    expect(r.takesPerShot[0]).toBeLessThanOrEqual(1);
    expect(r.takesPerShot[1]).toBe(1);
    expect(fake.requests.filter((q) => q.method === 'POST').every((q) => q.headers.authorization === 'Bearer test-key')).toBe(true);
  }, 60_000);
});
