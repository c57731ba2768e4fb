/** JOB-1/2 for Luma Agents through the shared harness (see runway.killResume.test.ts for the timing). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLumaAgents, type FakeLumaAgents } from '../../fakes/luma-agents.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeLumaAgents;
beforeAll(async () => {
  fake = await startFakeLumaAgents({ runMs: 100, countDelayMs: 300 });
});
afterAll(() => fake.close());

describe('Luma Agents: kill -9 right after the create, then resume', () => {
  it('finishes every shot with one take and never sends a create twice', async () => {
    const r = await killAndResume({
      provider: 'luma-agents',
      env: { STORYBOARD_LUMA_AGENTS_BASE_URL: fake.url, STORYBOARD_LUMA_AGENTS_API_KEY: 'test-key' },
      creates: () => fake.creates,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
  }, 60_000);
});
