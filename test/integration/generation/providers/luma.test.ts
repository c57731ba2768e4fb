/**
 * The Luma adapter through the real `lumaai` SDK pointed at the fake Dream Machine API: exact
 * wire requests (providers.md §4a), failures with Luma's reason, moderation, 429, expired
 * outputs, delete and the connection test. Pictures are refused before anything is sent.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GenerationRequest } from '../../../../shared/generation/request.js';
import { createLumaProvider } from '../../../../electron/services/generation/providers/luma.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { startFakeLuma, type FakeLuma } from '../../../fakes/luma.js';
import {} from '../../../helpers/cli.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { tempDir } from '../../../helpers/tmp.js';
import { realMedia } from '../../../helpers/realMedia.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { settle } from './harness.js';

const dir = tempDir();
let fake: FakeLuma;
let ctx: ProviderContext;
const provider = createLumaProvider();

beforeAll(async () => {
  fake = await startFakeLuma({ runMs: 200 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.set({ failReason: null, moderation: null, throttle: 0, expireOutputs: false, runMs: 200 });
  ctx = { tmpDir: dir, settings: { baseUrl: fake.url, apiKey: 'test-key' } };
});

const req = (over: Partial<GenerationRequest> = {}): GenerationRequest =>
  genRequest({
    shotId: 'shot1',
    shotNumber: 2,
    title: 'Cat',
    prompt: '小猫 "quoted" 100%',
    negativePrompt: 'blur',
    seed: 7,
    ...over,
  });

// Up to 1,000 polls: a throttled poll may keep the task running for its Retry-After.
const runToEnd = (taskId: string) => settle(provider, taskId, ctx, 1000);

describe('Luma adapter against the fake, through the SDK', () => {
  it('text-to-video: POST /dream-machine/v1/generations/video with Bearer key and the exact body; poll; download assets.video', async () => {
    const { taskId } = await provider.submit(req(), ctx);
    const create = fake.requests[0]!;
    expect(create).toMatchObject({ method: 'POST', path: '/dream-machine/v1/generations/video', status: 201 });
    expect(create.headers.authorization).toBe('Bearer test-key');
    expect(create.headers['content-type']).toMatch(/^application\/json/);
    expect(create.body).toEqual({
      model: 'ray-2',
      prompt: '小猫 "quoted" 100%',
      aspect_ratio: '16:9',
      resolution: '720p',
      duration: '5s',
    });
    expect(await runToEnd(taskId)).toEqual({ state: 'succeeded', progress: 1 });
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/dream-machine/v1/generations/${taskId}`)).toBe(
      true,
    );
    const dest = join(dir, `luma ${taskId}.mp4`);
    await provider.fetchResult(taskId, dest, ctx);
    expect(statSync(dest).size).toBe(statSync(realMedia('ai-clip-kitten-720x480-8fps.mp4')).size);
  });

  it('a first or last frame is refused before any request (Luma takes only public URLs)', async () => {
    const err = await rejectionOf(
      provider.submit(req({ firstFrame: { assetId: 'a', path: realMedia('first-frame-camping.png') } }), ctx),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/public URLs/);
    expect(provider.capabilities.imageToVideo).toBe(false);
    expect(fake.requests.length).toBe(0);
  });

  it('a failed generation reports failure_reason; a moderated prompt (400) is named as moderation', async () => {
    fake.set({ failReason: 'Internal generation error' });
    const { taskId } = await provider.submit(req(), ctx);
    expect((await runToEnd(taskId)).error).toBe('Luma failed the generation: Internal generation error');
    fake.set({ moderation: '400: prompt not allowed because advanced moderation failed' });
    const mod = await rejectionOf(provider.submit(req(), ctx));
    expect(mod.code).toBe('PROVIDER_FAILED');
    expect(mod.message).toBe(
      "Luma's content moderation refused to create the generation for shot 2 (400): 400: prompt not allowed because advanced moderation failed",
    );
    expect(mod.details).toMatchObject({ status: 400, failureKind: 'moderation' });
  });

  it('a bad key is named; 429 is throttled with retryAfterMs; creates are sent once (maxRetries 0)', async () => {
    const auth = await rejectionOf(provider.submit(req(), { ...ctx, settings: { ...ctx.settings, apiKey: 'nope' } }));
    expect(auth.message).toBe('Luma rejected the API key (401: Invalid API key). Check the Luma key in settings.');
    fake.set({ throttle: 1, retryAfterSec: 2 });
    const t = await rejectionOf(provider.submit(req(), ctx));
    expect(t.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 2000 });
    expect(fake.requests.filter((r) => r.method === 'POST').length).toBe(2);
  });

  it('an expired asset URL is PROVIDER_FAILED { expired: true }', async () => {
    const { taskId } = await provider.submit(req(), ctx);
    await runToEnd(taskId);
    fake.set({ expireOutputs: true });
    const err = await rejectionOf(provider.fetchResult(taskId, join(dir, 'gone.mp4'), ctx));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
  });

  it('cancel deletes the generation; test connection reads /credits', async () => {
    fake.set({ runMs: 60_000 });
    const { taskId } = await provider.submit(req(), ctx);
    await provider.cancel!(taskId, ctx);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/dream-machine/v1/generations/${taskId}` });
    expect(await provider.poll(taskId, ctx)).toMatchObject({ state: 'failed', taskLost: true });
    await provider.ping(ctx);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/dream-machine/v1/credits', status: 200 });
  });
});
