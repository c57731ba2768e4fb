/**
 * The Runway adapter through the real @runwayml/sdk, pointed at the fake Runway: the exact wire
 * requests (path, headers, body fields and encodings: providers.md §3), failures with
 * Runway's reason, 429, expired outputs, cancel and the connection test.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GenerationRequest } from '../../../../shared/generation/request.js';
import { createRunwayProvider } from '../../../../electron/services/generation/providers/runway.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { startFakeRunway, type FakeRunway } from '../../../fakes/runway.js';
import {} from '../../../helpers/cli.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { lavfiPicture } from '../../../helpers/lavfiClip.js';
import { tempDir } from '../../../helpers/tmp.js';
import { realMedia } from '../../../helpers/realMedia.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { settle } from './harness.js';

const PNG = realMedia('first-frame-camping.png');
const PNG_URI = `data:image/png;base64,${readFileSync(PNG).toString('base64')}`;
const dir = tempDir();
let fake: FakeRunway;
let ctx: ProviderContext;
const provider = createRunwayProvider();

beforeAll(async () => {
  fake = await startFakeRunway({ runMs: 200 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.set({ failCode: null, throttle: 0, expireOutputs: false, runMs: 200, reject: null });
  ctx = { tmpDir: dir, settings: { baseUrl: fake.url, apiKey: 'test-key' } };
});

const req = (over: Partial<GenerationRequest> = {}): GenerationRequest =>
  genRequest({ shotId: 'shot1', shotNumber: 2, prompt: '营地 at dusk, "quoted" 100%', seed: 7, ...over });
const frame = { assetId: 'asset1', path: PNG };

// Up to 1,000 polls: a throttled poll may keep the task running for its Retry-After.
const runToEnd = (taskId: string) => settle(provider, taskId, ctx, 1000);

const creates = () => fake.requests.filter((r) => r.method === 'POST');

describe('Runway adapter against the fake, through the SDK', () => {
  it('text-to-video: POST /v1/text_to_video with Bearer key, X-Runway-Version and the exact body; then poll and download', async () => {
    const { taskId } = await provider.submit(req(), ctx);
    const [create] = creates();
    expect(create!.path).toBe('/v1/text_to_video');
    expect(create!.headers.authorization).toBe('Bearer test-key');
    expect(create!.headers['x-runway-version']).toBe('2024-11-06');
    expect(create!.headers['content-type']).toMatch(/^application\/json/);
    expect(create!.body).toEqual({
      model: 'gen4.5',
      promptText: '营地 at dusk, "quoted" 100%',
      ratio: '1280:720',
      duration: 5,
      seed: 7,
    });
    expect(await runToEnd(taskId)).toEqual({ state: 'succeeded', progress: 1 });
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/v1/tasks/${taskId}`)).toBe(true);
    const dest = join(dir, `out ${taskId}.mp4`);
    await provider.fetchResult(taskId, dest, ctx);
    expect(statSync(dest).size).toBe(statSync(realMedia('ai-clip-horse-720x480-8fps.mp4')).size);
    expect(fake.creates).toBeGreaterThanOrEqual(1);
  });

  it('image-to-video: the first frame goes as a PNG data URI in promptImage[{uri, position:first}]', async () => {
    await provider.submit(req({ firstFrame: frame, width: 720, height: 480, durationSec: 4 }), ctx);
    const [create] = creates();
    expect(create!.path).toBe('/v1/image_to_video');
    expect(create!.body).toEqual({
      model: 'gen4.5',
      promptText: req().prompt,
      promptImage: [{ uri: PNG_URI, position: 'first' }],
      ratio: '1104:832',
      duration: 4,
      seed: 7,
    });
  });

  it('last frame (veo3.1): first and last positions, duration 4|6|8, negativePrompt', async () => {
    await provider.submit(
      req({
        model: 'veo3.1',
        firstFrame: frame,
        lastFrame: { assetId: 'asset2', path: PNG },
        negativePrompt: 'text, logos',
      }),
      ctx,
    );
    expect(creates()[0]!.body).toEqual({
      model: 'veo3.1',
      promptText: req().prompt,
      ratio: '1280:720',
      duration: 6,
      seed: 7,
      negativePrompt: 'text, logos',
      audio: true,
      promptImage: [
        { uri: PNG_URI, position: 'first' },
        { uri: PNG_URI, position: 'last' },
      ],
    });
  });

  it('a picture over 5 MB is uploaded first (POST /v1/uploads + multipart) and sent as its runway:// URI', async () => {
    const big = join(dir, 'big frame 大.png');
    // Noise does not compress: a 1600x1600 PNG of it (~7.7 MB) is far over Runway's 5 MB data URI limit.
    lavfiPicture(big, 'nullsrc=s=1600x1600,geq=random(1)*255:random(2)*255:random(3)*255');
    expect(statSync(big).size).toBeGreaterThan(5_000_000);
    await provider.submit(req({ firstFrame: { assetId: 'big1', path: big } }), ctx);
    const [upload, storage, create] = fake.requests;
    expect(upload).toMatchObject({
      method: 'POST',
      path: '/v1/uploads',
      body: { filename: 'storyboard-big1.png', type: 'ephemeral' },
    });
    expect(upload!.headers.authorization).toBe('Bearer test-key');
    expect(storage).toMatchObject({ method: 'POST', path: '/__upload', body: { multipart: true, hasFields: true } });
    expect(create!.path).toBe('/v1/image_to_video');
    expect((create!.body!.promptImage as { uri: string }[])[0]!.uri).toMatch(/^runway:\/\/uploads\/[\w-]+$/);
  });

  it('references (seedance2): `references:[{uri}]` on text-to-video', async () => {
    await provider.submit({ ...req({ model: 'seedance2' }), references: [frame] } as GenerationRequest, ctx);
    expect(creates()[0]!.path).toBe('/v1/text_to_video');
    expect(creates()[0]!.body).toMatchObject({ model: 'seedance2', references: [{ uri: PNG_URI }] });
  });

  it("a failed task reports Runway's reason; moderation is named as such", async () => {
    fake.set({ failCode: 'SAFETY.INPUT.TEXT' });
    const mod = await provider.submit(req(), ctx);
    expect((await runToEnd(mod.taskId)).error).toMatch(
      /content moderation flagged the prompt.*SAFETY\.INPUT\.TEXT.*flagged by content moderation/,
    );
    fake.set({ failCode: 'INTERNAL.BAD_OUTPUT.CODE01' });
    const bad = await provider.submit(req(), ctx);
    expect((await runToEnd(bad.taskId)).error).toMatch(/failed on its side.*invalid output/);
  });

  it("a 400 carries Runway's validation issues; a bad key says so; nothing is retried", async () => {
    fake.set({ reject: 'duration: Number must be less than or equal to 10' });
    const bad = await rejectionOf(provider.submit(req(), ctx));
    expect(bad.code).toBe('PROVIDER_FAILED');
    expect(bad.message).toBe(
      'Runway refused to create the task for shot 2 (400): Validation of body failed; duration: Number must be less than or equal to 10',
    );
    expect(bad.details).toMatchObject({ status: 400, failureKind: 'invalid' });
    const before = fake.requests.length;
    const invalid = await rejectionOf(
      provider.submit(req({ model: 'gen4_turbo', firstFrame: frame, prompt: '', title: '' }), {
        ...ctx,
        settings: { ...ctx.settings, apiKey: 'wrong' },
      }),
    );
    expect(invalid.code).toBe('PROVIDER_FAILED');
    expect(invalid.message).toMatch(/rejected the API key \(401: Incorrect API key provided\)/);
    expect(invalid.details).toMatchObject({ status: 401, failureKind: 'auth' });
    expect(fake.requests.length).toBe(before + 1);
  });

  it('429 on create: throttled with retryAfterMs from Retry-After, sent once (maxRetries 0)', async () => {
    fake.set({ throttle: 1, retryAfterSec: 3 });
    const err = await rejectionOf(provider.submit(req(), ctx));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 3000 });
    expect(err.message).toMatch(/daily task limit/);
    expect(creates().length).toBe(1);
  });

  it('an expired output URL is PROVIDER_FAILED { expired: true }', async () => {
    const { taskId } = await provider.submit(req(), ctx);
    await runToEnd(taskId);
    fake.set({ expireOutputs: true });
    const err = await rejectionOf(provider.fetchResult(taskId, join(dir, 'expired.mp4'), ctx));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
  });

  it('cancel sends DELETE /v1/tasks/{id}; the task then reads CANCELLED', async () => {
    fake.set({ runMs: 60_000 });
    const { taskId } = await provider.submit(req(), ctx);
    await provider.cancel!(taskId, ctx);
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.path === `/v1/tasks/${taskId}`)).toBe(true);
    expect((await provider.poll(taskId, ctx)).state).toBe('failed');
  });

  it('test connection: GET /v1/organization with the key; a missing key is named', async () => {
    await provider.ping(ctx);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/organization', status: 200 });
    const err = await rejectionOf(provider.ping({ ...ctx, settings: { baseUrl: fake.url } }));
    expect(err.message).toMatch(/needs an API key/);
  });
});
