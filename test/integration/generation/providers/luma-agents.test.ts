/**
 * The Luma Agents adapter (plain fetch) against the fake: exact wire requests (providers.md §4b:
 * POST /v1/generations, type 'video', video.start_frame/end_frame as inline {data, media_type}),
 * failure codes, 429, expired outputs and the connection test.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GenerationRequest } from '../../../../shared/generation/request.js';
import { createLumaAgentsProvider } from '../../../../electron/services/generation/providers/luma-agents.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { startFakeLumaAgents, type FakeLumaAgents } from '../../../fakes/luma-agents.js';
import {} from '../../../helpers/cli.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { tempDir } from '../../../helpers/tmp.js';
import { realMedia } from '../../../helpers/realMedia.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { settle } from './harness.js';

const PNG = realMedia('first-frame-camping.png');
const PNG_B64 = readFileSync(PNG).toString('base64');
const dir = tempDir();
let fake: FakeLumaAgents;
let ctx: ProviderContext;
const provider = createLumaAgentsProvider();

beforeAll(async () => {
  fake = await startFakeLumaAgents({ runMs: 200 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.set({ failCode: null, throttle: 0, expireOutputs: false, runMs: 200 });
  ctx = { tmpDir: dir, settings: { baseUrl: fake.url, apiKey: 'test-key' } };
});

const req = (over: Partial<GenerationRequest> = {}): GenerationRequest =>
  genRequest({
    shotId: 'shot1',
    shotNumber: 5,
    prompt: '营地 "quoted" 100%',
    stylePrompt: 'warm',
    negativePrompt: 'blur',
    durationSec: 7,
    seed: 3,
    ...over,
  });

// Up to 1,000 polls: a throttled poll may keep the task running for its Retry-After.
const runToEnd = (taskId: string) => settle(provider, taskId, ctx, 1000);

describe('Luma Agents adapter against the fake', () => {
  it('text-to-video: POST /v1/generations with Bearer key and the exact body; poll; download output[type=video]', async () => {
    const { taskId } = await provider.submit(req(), ctx);
    const create = fake.requests[0]!;
    expect(create).toMatchObject({ method: 'POST', path: '/v1/generations', status: 201 });
    expect(create.headers.authorization).toBe('Bearer test-key');
    expect(create.headers['content-type']).toBe('application/json');
    expect(create.body).toEqual({
      prompt: '营地 "quoted" 100%. warm',
      model: 'ray-3.2',
      type: 'video',
      aspect_ratio: '16:9',
      video: { duration: '10s', resolution: '720p' },
    });
    expect(await runToEnd(taskId)).toEqual({ state: 'succeeded', progress: 1 });
    const dest = join(dir, `agents ${taskId}.mp4`);
    await provider.fetchResult(taskId, dest, ctx);
    expect(statSync(dest).size).toBe(statSync(realMedia('ai-clip-kitten-720x480-8fps.mp4')).size);
  });

  it('first and last frame: video.start_frame / end_frame as {data: raw base64, media_type}', async () => {
    await provider.submit(
      req({
        firstFrame: { assetId: 'a', path: PNG },
        lastFrame: { assetId: 'b', path: PNG },
        width: 720,
        height: 480,
        durationSec: 5,
      }),
      ctx,
    );
    expect(fake.requests[0]!.body).toEqual({
      prompt: '营地 "quoted" 100%. warm',
      model: 'ray-3.2',
      type: 'video',
      aspect_ratio: '3:2',
      video: {
        duration: '5s',
        resolution: '540p',
        start_frame: { data: PNG_B64, media_type: 'image/png' },
        end_frame: { data: PNG_B64, media_type: 'image/png' },
      },
    });
  });

  it('failure codes become sentences; moderation is named', async () => {
    fake.set({ failCode: 'content_moderated' });
    const { taskId } = await provider.submit(req(), ctx);
    expect(await runToEnd(taskId)).toEqual({
      state: 'failed',
      error: "Luma's content moderation stopped this generation: Prompt flagged by moderation",
      failureKind: 'moderation',
    });
  });

  it('a bad key is named; 429 is throttled with retryAfterMs; the create is sent once', async () => {
    const auth = await rejectionOf(provider.submit(req(), { ...ctx, settings: { ...ctx.settings, apiKey: 'nope' } }));
    expect(auth.details).toMatchObject({ status: 401, failureKind: 'auth' });
    fake.set({ throttle: 1, retryAfterSec: 4 });
    const t = await rejectionOf(provider.submit(req(), ctx));
    expect(t.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 4000 });
    expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(2);
  });

  it('an expired presigned URL is PROVIDER_FAILED { expired: true }; ping reads /v1/files', async () => {
    const { taskId } = await provider.submit(req(), ctx);
    await runToEnd(taskId);
    fake.set({ expireOutputs: true });
    const err = await rejectionOf(provider.fetchResult(taskId, join(dir, 'gone.mp4'), ctx));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    await provider.ping(ctx);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/files?limit=1', status: 200 });
  });
});
