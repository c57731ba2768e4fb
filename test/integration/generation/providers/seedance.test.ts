/**
 * Seedance (Ark / ModelArk) adapter against the fake task API (test/fakes/seedance.ts): the exact
 * wire request per kind of shot (providers.md §9), a failure with Ark's reason, moderation, a
 * 429 with Retry-After, an expired video link, cancel and the connection test.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeedanceProvider } from '../../../../electron/services/generation/providers/seedance.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { startFakeSeedance, type FakeSeedance } from '../../../fakes/seedance.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { fakeContext, pngDataUri, settle, settleSucceeded } from './harness.js';

const root = tempDir();
let fake: FakeSeedance;
const sd = createSeedanceProvider();
const ctx = fakeContext(root, () => fake);
const png = pngDataUri(FIRST_FRAME);
const frame = { assetId: 'a1', path: FIRST_FRAME };

beforeAll(async () => {
  fake = await startFakeSeedance({ runMs: 300 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.mode = 'normal';
  fake.requests.length = 0;
});

const finish = (taskId: string) => settleSucceeded(sd, taskId, ctx());

describe('Seedance wire requests', () => {
  it('text-to-video: POST /api/v3/contents/generations/tasks, Bearer key, 2.0 body fields; downloads the clip', async () => {
    const { taskId } = await sd.submit(genRequest(), ctx());
    expect(taskId).toMatch(/^cgt-/);
    const [create] = fake.createRequests();
    expect(create?.path).toBe('/api/v3/contents/generations/tasks');
    expect(create?.headers.authorization).toBe('Bearer test-key');
    expect(create?.headers['content-type']).toBe('application/json');
    expect(create?.body).toEqual({
      model: 'dreamina-seedance-2-0-260128',
      content: [{ type: 'text', text: '镜头: a "quoted" campfire at 100% dusk' }],
      ratio: '16:9',
      duration: 5,
      resolution: '720p',
      seed: 42,
      watermark: false,
      generate_audio: true,
    });
    await finish(taskId);
    const polls = fake.requests.filter(
      (r) => r.method === 'GET' && r.path === `/api/v3/contents/generations/tasks/${taskId}`,
    );
    expect(polls.length).toBeGreaterThan(0);
    const dest = join(root, 'out t2v.mp4');
    await sd.fetchResult(taskId, dest, ctx());
    expect(statSync(dest).size).toBeGreaterThan(1000);
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
    // The signed video URL is fetched without our key.
    const dl = fake.requests.find((r) => r.path === `/files/${taskId}.mp4`);
    expect(dl?.headers.authorization).toBeUndefined();
  });

  it('image-to-video: the first frame as a data URI with role first_frame', async () => {
    await sd.submit(genRequest({ firstFrame: frame, model: 'seedance-2-0-fast' }), ctx());
    const body = fake.createRequests()[0]?.body as { model: string; ratio: string; content: unknown[] };
    expect(body.model).toBe('dreamina-seedance-2-0-fast-260128');
    expect(body.ratio).toBe('adaptive');
    expect(body.content).toEqual([
      { type: 'text', text: '镜头: a "quoted" campfire at 100% dusk' },
      { type: 'image_url', image_url: { url: png }, role: 'first_frame' },
    ]);
  });

  it('first + last frame on a 1.0 model: roles first_frame and last_frame, options as --flags', async () => {
    await sd.submit(
      genRequest({ firstFrame: frame, lastFrame: frame, model: 'seedance-1-0-lite-i2v', durationSec: 20 }),
      ctx(),
    );
    expect(fake.createRequests()[0]?.body).toEqual({
      model: 'seedance-1-0-lite-i2v-250428',
      content: [
        {
          type: 'text',
          text: '镜头: a "quoted" campfire at 100% dusk --ratio adaptive --duration 12 --resolution 720p --seed 42 --camerafixed true --watermark false',
        },
        { type: 'image_url', image_url: { url: png }, role: 'first_frame' },
        { type: 'image_url', image_url: { url: png }, role: 'last_frame' },
      ],
    });
  });

  it('references: role reference_image in priority order, only without keyframes', async () => {
    const references = [
      { assetId: 'r1', path: FIRST_FRAME, kind: 'character' as const, name: 'Ana' },
      { assetId: 'r2', path: FIRST_FRAME, kind: 'style' as const },
    ];
    await sd.submit(genRequest({ references }), ctx());
    expect((fake.createRequests()[0]?.body as { content: unknown[] }).content).toEqual([
      { type: 'text', text: '镜头: a "quoted" campfire at 100% dusk' },
      { type: 'image_url', image_url: { url: png }, role: 'reference_image' },
      { type: 'image_url', image_url: { url: png }, role: 'reference_image' },
    ]);
    // Ark's reference mode and first/last frames are mutually exclusive: the keyframe wins.
    await sd.submit(genRequest({ references, firstFrame: frame }), ctx());
    const roles = (fake.createRequests()[1]?.body as { content: { role?: string }[] }).content.map((c) => c.role);
    expect(roles).toEqual([undefined, 'first_frame']);
  });

  it('refuses a first frame on the text-only model before sending anything', async () => {
    const err = await rejectionOf(sd.submit(genRequest({ firstFrame: frame, model: 'seedance-1-0-lite-t2v' }), ctx()));
    expect(err.code).toBe('INVALID_INPUT');
    expect(fake.createRequests()).toHaveLength(0);
  });
});

describe('Seedance failures', () => {
  it("a failed task carries Ark's code and message", async () => {
    fake.mode = 'fail';
    const { taskId } = await sd.submit(genRequest(), ctx());
    const r = await settle(sd, taskId, ctx());
    expect(r.state).toBe('failed');
    expect(r.error).toContain('OutputVideoSensitiveContentDetected');
    expect(r.error).toMatch(/safety review flagged the generated video/);
  });

  it('moderation at create: PROVIDER_FAILED with the reason', async () => {
    fake.mode = 'moderation';
    const err = await rejectionOf(sd.submit(genRequest(), ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.details).toMatchObject({ status: 400, failureKind: 'moderation', flagged: 'prompt' });
    expect(err.message).toContain('InputTextSensitiveContentDetected');
    expect(err.message).toMatch(/^Seedance's safety review flagged the prompt/);
  });

  it('a bad key is an auth failure', async () => {
    const err = await rejectionOf(sd.submit(genRequest(), ctx({ apiKey: 'wrong' })));
    expect(err.details).toMatchObject({ status: 401, failureKind: 'auth' });
    expect(err.message).toContain('API key');
  });

  it('429: throttled with Retry-After in ms', async () => {
    fake.mode = 'throttle';
    fake.retryAfterSec = 3;
    const err = await rejectionOf(sd.submit(genRequest(), ctx()));
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 3000 });
  });

  it('an expired video URL is PROVIDER_FAILED expired', async () => {
    fake.mode = 'expired';
    const { taskId } = await sd.submit(genRequest(), ctx());
    await finish(taskId);
    const err = await rejectionOf(sd.fetchResult(taskId, join(root, 'gone.mp4'), ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
  });

  it('cancel sends DELETE on the task; ping lists one task', async () => {
    fake.mode = 'slow';
    const { taskId } = await sd.submit(genRequest(), ctx());
    await sd.cancel?.(taskId, ctx());
    expect(
      fake.requests.some(
        (r) =>
          r.method === 'DELETE' &&
          r.path === `/api/v3/contents/generations/tasks/${taskId}` &&
          r.headers.authorization === 'Bearer test-key',
      ),
    ).toBe(true);
    expect((await sd.poll(taskId, ctx())).state).toBe('failed');
    await sd.ping(ctx());
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/api/v3/contents/generations/tasks',
      query: { page_num: '1', page_size: '1' },
    });
    expect((await rejectionOf(sd.ping(ctx({ apiKey: 'nope' })))).details).toMatchObject({ failureKind: 'auth' });
  });
});
