/** JOB-1/2 for ComfyUI through the shared kill-and-resume harness (test/helpers/killResume.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeComfy, type FakeComfy } from '../../fakes/comfyui.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeComfy;
beforeAll(async () => {
  fake = await startFakeComfy({ runMs: 800, steps: 4 });
});
afterAll(() => fake.close());

describe('ComfyUI: kill -9 right after the create, then resume', () => {
  it('finishes every shot with one take and never sends a create twice', async () => {
    const r = await killAndResume({
      provider: 'comfyui',
      env: { STORYBOARD_COMFYUI_BASE_URL: fake.url },
      creates: () => fake.creates,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(r.creates).toBe(2);
  });
});
