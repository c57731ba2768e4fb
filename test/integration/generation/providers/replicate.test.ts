/**
 * Replicate through the real `replicate` SDK pointed at the fake (test/fakes/replicate.ts) with
 * its `baseUrl` option: the exact wire request per kind of shot (providers.md §10b; input names
 * from the models' replicate.com API pages), a failure with Replicate's reason, moderation, a
 * 429 the SDK does not retry, an expired output, cancel and the connection test.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReplicateProvider } from '../../../../electron/services/generation/providers/replicate.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { startFakeReplicate, type FakeReplicate } from '../../../fakes/replicate.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { fakeContext, settleSucceeded, pngDataUri, settle } from './harness.js';

const root = tempDir();
let fake: FakeReplicate;
const rep = createReplicateProvider();
const ctx = fakeContext(root, () => fake);
const png = pngDataUri(FIRST_FRAME);
const frame = { assetId: 'a1', path: FIRST_FRAME };

beforeAll(async () => {
  fake = await startFakeReplicate({ runMs: 300 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.mode = 'normal';
  fake.requests.length = 0;
});

const settleTask = (taskId: string) => settle(rep, taskId, ctx());

describe('Replicate wire requests (real SDK, baseUrl at the fake)', () => {
  it('text-to-video: POST /v1/models/google/veo-3.1-fast/predictions with Bearer and {input}; polls, downloads', async () => {
    const { taskId } = await rep.submit(genRequest({ negativePrompt: 'blur' }), ctx());
    const [c] = fake.createRequests();
    expect(c?.path).toBe('/v1/models/google/veo-3.1-fast/predictions');
    expect(c?.headers.authorization).toBe('Bearer test-key');
    expect(c?.headers['content-type']).toBe('application/json');
    expect(c?.body).toEqual({
      input: {
        prompt: '镜头: a "quoted" campfire at 100% dusk',
        duration: 6,
        aspect_ratio: '16:9',
        resolution: '720p',
        generate_audio: true,
        negative_prompt: 'blur',
        seed: 42,
      },
    });
    await settleSucceeded(rep, taskId, ctx());
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/v1/predictions/${taskId}`)).toBe(true);
    const dest = join(root, 'rep t2v.mp4');
    await rep.fetchResult(taskId, dest, ctx());
    expect(statSync(dest).size).toBeGreaterThan(1000);
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
  });

  it('image-to-video: the first frame inline as a data URI in `image`', async () => {
    await rep.submit(
      genRequest({ firstFrame: frame, model: 'bytedance/seedance-2.0', durationSec: 7, seed: null }),
      ctx(),
    );
    const [c] = fake.createRequests();
    expect(c?.path).toBe('/v1/models/bytedance/seedance-2.0/predictions');
    expect(c?.body).toEqual({
      input: {
        prompt: '镜头: a "quoted" campfire at 100% dusk',
        duration: 7,
        image: png,
        aspect_ratio: 'adaptive',
        resolution: '720p',
        generate_audio: true,
      },
    });
  });

  it('last frame: `last_frame` on Veo, `last_frame_image` on Seedance', async () => {
    await rep.submit(genRequest({ firstFrame: frame, lastFrame: frame, model: 'google/veo-3.1' }), ctx());
    await rep.submit(genRequest({ firstFrame: frame, lastFrame: frame, model: 'bytedance/seedance-2.0-fast' }), ctx());
    const [veo, sd] = fake.createRequests().map((r) => (r.body as { input: Record<string, unknown> }).input);
    expect(veo?.last_frame).toBe(png);
    expect(veo?.image).toBe(png);
    expect(sd?.last_frame_image).toBe(png);
    expect(sd?.last_frame).toBeUndefined();
  });

  it('references: `reference_images` data URIs (Veo: at most 3, at 16:9 and 8 s; Seedance 2.0: up to 9)', async () => {
    const refs = [1, 2, 3, 4].map((i) => ({ assetId: `r${i}`, path: FIRST_FRAME }));
    await rep.submit(genRequest({ model: 'google/veo-3.1', references: refs, width: 1080, height: 1920 }), ctx());
    await rep.submit(genRequest({ model: 'bytedance/seedance-2.0', references: refs }), ctx());
    const [veo, sd] = fake.createRequests().map((r) => (r.body as { input: Record<string, unknown> }).input);
    expect(veo?.reference_images).toEqual([png, png, png]);
    expect([veo?.duration, veo?.aspect_ratio]).toEqual([8, '16:9']);
    expect(sd?.reference_images).toEqual([png, png, png, png]);
  });
});

describe('Replicate failures', () => {
  it("a failed prediction carries Replicate's error", async () => {
    fake.mode = 'fail';
    const r = await settleTask((await rep.submit(genRequest(), ctx())).taskId);
    expect(r.state).toBe('failed');
    expect(r.error).toContain('image must be 16:9 or 9:16');
  });

  it('moderation (E005) is reported as a safety block', async () => {
    fake.mode = 'moderation';
    const r = await settleTask((await rep.submit(genRequest(), ctx())).taskId);
    expect(r.error).toMatch(/safety filter.*flagged as sensitive/);
  });

  it('429 on create: throttled with Retry-After, and the SDK sent the create only once', async () => {
    fake.mode = 'throttle';
    fake.retryAfterSec = 5;
    const err = await rejectionOf(rep.submit(genRequest(), ctx()));
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 5000 });
    expect(fake.createRequests()).toHaveLength(1);
  });

  it('a bad token is an auth failure, sent once; ping reads /v1/account', async () => {
    const err = await rejectionOf(rep.submit(genRequest(), ctx({ apiKey: 'nope' })));
    expect(err.details).toMatchObject({ status: 401, failureKind: 'auth' });
    expect(err.message).toContain('valid authentication token');
    await rep.ping(ctx());
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/account' });
    expect((await rejectionOf(rep.ping(ctx({ apiKey: 'nope' })))).details).toMatchObject({ failureKind: 'auth' });
  });

  it('a missing first frame is INVALID_INPUT and nothing is sent', async () => {
    const err = await rejectionOf(
      rep.submit(
        genRequest({
          model: 'google/veo-3.1',
          negativePrompt: 'x',
          firstFrame: { assetId: 'z', path: join(root, 'missing.png') },
        }),
        ctx(),
      ),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(fake.createRequests()).toHaveLength(0);
  });

  it("pictures over 10,000,000 bytes in all are INVALID_INPUT before anything is sent (the SDK's combined inline limit)", async () => {
    // Each under the old per-picture 7 MiB check, 12 MB together: the SDK refuses that inline.
    const big = (name: string): { assetId: string; path: string } => {
      const path = join(root, name);
      writeFileSync(path, Buffer.concat([readFileSync(FIRST_FRAME), Buffer.alloc(6_000_000)]));
      return { assetId: name, path };
    };
    const err = await rejectionOf(
      rep.submit(
        genRequest({ model: 'google/veo-3.1', firstFrame: big('first.png'), lastFrame: big('last.png') }),
        ctx(),
      ),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.details).toMatchObject({ limitBytes: 10_000_000 });
    expect((err.details as { totalBytes: number }).totalBytes).toBeGreaterThan(12_000_000);
    expect(err.message).toMatch(/first frame .* MB, the last frame .* MB/);
    expect(fake.createRequests()).toHaveLength(0);
  });

  it('an expired output is PROVIDER_FAILED expired; cancel POSTs …/cancel', async () => {
    fake.mode = 'expired';
    const { taskId } = await rep.submit(genRequest(), ctx());
    await settleTask(taskId);
    const err = await rejectionOf(rep.fetchResult(taskId, join(root, 'gone.mp4'), ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    fake.mode = 'slow';
    const slow = await rep.submit(genRequest(), ctx());
    await rep.cancel?.(slow.taskId, ctx());
    expect(fake.requests.some((r) => r.method === 'POST' && r.path === `/v1/predictions/${slow.taskId}/cancel`)).toBe(
      true,
    );
    expect((await rep.poll(slow.taskId, ctx())).state).toBe('failed');
  });
});
