/**
 * Wan (DashScope) adapter against the fake (test/fakes/wan.ts): the exact wire request per kind
 * of shot (providers.md §8: Bearer key + X-DashScope-Async: enable, {model, input, parameters},
 * t2v size "W*H", i2v img_url data URI, kf2v on the image2video path, 2.7 media), polling and
 * download, a FAILED task with its code, moderation, a 429 with Retry-After, an expired link,
 * a bad key, and the connection test.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWanProvider } from '../../../../electron/services/generation/providers/wan.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import type { GenerationRequest } from '../../../../shared/generation/request.js';
import type { CloudFake } from '../../../fakes/cloudTaskFake.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { startFakeWan, WAN_KF2V, WAN_VIDEO } from '../../../fakes/wan.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle as settleTask } from './harness.js';

const root = tempDir();
const png = `data:image/png;base64,${readFileSync(FIRST_FRAME).toString('base64')}`;
const first = { assetId: 'a1', path: FIRST_FRAME };
let fake: CloudFake;
const wan = createWanProvider({ env: {} });
const ctx = (over: Partial<ProviderContext['settings']> = {}): ProviderContext => ({
  tmpDir: root,
  settings: { baseUrl: fake.url, apiKey: 'test-key', ...over },
});
const PROMPT = '镜头: a "quoted" campfire at 100% dusk';

beforeAll(async () => {
  fake = await startFakeWan({ runMs: 300 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function finish(taskId: string): Promise<void> {
  expect(await settleTask(wan, taskId, ctx())).toEqual({ state: 'succeeded', progress: 1 });
}

async function createOf(
  req: GenerationRequest,
): Promise<{ taskId: string; path: string; headers: Record<string, unknown>; body: unknown }> {
  const { taskId } = await wan.submit(req, ctx());
  const creates = fake.requests.filter((r) => r.method === 'POST');
  expect(creates).toHaveLength(1);
  return { taskId, path: creates[0]!.path, headers: creates[0]!.headers, body: creates[0]!.body };
}

describe('Wan wire requests', () => {
  it('text-to-video: Bearer key + X-DashScope-Async, size "W*H"; polls /api/v1/tasks/{id} and downloads output.video_url', async () => {
    const c = await createOf(genRequest({ negativePrompt: ' blurry ', durationSec: 7.4 }));
    expect(c.path).toBe(WAN_VIDEO);
    expect(c.headers.authorization).toBe('Bearer test-key');
    expect(c.headers['x-dashscope-async']).toBe('enable');
    expect(c.headers['content-type']).toBe('application/json');
    expect(c.body).toEqual({
      model: 'wan2.6-t2v',
      input: { prompt: PROMPT, negative_prompt: 'blurry' },
      parameters: { prompt_extend: false, watermark: false, size: '1280*720', duration: 7, seed: 42 },
    });
    await finish(c.taskId);
    expect(
      fake.requests.some(
        (r) =>
          r.method === 'GET' && r.path === `/api/v1/tasks/${c.taskId}` && r.headers.authorization === 'Bearer test-key',
      ),
    ).toBe(true);
    const dest = join(root, `wan ${c.taskId}.mp4`);
    await wan.fetchResult(c.taskId, dest, ctx());
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
  });

  it('image-to-video: input.img_url as a data URI, parameters.resolution', async () => {
    const c = await createOf(
      genRequest({ model: 'wan2.2-i2v-flash', firstFrame: first, width: 854, height: 480, seed: null }),
    );
    expect(c.path).toBe(WAN_VIDEO);
    expect(c.body).toEqual({
      model: 'wan2.2-i2v-flash',
      input: { prompt: PROMPT, img_url: png },
      parameters: { prompt_extend: false, watermark: false, resolution: '480P', duration: 5 },
    });
  });

  it('first + last frame on kf2v: the image2video path, first_frame_url + last_frame_url, no duration', async () => {
    const c = await createOf(
      genRequest({ model: 'wan2.2-kf2v-flash', firstFrame: first, lastFrame: { assetId: 'a2', path: FIRST_FRAME } }),
    );
    expect(c.path).toBe(WAN_KF2V);
    expect(c.body).toEqual({
      model: 'wan2.2-kf2v-flash',
      input: { prompt: PROMPT, first_frame_url: png, last_frame_url: png },
      parameters: { prompt_extend: false, watermark: false, resolution: '720P', seed: 42 },
    });
  });

  it('auto with first + last frame picks wan2.7-i2v: input.media first_frame then last_frame', async () => {
    const c = await createOf(
      genRequest({ firstFrame: first, lastFrame: { assetId: 'a2', path: FIRST_FRAME }, width: 1920, height: 1080 }),
    );
    expect(c.path).toBe(WAN_VIDEO);
    expect(c.body).toEqual({
      model: 'wan2.7-i2v',
      input: {
        prompt: PROMPT,
        media: [
          { type: 'first_frame', url: png },
          { type: 'last_frame', url: png },
        ],
      },
      parameters: { prompt_extend: false, watermark: false, resolution: '1080P', duration: 5, seed: 42 },
    });
  });

  it('region names resolve to DashScope hosts; a URL setting is used as is', async () => {
    // The fake is at a URL: requests went there (above). A region name is not sent to the fake.
    const err = await rejectionOf(wan.submit(genRequest(), ctx({ baseUrl: 'mars' })));
    expect(err.code).toBe('INVALID_INPUT');
    expect(fake.creates).toBe(0);
  });
});

describe('Wan failures', () => {
  it('a FAILED task reports output.code and output.message', async () => {
    fake.set({ failWith: 'InternalError.Algo' });
    const { taskId } = await wan.submit(genRequest(), ctx());
    const r = await settleTask(wan, taskId, ctx(), 50);
    expect(r.state).toBe('failed');
    expect(r.error).toContain('InternalError.Algo');
  });

  it('moderation: DataInspectionFailed is PROVIDER_FAILED, failureKind moderation, with the reason', async () => {
    fake.set({ moderation: true });
    const err = await rejectionOf(wan.submit(genRequest(), ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain('DataInspectionFailed');
    expect(err.details).toMatchObject({ status: 400, failureKind: 'moderation' });
  });

  it('429 Throttling.RateQuota: throttled with retryAfterMs; nothing created', async () => {
    fake.set({ throttle: 1, retryAfterSec: 2 });
    const err = await rejectionOf(wan.submit(genRequest(), ctx()));
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 2000 });
    expect(fake.creates).toBe(0);
  });

  it('a bad key is an auth error; ping passes with a good key (UNKNOWN task) and fails with a bad one', async () => {
    const bad = await rejectionOf(wan.submit(genRequest(), ctx({ apiKey: 'bad-key' })));
    expect(bad.details).toMatchObject({ status: 401, failureKind: 'auth' });
    expect(bad.message).toContain('InvalidApiKey');
    await expect(wan.ping!(ctx())).resolves.toBeUndefined();
    expect((await rejectionOf(wan.ping!(ctx({ apiKey: 'bad-key' })))).details).toMatchObject({ failureKind: 'auth' });
  });

  it('an unknown task is lost; an expired output link is PROVIDER_FAILED { expired }', async () => {
    expect(await wan.poll('no-such-task', ctx())).toMatchObject({ state: 'failed', taskLost: true });
    const { taskId } = await wan.submit(genRequest(), ctx());
    await finish(taskId);
    fake.set({ expired: true });
    const dest = join(root, 'expired.mp4');
    const err = await rejectionOf(wan.fetchResult(taskId, dest, ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    expect(() => statSync(dest)).toThrow();
  });
});
