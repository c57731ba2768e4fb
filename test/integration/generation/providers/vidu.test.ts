/**
 * Vidu adapter against the fake (test/fakes/vidu.ts): the exact wire request per kind of shot
 * (providers.md §7: Token auth, one endpoint per input kind, images as data URIs), polling and
 * download, a failure with Vidu's err_code, moderation, a 429 with Retry-After, an expired
 * output link, a bad key, and the connection test.
 */
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createViduProvider } from '../../../../electron/services/generation/providers/vidu.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import type { GenerationRequest } from '../../../../shared/generation/request.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { startFakeVidu, type FakeVidu } from '../../../fakes/vidu.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle as settleTask } from './harness.js';

const root = tempDir();
// A Unicode name with a space and %: the adapter must read it as is.
const lastFramePath = join(root, '最后 帧 100%.png');
copyFileSync(FIRST_FRAME, lastFramePath);
const png = `data:image/png;base64,${readFileSync(FIRST_FRAME).toString('base64')}`;
const first = { assetId: 'a1', path: FIRST_FRAME };
const last = { assetId: 'a2', path: lastFramePath };
let fake: FakeVidu;
const vidu = createViduProvider();
const ctx = (over: Partial<ProviderContext['settings']> = {}): ProviderContext => ({
  tmpDir: root,
  jobId: 'job-1',
  settings: { baseUrl: fake.baseUrl, apiKey: 'test-key', ...over },
});

beforeAll(async () => {
  fake = await startFakeVidu({ runMs: 300 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function finish(taskId: string): Promise<void> {
  expect(await settleTask(vidu, taskId, ctx())).toEqual({ state: 'succeeded', progress: 1 });
}

async function createOf(
  req: GenerationRequest,
): Promise<{ taskId: string; path: string; headers: Record<string, unknown>; body: unknown }> {
  const { taskId } = await vidu.submit(req, ctx());
  const creates = fake.requests.filter((r) => r.method === 'POST');
  expect(creates).toHaveLength(1);
  return { taskId, path: creates[0]!.path, headers: creates[0]!.headers, body: creates[0]!.body };
}

describe('Vidu wire requests', () => {
  it('text-to-video: POST /ent/v2/text2video with "Token <key>", then polls /tasks/{id}/creations and downloads the clip', async () => {
    const c = await createOf(genRequest({ model: 'viduq3-pro', durationSec: 5.5 }));
    expect(c.path).toBe('/ent/v2/text2video');
    expect(c.headers.authorization).toBe('Token test-key');
    expect(c.headers['content-type']).toBe('application/json');
    expect(c.body).toEqual({
      model: 'viduq3-pro',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 6,
      seed: 42,
      aspect_ratio: '16:9',
      resolution: '720p',
      movement_amplitude: 'small',
      payload: 'job-1',
    });
    await finish(c.taskId);
    expect(
      fake.requests.some(
        (r) =>
          r.method === 'GET' &&
          r.path === `/ent/v2/tasks/${c.taskId}/creations` &&
          r.headers.authorization === 'Token test-key',
      ),
    ).toBe(true);
    const dest = join(root, `vidu ${c.taskId}.mp4`);
    await vidu.fetchResult(c.taskId, dest, ctx());
    expect(statSync(dest).size).toBeGreaterThan(1000);
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
  });

  it('image-to-video: /img2video with images:[one data URI]; no aspect_ratio (the picture sets it)', async () => {
    const c = await createOf(
      genRequest({
        model: 'viduq3-turbo',
        firstFrame: first,
        durationSec: 20,
        camera: 'push_in',
        width: 1920,
        height: 1080,
      }),
    );
    expect(c.path).toBe('/ent/v2/img2video');
    expect(c.body).toEqual({
      model: 'viduq3-turbo',
      prompt: '镜头: a "quoted" campfire at 100% dusk The camera slowly pushes in.',
      images: [png],
      duration: 16,
      seed: 42,
      resolution: '1080p',
      movement_amplitude: 'auto',
      payload: 'job-1',
    });
  });

  it('first + last frame: /start-end2video with images:[start, end] in that order', async () => {
    const c = await createOf(
      genRequest({ model: 'viduq1', firstFrame: first, lastFrame: last, seed: null, durationSec: 3 }),
    );
    expect(c.path).toBe('/ent/v2/start-end2video');
    const body = c.body as Record<string, unknown>;
    expect(body.images).toEqual([png, png]);
    expect(body.duration).toBe(5); // viduq1 makes 5 s only
    expect(body).not.toHaveProperty('seed');
  });

  it('references: /reference2video with images 1-7 (at most 7 sent, in order); a missing picture is refused before sending', async () => {
    const refs = Array.from({ length: 3 }, (_, i) => ({
      assetId: `r${i}`,
      path: i === 1 ? lastFramePath : FIRST_FRAME,
    }));
    const c = await createOf(genRequest({ model: 'viduq1', references: refs }));
    expect(c.path).toBe('/ent/v2/reference2video');
    expect(c.body).toMatchObject({ model: 'viduq1', images: [png, png, png], aspect_ratio: '16:9', duration: 5 });
    fake.reset();
    const many = Array.from({ length: 9 }, (_, i) => ({
      assetId: `r${i}`,
      path: i === 8 ? lastFramePath : FIRST_FRAME,
    }));
    const capped = await createOf(genRequest({ model: 'viduq1', references: many }));
    expect((capped.body as { images: string[] }).images).toHaveLength(7);
    fake.reset();
    // A model without references sends none: text-to-video.
    const plain = await createOf(genRequest({ model: 'viduq3-pro', references: many.slice(0, 1) }));
    expect(plain.path).toBe('/ent/v2/text2video');
    expect(plain.body).not.toHaveProperty('images');
    fake.reset();
    const missing = await rejectionOf(
      vidu.submit(
        genRequest({ model: 'viduq1', references: [{ assetId: 'gone', path: join(root, 'gone.png') }] }),
        ctx(),
      ),
    );
    expect(missing.code).toBe('INVALID_INPUT');
    expect(fake.creates).toBe(0);
  });
});

describe('Vidu failures', () => {
  it("a failed task reports Vidu's err_code as the reason", async () => {
    fake.set({ failWith: 'ImageDownloadFailure' });
    const { taskId } = await vidu.submit(genRequest(), ctx());
    const r = await settleTask(vidu, taskId, ctx(), 50);
    expect(r.state).toBe('failed');
    expect(r.error).toContain('ImageDownloadFailure');
  });

  it('a policy err_code is moderation naming the prompt or the generated video (Vidu error-code page)', async () => {
    fake.set({ failWith: 'TaskPromptPolicyViolation' });
    const a = await vidu.submit(genRequest(), ctx());
    expect(await settleTask(vidu, a.taskId, ctx(), 50)).toMatchObject({
      state: 'failed',
      failureKind: 'moderation',
      flagged: 'prompt',
    });
    fake.set({ failWith: 'CreationPolicyViolation' });
    const b = await vidu.submit(genRequest(), ctx());
    expect(await settleTask(vidu, b.taskId, ctx(), 50)).toMatchObject({ failureKind: 'moderation', flagged: 'output' });
  });

  it('moderation on create: PROVIDER_FAILED with the reason, failureKind moderation', async () => {
    fake.set({ moderation: true });
    const err = await rejectionOf(vidu.submit(genRequest(), ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toContain('AuditSubmitIllegal');
    expect(err.details).toMatchObject({ status: 400, failureKind: 'moderation' });
  });

  it('429: throttled with retryAfterMs from Retry-After; nothing created', async () => {
    fake.set({ throttle: 1, retryAfterSec: 3 });
    const err = await rejectionOf(vidu.submit(genRequest(), ctx()));
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 3000 });
    expect(fake.creates).toBe(0);
  });

  it('a bad key is an auth error; no key is refused before sending', async () => {
    const bad = await rejectionOf(vidu.submit(genRequest(), ctx({ apiKey: 'bad-key' })));
    expect(bad.details).toMatchObject({ status: 401, failureKind: 'auth' });
    const missing = await rejectionOf(vidu.submit(genRequest(), ctx({ apiKey: '' })));
    expect(missing.message).toMatch(/STORYBOARD_VIDU_API_KEY/);
    expect(fake.requests.filter((r) => r.headers.authorization === 'Token ')).toHaveLength(0);
    await expect(vidu.ping!(ctx())).resolves.toBeUndefined();
    expect((await rejectionOf(vidu.ping!(ctx({ apiKey: 'bad-key' })))).details).toMatchObject({ failureKind: 'auth' });
  });

  it('cancel: POST /tasks/{id}/cancel with {id} while queued; a scheduled task says why it cannot', async () => {
    fake.set({ runMs: 3000 });
    const { taskId } = await vidu.submit(genRequest(), ctx());
    await vidu.cancel!(taskId, ctx());
    const cancel = fake.requests.find((r) => r.path === `/ent/v2/tasks/${taskId}/cancel`);
    expect(cancel).toMatchObject({ method: 'POST', body: { id: taskId } });
    expect(cancel?.headers.authorization).toBe('Token test-key');
    expect(fake.tasks.has(taskId)).toBe(false);
    fake.set({ runMs: 0 });
    const late = await vidu.submit(genRequest(), ctx());
    const err = await rejectionOf(vidu.cancel!(late.taskId, ctx()));
    expect(err.message).toContain('can not cancel');
  });

  it('an expired output link is PROVIDER_FAILED { expired } and leaves no file', async () => {
    const { taskId } = await vidu.submit(genRequest(), ctx());
    await finish(taskId);
    fake.set({ expired: true });
    const dest = join(root, 'expired.mp4');
    const err = await rejectionOf(vidu.fetchResult(taskId, dest, ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    expect(() => statSync(dest)).toThrow();
  });
});
