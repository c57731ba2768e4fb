/**
 * Kling adapter against the fake Kling API (test/fakes/kling.ts): the exact wire request per
 * kind of shot (providers.md §5: path, JWT Bearer header, body field names, raw base64 images),
 * a failed task with Kling's reason, moderation, a 429 (code 1303) with Retry-After, an expired
 * output link, reconcile by external_task_id, and the connection test.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKlingProvider } from '../../../../electron/services/generation/providers/kling.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import type { Job } from '../../../../shared/model/entities.js';
import { startFakeKling, type FakeKling } from '../../../fakes/kling.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle as settleTask } from './harness.js';

const root = tempDir();
let fake: FakeKling;
const kling = createKlingProvider({ env: {} });
const ctx = (over: Partial<ProviderContext> = {}): ProviderContext => ({
  tmpDir: root,
  settings: { baseUrl: fake.url, apiKey: fake.apiKey },
  ...over,
});
const raw = readFileSync(FIRST_FRAME).toString('base64');
const frame = { assetId: 'a1', path: FIRST_FRAME };
const ref = { ...frame, kind: 'character' as const, name: 'Mia' };
const creates = () => fake.requests.filter((r) => r.method === 'POST');

beforeAll(async () => {
  fake = await startFakeKling({ runMs: 200 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.set({ runMs: 200, fail: null, moderation: false, throttle: 0, expired: false, staleLinks: 0 });
  fake.requests.length = 0;
});

const settle = (taskId: string) => settleTask(kling, taskId, ctx());

describe('Kling wire requests', () => {
  it('text-to-video: POST /v1/videos/text2video with a fresh HS256 JWT; polls the family path; downloads the clip', async () => {
    const { taskId } = await kling.submit(genRequest({ durationSec: 4 }), ctx({ jobId: 'job-t2v' }));
    const [create] = creates();
    expect(create?.path).toBe('/v1/videos/text2video');
    expect(create?.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(create?.jwt?.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(create?.jwt?.payload).toMatchObject({ iss: fake.accessKey });
    const { exp, nbf } = create?.jwt?.payload as { exp: number; nbf: number };
    expect(exp - nbf).toBe(1805);
    expect(create?.headers['content-type']).toBe('application/json');
    expect(create?.body).toEqual({
      model_name: 'kling-v3',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      mode: 'pro',
      duration: '4',
      aspect_ratio: '16:9',
      sound: 'on',
      external_task_id: 'job-t2v',
    });
    expect(taskId).toMatch(/^text2video:\d+$/);
    expect(await settle(taskId)).toEqual({ state: 'succeeded', progress: 1 });
    const id = taskId.split(':')[1];
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/v1/videos/text2video/${id}`)).toBe(true);
    const dest = join(root, 'kling t2v 镜头.mp4');
    await kling.fetchResult(taskId, dest, ctx());
    expect(statSync(dest).size).toBeGreaterThan(1000);
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
    // The CDN link is fetched without our token.
    expect(fake.requests.find((r) => r.path.startsWith('/cdn/'))?.headers.authorization).toBeUndefined();
  });

  it('image-to-video with first and last frame: image + image_tail as RAW base64 (no data: prefix)', async () => {
    const { taskId } = await kling.submit(
      genRequest({ firstFrame: frame, lastFrame: frame, model: 'kling-v2-1' }),
      ctx(),
    );
    const [create] = creates();
    expect(create?.path).toBe('/v1/videos/image2video');
    expect(create?.body).toEqual({
      model_name: 'kling-v2-1',
      image: raw,
      image_tail: raw,
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      mode: 'pro',
      duration: '5',
    });
    expect(taskId).toMatch(/^image2video:/);
    expect((await settle(taskId)).state).toBe('succeeded');
  });

  it('reference images: POST /v1/videos/multi-image2video with image_list on kling-v1-6', async () => {
    const req = { ...genRequest({ model: 'kling-v1-6' }), references: [ref, ref] };
    const { taskId } = await kling.submit(req, ctx());
    expect(creates()[0]?.path).toBe('/v1/videos/multi-image2video');
    expect(creates()[0]?.body).toMatchObject({
      model_name: 'kling-v1-6',
      image_list: [{ image: raw }, { image: raw }],
      aspect_ratio: '16:9',
    });
    expect((await settle(taskId)).state).toBe('succeeded');
  });

  it('refuses an image Kling cannot take before sending anything', async () => {
    const err = await rejectionOf(
      kling.submit(genRequest({ firstFrame: { assetId: 'a2', path: join(root, 'pic.webp') } }), ctx()),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(creates()).toHaveLength(0);
  });
});

describe('Kling failures', () => {
  it("a failed task reports Kling's task_status_msg", async () => {
    fake.set({ fail: 'Image contains prohibited content' });
    const { taskId } = await kling.submit(genRequest(), ctx());
    const r = await settle(taskId);
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/Image contains prohibited content/);
    // No first-party source gives task_status_msg's moderation wording (kling.ts poll): a plain
    // provider failure, no moderation kind and no flagged input guessed from the words.
    expect(r.failureKind).toBeUndefined();
    expect(r.flagged).toBeUndefined();
  });

  it('moderation on create: PROVIDER_FAILED with the reason, nothing created', async () => {
    fake.set({ moderation: true });
    const err = await rejectionOf(kling.submit(genRequest(), ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.details).toMatchObject({ moderation: true, code: 1301, failureKind: 'moderation' });
    expect(err.message).toMatch(/risk control/);
    expect(fake.creates).toBeGreaterThan(0); // earlier tests' creates only
  });

  it('429 code 1303 with Retry-After: throttled, retryAfterMs from the header', async () => {
    fake.set({ throttle: 1, retryAfterSec: 3 });
    const before = fake.creates;
    const err = await rejectionOf(kling.submit(genRequest(), ctx()));
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 3000, code: 1303 });
    expect(fake.creates).toBe(before);
  });

  it('a bad secret key is a clear auth error', async () => {
    const err = await rejectionOf(
      kling.submit(genRequest(), ctx({ settings: { baseUrl: fake.url, apiKey: `${fake.accessKey}:wrong` } })),
    );
    expect(err.details).toMatchObject({ auth: true });
    expect(err.message).toMatch(/access key and secret key/);
  });

  it('an expired output link is PROVIDER_FAILED expired', async () => {
    const { taskId } = await kling.submit(genRequest(), ctx());
    await settle(taskId);
    fake.set({ expired: true });
    const err = await rejectionOf(kling.fetchResult(taskId, join(root, 'gone.mp4'), ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
  });

  it('a link that expired after it was read is read again from the task (a fresh signature) before the job is called expired', async () => {
    const { taskId } = await kling.submit(genRequest(), ctx());
    await settle(taskId);
    fake.set({ staleLinks: 1 });
    const dest = join(root, 'fresh link.mp4');
    await kling.fetchResult(taskId, dest, ctx());
    expect(statSync(dest).size).toBeGreaterThan(1000);
    const cdn = fake.requests.filter((r) => r.path.startsWith('/cdn/')).map((r) => [r.path, r.status]);
    expect(cdn).toHaveLength(2);
    expect(cdn[0]?.[0]).not.toBe(cdn[1]?.[0]);
    expect(cdn.map((c) => c[1])).toEqual([403, 200]);
    // Stale again on the second link: then it is expired, with nothing left at the destination.
    fake.set({ staleLinks: 2 });
    const err = await rejectionOf(kling.fetchResult(taskId, join(root, 'stale twice.mp4'), ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
  });
});

describe('Kling reconcile and ping', () => {
  it('finds a task whose create answer was lost by its external_task_id (the job id)', async () => {
    const { taskId } = await kling.submit(genRequest({ firstFrame: frame }), ctx({ jobId: 'job-lost' }));
    const job = { id: 'job-lost', request: genRequest({ firstFrame: frame }) } as unknown as Job;
    expect(await kling.reconcile?.(job, ctx())).toEqual({ taskId });
    expect(fake.requests.at(-1)?.path).toBe('/v1/videos/image2video/job-lost');
    // Kling says our own id does not exist: the create never arrived, safe to queue again.
    expect(await kling.reconcile?.({ ...job, id: 'job-never' }, ctx())).toEqual({ absent: true });
    // Kling cannot be asked (bad key, unreachable): unknown, never "absent".
    expect(await kling.reconcile?.(job, ctx({ settings: { baseUrl: fake.url, apiKey: 'x:y' } }))).toBeNull();
    expect(
      await kling.reconcile?.(job, ctx({ settings: { baseUrl: 'http://127.0.0.1:9', apiKey: fake.apiKey } })),
    ).toBeNull();
  });

  it('ping checks the key with a free list call', async () => {
    await kling.ping?.(ctx());
    expect(fake.requests.at(-1)?.path).toBe('/v1/videos/text2video?pageNum=1&pageSize=1');
    expect(
      (await rejectionOf(kling.ping!(ctx({ settings: { baseUrl: fake.url, apiKey: 'x:y' } })))).details,
    ).toMatchObject({ auth: true });
  });
});

describe('Kling extend', () => {
  it('an extension: POST /v1/videos/video-extend with video_id, polled on the video-extend path', async () => {
    // The source: a finished kling-v1-6 video (Kling extends V1-model videos only), by its video id.
    const source = await kling.submit(genRequest({ model: 'kling-v1-6' }), ctx({ jobId: 'job-src' }));
    expect((await settle(source.taskId)).state).toBe('succeeded');
    const sourceOut = await kling.fetchResult(source.taskId, join(root, 'ext source.mp4'), ctx());
    const videoId = sourceOut?.outputRef ?? '';
    expect(videoId).toMatch(/^v-\d+$/);
    const req = { ...genRequest({ model: 'kling-v1-6' }), extendVideoId: videoId };
    const { taskId } = await kling.submit(req, ctx({ jobId: 'job-ext' }));
    expect(creates()[1]?.path).toBe('/v1/videos/video-extend');
    expect(creates()[1]?.body).toEqual({
      video_id: videoId,
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      external_task_id: 'job-ext',
    });
    expect(taskId).toMatch(/^video-extend:/);
    expect((await settle(taskId)).state).toBe('succeeded');
    expect(fake.requests.at(-1)?.path).toBe(`/v1/videos/video-extend/${taskId.split(':')[1]}`);
  });
});
