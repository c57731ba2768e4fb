/**
 * JOB-1/2 for Veo through the shared kill-and-resume harness: the built CLI, the real SDK, the
 * fake Gemini API. The CLI is killed once it polls a Veo operation (the operation name is then
 * stored). A kill while a create is in flight is a different case: Gemini has no client-chosen
 * id and no list to find the operation, so that job is left `unknown` and never re-sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeVeo, type FakeVeo } from '../../fakes/veo.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeVeo;
beforeAll(async () => {
  fake = await startFakeVeo({ runMs: 8000 });
});
afterAll(() => fake.close());

describe('Veo: kill -9 while operations run, then resume', () => {
  it('finishes every shot with one take and never sends a create twice', async () => {
    const before = fake.creates;
    const r = await killAndResume({
      provider: 'veo',
      env: { STORYBOARD_VEO_BASE_URL: fake.url, STORYBOARD_VEO_API_KEY: 'test-key' },
      creates: () => fake.polled,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    // Creates the fake received (not only the polled ones): one per shot, none after the resume.
    expect(fake.creates - before).toBe(2);
    expect(r.creates).toBe(2);
    const creates = fake.requests.filter((q) => q.path.endsWith(':predictLongRunning'));
    expect(creates.every((q) => q.headers['x-goog-api-key'] === 'test-key')).toBe(true);
  }, 60_000);
});
