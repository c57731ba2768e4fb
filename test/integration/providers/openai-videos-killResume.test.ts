/**
 * JOB-1/2 for the /v1/videos gateway adapter through the shared kill-and-resume harness (built
 * CLI, fake gateway in this process). Killed once it retrieves a video (the id is then stored);
 * the lost-answer case (reconcile by listing) is covered in openai-videos.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIVideos, type FakeOpenAIVideos } from '../../fakes/openai-videos.js';
import { killAndResume } from '../../helpers/killResume.js';
import { tempDir } from '../../helpers/tmp.js';

let fake: FakeOpenAIVideos;
beforeAll(async () => {
  fake = await startFakeOpenAIVideos({ runMs: 8000 });
});
afterAll(() => fake.close());

describe('openai-videos: kill -9 while videos render, then resume', () => {
  it('finishes every shot with one take and never sends a create twice', async () => {
    const before = fake.creates;
    const r = await killAndResume({
      provider: 'openai-videos',
      env: { STORYBOARD_OPENAI_VIDEOS_BASE_URL: fake.url, STORYBOARD_OPENAI_VIDEOS_API_KEY: 'test-key' },
      creates: () => fake.polled,
      root: tempDir(),
    });
    expect(r.killedAfterCreate).toBe(true);
    expect(r.takesPerShot).toEqual([1, 1]);
    expect(fake.creates - before).toBe(2);
    expect(r.creates).toBe(2);
    const creates = fake.requests.filter((q) => q.method === 'POST' && q.path === '/v1/videos');
    expect(creates.map((q) => (q.body as { seconds?: string }).seconds)).toEqual(['8', '8']);
  }, 60_000);
});
