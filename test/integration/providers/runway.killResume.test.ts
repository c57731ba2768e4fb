/**
 * JOB-1/2 for Runway through the shared harness: the CLI is SIGKILLed once the fake answered the
 * first create (countDelayMs: the answer has reached the CLI and its task id is stored), then
 * run again; every shot ends with one take and no task is created twice (Runway has no task
 * list to reconcile with, so the resume must rely on the stored task ids alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRunway, type FakeRunway } from '../../fakes/runway.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeRunway;
beforeAll(async () => {
  fake = await startFakeRunway({ runMs: 100, countDelayMs: 300 });
});
afterAll(() => fake.close());

describe('Runway: kill -9 right after the create, then resume', () => {
  it('finishes every shot with one take and never sends a create twice', async () => {
    const r = await killAndResume({
      provider: 'runway',
      env: { STORYBOARD_RUNWAY_BASE_URL: fake.url, STORYBOARD_RUNWAY_API_KEY: 'test-key' },
      creates: () => fake.creates,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
    expect(fake.requests.filter((q) => q.method === 'POST').length).toBe(2);
    expect(fake.requests.every((q) => q.path.startsWith('/__output/') || q.headers.authorization === 'Bearer test-key')).toBe(true);
  }, 60_000);
});
