/**
 * fal.ai through the real `@fal-ai/client` pointed at the fake (test/fakes/fal.ts) with its
 * proxy option: the exact wire request per kind of shot (providers.md §10a; fields from fal's
 * model pages), upload-first images, a failure with fal's reason, moderation, a 429 that the SDK
 * does not retry, an expired video, cancel and the connection test.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFalProvider } from '../../../../electron/services/generation/providers/fal.js';
import { startFakeFal, type FakeFal } from '../../../fakes/fal.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { fakeContext, settleSucceeded, settle } from './harness.js';

const root = tempDir();
let fake: FakeFal;
const fal = createFalProvider();
const ctx = fakeContext(root, () => fake);
const frame = { assetId: 'a1', path: FIRST_FRAME };
const last = { assetId: 'b2', path: FIRST_FRAME };

beforeAll(async () => {
  fake = await startFakeFal({ runMs: 300 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.mode = 'normal';
  fake.requests.length = 0;
});

const submits = () => fake.seen().filter((r) => r.method === 'POST' && r.target?.host === 'queue.fal.run');

const settleTask = (taskId: string) => settle(fal, taskId, ctx());

describe('fal.ai wire requests (real SDK through its proxy option)', () => {
  it('text-to-video: POST https://queue.fal.run/fal-ai/veo3.1/fast with `Key` auth and Veo field names; polls, downloads', async () => {
    const { taskId } = await fal.submit(genRequest({ durationSec: 5, negativePrompt: 'blur' }), ctx());
    const [s] = submits();
    expect(s?.target?.href).toBe('https://queue.fal.run/fal-ai/veo3.1/fast');
    expect(s?.headers.authorization).toBe('Key test-key');
    expect(s?.headers['x-fal-queue-priority']).toBe('normal');
    expect(s?.body).toEqual({
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: '6s',
      aspect_ratio: '16:9',
      resolution: '720p',
      generate_audio: true,
      seed: 42,
      negative_prompt: 'blur',
    });
    expect(taskId).toMatch(/^fal-ai\/veo3\.1\/fast\|[0-9a-f-]+$/);
    await settleSucceeded(fal, taskId, ctx());
    const requestId = taskId.split('|')[1];
    const statusCall = fake.seen().find((r) => r.target?.pathname.endsWith('/status'));
    // Status and result URLs use only owner/alias (providers.md §10a).
    expect(statusCall?.target?.href).toBe(`https://queue.fal.run/fal-ai/veo3.1/requests/${requestId}/status?logs=0`);
    const dest = join(root, 'fal t2v.mp4');
    await fal.fetchResult(taskId, dest, ctx());
    expect(statSync(dest).size).toBeGreaterThan(1000);
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
  });

  it('image-to-video: the first frame is uploaded to fal storage first, then sent as image_url', async () => {
    await fal.submit(
      genRequest({ firstFrame: frame, model: 'fal-ai/kling-video/v2.5-turbo/pro', durationSec: 8 }),
      ctx(),
    );
    const init = fake.seen().find((r) => r.target?.host === 'rest.fal.ai');
    expect(init?.target?.href).toBe('https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3');
    expect(init?.body).toEqual({ content_type: 'image/png', file_name: 'storyboard-a1.png' });
    const put = fake.requests.find((r) => r.method === 'PUT' && r.path.startsWith('/upload/'));
    expect(put?.size).toBe(readFileSync(FIRST_FRAME).length);
    expect(put?.headers['content-type']).toBe('image/png');
    const [s] = submits();
    expect(s?.target?.href).toBe('https://queue.fal.run/fal-ai/kling-video/v2.5-turbo/pro/image-to-video');
    expect(s?.body).toEqual({
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      image_url: expect.stringMatching(/^https:\/\/v3\.fal\.media\/files\/fake\/\d+-storyboard-a1\.png$/),
      duration: '10',
    });
  });

  it('first + last frame: Veo uses its first-last-frame endpoint, Kling its tail_image_url', async () => {
    await fal.submit(genRequest({ firstFrame: frame, lastFrame: last, model: 'fal-ai/veo3.1' }), ctx());
    const veo = submits()[0];
    expect(veo?.target?.pathname).toBe('/fal-ai/veo3.1/first-last-frame-to-video');
    expect(Object.keys(veo?.body as object).sort()).toEqual([
      'aspect_ratio',
      'duration',
      'first_frame_url',
      'generate_audio',
      'last_frame_url',
      'prompt',
      'resolution',
      'seed',
    ]);
    expect((veo?.body as { aspect_ratio: string }).aspect_ratio).toBe('auto');
    await fal.submit(genRequest({ firstFrame: frame, lastFrame: last, model: 'fal-ai/kling-video/v2.1/pro' }), ctx());
    const kling = submits()[1];
    expect(kling?.target?.pathname).toBe('/fal-ai/kling-video/v2.1/pro/image-to-video');
    expect((kling?.body as { tail_image_url: string }).tail_image_url).toMatch(/storyboard-b2\.png$/);
  });

  it('references: uploaded, then Veo reference-to-video with image_urls[] (8 s), at most 3', async () => {
    const refs = [1, 2, 3, 4].map((i) => ({ assetId: `r${i}`, path: FIRST_FRAME }));
    await fal.submit(genRequest({ model: 'fal-ai/veo3.1', references: refs }), ctx());
    const [s] = submits();
    expect(s?.target?.href).toBe('https://queue.fal.run/fal-ai/veo3.1/reference-to-video');
    const body = s?.body as { image_urls: string[]; duration: string };
    expect(body.image_urls).toHaveLength(3);
    expect(body.image_urls.map((u) => u.replace(/.*\/\d+-/, ''))).toEqual([
      'storyboard-r1.png',
      'storyboard-r2.png',
      'storyboard-r3.png',
    ]);
    expect(body.duration).toBe('8s');
    expect(fake.seen().filter((r) => r.target?.host === 'rest.fal.ai')).toHaveLength(3);
  });

  it('a text shot on an image-only model is refused before anything is sent', async () => {
    const err = await rejectionOf(fal.submit(genRequest({ model: 'fal-ai/kling-video/v2.1/pro' }), ctx()));
    expect(err.code).toBe('INVALID_INPUT');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('fal.ai failures', () => {
  it("a failed request (COMPLETED, then 422 on the result) carries fal's reason", async () => {
    fake.mode = 'fail';
    const { taskId } = await fal.submit(genRequest(), ctx());
    const r = await settleTask(taskId);
    expect(r.state).toBe('failed');
    expect(r.error).toContain('image_url: Image too small');
  });

  it('moderation: content_policy_violation is reported as a safety block', async () => {
    fake.mode = 'moderation';
    const { taskId } = await fal.submit(genRequest(), ctx());
    const r = await settleTask(taskId);
    expect(r.error).toMatch(/safety filter.*flagged by a content checker/);
  });

  it('429 on submit: throttled with Retry-After, and the SDK did not retry the create', async () => {
    fake.mode = 'throttle';
    fake.retryAfterSec = 4;
    const err = await rejectionOf(fal.submit(genRequest(), ctx()));
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 4000 });
    expect(submits()).toHaveLength(1);
  });

  it('a bad key is an auth failure; ping tells a good key from a bad one', async () => {
    const err = await rejectionOf(fal.submit(genRequest(), ctx({ apiKey: 'nope' })));
    expect(err.details).toMatchObject({ status: 401, failureKind: 'auth' });
    await fal.ping(ctx());
    expect((await rejectionOf(fal.ping(ctx({ apiKey: 'nope' })))).details).toMatchObject({ failureKind: 'auth' });
  });

  it('an expired video URL is PROVIDER_FAILED expired; cancel is PUT …/cancel', async () => {
    fake.mode = 'expired';
    const { taskId } = await fal.submit(genRequest(), ctx());
    await settleTask(taskId);
    const err = await rejectionOf(fal.fetchResult(taskId, join(root, 'gone.mp4'), ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    fake.mode = 'slow';
    const slow = await fal.submit(genRequest(), ctx());
    await fal.cancel?.(slow.taskId, ctx());
    const id = slow.taskId.split('|')[1];
    expect(
      fake
        .seen()
        .some(
          (r) => r.method === 'PUT' && r.target?.href === `https://queue.fal.run/fal-ai/veo3.1/requests/${id}/cancel`,
        ),
    ).toBe(true);
    expect((await fal.poll(slow.taskId, ctx())).state).toBe('failed');
  });
});
