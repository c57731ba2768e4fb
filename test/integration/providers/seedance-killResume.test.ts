/** JOB-1/2 for Seedance through the shared kill-and-resume harness: the built CLI against the fake Ark API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSeedance, type FakeSeedance } from '../../fakes/seedance.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeSeedance;
beforeAll(async () => {
  fake = await startFakeSeedance({ runMs: 500 });
});
afterAll(() => fake.close());

const env = () => ({ STORYBOARD_SEEDANCE_BASE_URL: fake.url, STORYBOARD_SEEDANCE_API_KEY: 'test-key' });

describe('Seedance: kill -9 after a create, then resume', () => {
  it('kill once the task id is stored: finishes every shot with one take, no create sent twice', async () => {
    // Ark keeps no client-chosen id or metadata on a task, so a task can only be resumed once
    // its id is in the job row: kill 200 ms after the fake answered (the CLI has stored it).
    const r = await killAndResume({ provider: 'seedance', env: env(), creates: () => fake.answeredCreates(200), root: tempDir() });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
    expect(fake.createRequests().every((q) => q.headers.authorization === 'Bearer test-key')).toBe(true);
  }, 60_000);

  it('kill the moment Ark accepted it: the job is left unknown, never re-sent', async () => {
    const r = await killAndResume({ provider: 'seedance', env: env(), creates: () => fake.creates, root: tempDir() });
    expect(r.killedAfterCreate).toBe(true);
    // Both shots may have been sent before the kill; the resumed run sends none of them again.
    expect(r.creates).toBeLessThanOrEqual(2);
    for (const n of r.takesPerShot) expect(n).toBeLessThanOrEqual(1);
  }, 60_000);
});
