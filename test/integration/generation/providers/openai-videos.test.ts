/**
 * The OpenAI-compatible /v1/videos adapter against the fake gateway (test/fakes/openai-videos.ts):
 * the exact multipart create (providers.md §1), poll statuses, the content download, failures
 * with the gateway's reason, throttling, expiry, a lost create found again by listing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIVideosProvider } from '../../../../electron/services/generation/providers/openai-videos.js';
import type { GenerationRequest } from '../../../../electron/services/generation/types.js';
import type { Job } from '../../../../shared/model/entities.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { lavfiPicture } from '../../../helpers/lavfiClip.js';
import { tempDir } from '../../../helpers/tmp.js';
import { OPENAI_VIDEOS_CLIP, startFakeOpenAIVideos, type FakeOpenAIVideos } from '../../../fakes/openai-videos.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { fakeContext, settle, settleSucceeded } from './harness.js';

const root = tempDir();
let fake: FakeOpenAIVideos;
let FRAME: string;
const ov = createOpenAIVideosProvider();
const ctx = fakeContext(root, () => fake);
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

const req = (over: Partial<GenerationRequest> = {}): GenerationRequest =>
  genRequest({ shotId: 's1', shotNumber: 2, title: 'Kitten', prompt: 'a kitten plays', seed: 1, ...over });

beforeAll(async () => {
  fake = await startFakeOpenAIVideos();
  FRAME = join(root, 'first 镜头 "1".png');
  lavfiPicture(FRAME, 'testsrc2=s=720x1280');
});
afterAll(() => fake.close());
afterEach(() => fake.reset());

const createReq = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos');

async function finish(taskId: string): Promise<string> {
  await settleSucceeded(ov, taskId, ctx());
  const dest = join(root, `${taskId}.mp4`);
  await ov.fetchResult(taskId, dest, ctx());
  return dest;
}

describe('openai-videos: the wire request', () => {
  it('text-to-video: multipart POST {base}/videos with Bearer auth; retrieve; content?variant=video', async () => {
    const { taskId } = await ov.submit(req({ stylePrompt: 'film grain', negativePrompt: 'text' }), ctx());
    expect(taskId).toMatch(/^video_/);
    const [c] = createReq();
    expect(c?.headers.authorization).toBe('Bearer test-key');
    expect(String(c?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    // 5 s → "8" (the shortest allowed that covers the shot); strings, as the shape's enums are.
    expect(c?.body).toEqual({
      prompt: 'a kitten plays. film grain. Avoid: text',
      model: 'sora-2',
      seconds: '8',
      size: '1280x720',
    });
    const out = await finish(taskId);
    expect(sha(out)).toBe(sha(OPENAI_VIDEOS_CLIP));
    expect(countVideoFrames(out)).toBeGreaterThan(0);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET /v1/videos/${taskId}`);
    const dl = fake.requests.find((r) => r.path.endsWith('/content?variant=video'));
    expect(dl?.path).toBe(`/v1/videos/${taskId}/content?variant=video`);
    expect(dl?.headers.authorization).toBe('Bearer test-key');
  });

  it('image-to-video: input_reference is a multipart file of the exact size', async () => {
    const r = req({
      model: 'sora-2-pro',
      width: 720,
      height: 1280,
      durationSec: 12,
      firstFrame: { assetId: 'a1', path: FRAME },
    });
    const { taskId } = await ov.submit(r, ctx());
    expect(createReq()[0]?.body).toEqual({
      prompt: 'a kitten plays',
      model: 'sora-2-pro',
      seconds: '12',
      size: '720x1280',
      input_reference: {
        name: 'first 镜头 "1".png',
        type: 'image/png',
        size: readFileSync(FRAME).length,
        sha256: sha(FRAME),
        decoded: '720x1280',
      },
    });
    expect(existsSync(await finish(taskId))).toBe(true);
  });

  it('refuses what the shape cannot do, before sending', async () => {
    expect(
      (
        await rejectionOf(
          ov.submit(
            req({ firstFrame: { assetId: 'a', path: FRAME }, lastFrame: { assetId: 'b', path: FRAME } }),
            ctx(),
          ),
        )
      ).message,
    ).toMatch(/cannot end on a given frame/);
    expect((await rejectionOf(ov.submit(req(), ctx({ baseUrl: '' })))).message).toMatch(
      /needs the gateway's base URL.*shut down on 2026-09-24/,
    );
    expect(fake.creates).toBe(0);
    expect(ov.label).toMatch(/for gateways that still serve it/);
  });
});

describe('openai-videos: failures', () => {
  it("a failed video and a moderation block carry the gateway's reason", async () => {
    fake.set({ failWith: { code: 'internal_error', message: 'Video generation failed.' } });
    const { taskId } = await ov.submit(req(), ctx());
    await new Promise((r) => setTimeout(r, 150));
    expect(await ov.poll(taskId, ctx())).toEqual({
      state: 'failed',
      error: 'The video failed: Video generation failed. (internal_error)',
    });
    // A video the gateway's moderation stopped after the create: failure kind moderation.
    fake.set({ failWith: { code: 'moderation_blocked', message: 'The output was flagged.' } });
    const flagged = await ov.submit(req(), ctx());
    expect(await settle(ov, flagged.taskId, ctx())).toEqual({
      state: 'failed',
      error: "The gateway's moderation blocked the video: The output was flagged.",
      failureKind: 'moderation',
    });
    fake.set({ failWith: null, moderation: true });
    const err = await rejectionOf(ov.submit(req(), ctx()));
    expect(err.message).toBe(
      "The gateway's moderation blocked the request: Your request was blocked by our moderation system.",
    );
    expect(err.details).toMatchObject({ status: 400, moderation: true, failureKind: 'moderation' });
  });

  it('bad key → auth; 429 → throttled with retryAfterMs from Retry-After; one attempt only', async () => {
    expect((await rejectionOf(ov.submit(req(), ctx({ apiKey: 'nope' })))).details).toMatchObject({
      status: 401,
      auth: true,
    });
    fake.set({ throttle: 1, retryAfterSec: 4 });
    const t = await rejectionOf(ov.submit(req(), ctx()));
    expect(t.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 4000 });
    expect(createReq()).toHaveLength(2);
    expect(fake.creates).toBe(0);
  });

  it('an expired video is PROVIDER_FAILED expired and leaves no file', async () => {
    const { taskId } = await ov.submit(req(), ctx());
    await new Promise((r) => setTimeout(r, 150));
    fake.set({ expired: true });
    const dest = join(root, 'gone.mp4');
    expect((await rejectionOf(ov.fetchResult(taskId, dest, ctx()))).details).toMatchObject({
      expired: true,
      failureKind: 'expired',
    });
    expect(existsSync(dest)).toBe(false);
  });

  it('a create whose answer was lost is unknown (plain Error), then found by listing', async () => {
    fake.set({ dropCreate: 1 });
    const r = req({ prompt: 'a lost kitten' });
    const err = await ov.submit(r, ctx()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBeUndefined();
    expect(fake.creates).toBe(1);
    const job = { id: 'j1', createdAt: new Date(Date.now() - 1000).toISOString(), request: r } as unknown as Job;
    const found = await ov.reconcile(job, ctx());
    expect(found).toEqual({ taskId: expect.stringMatching(/^video_/) });
    expect(await ov.reconcile({ ...job, request: { ...r, prompt: 'never sent' } } as unknown as Job, ctx())).toBeNull();
    await ov.ping(ctx());
    expect(fake.requests.at(-1)?.path).toBe('/v1/videos?limit=1');
  });
});
