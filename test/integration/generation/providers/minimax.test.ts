/**
 * MiniMax adapter against the fake MiniMax API (test/fakes/minimax.ts): the exact wire request
 * per kind of shot (providers.md §6: path, Bearer key, body field names, data-URI images), the
 * query -> files/retrieve -> download chain, a failed task with MiniMax's reason, moderation
 * (1026), a 429 (1002) with Retry-After, an expired download link and the connection test.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMinimaxProvider } from '../../../../electron/services/generation/providers/minimax.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { FAKE_MINIMAX_KEY, startFakeMinimax, type FakeMinimax } from '../../../fakes/minimax.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { rejectionOf } from '../../../helpers/errors.js';
import { countVideoFrames } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle as settleTask } from './harness.js';

const root = tempDir();
let fake: FakeMinimax;
const mm = createMinimaxProvider();
const ctx = (apiKey = FAKE_MINIMAX_KEY): ProviderContext => ({ tmpDir: root, settings: { baseUrl: fake.url, apiKey } });
const png = `data:image/png;base64,${readFileSync(FIRST_FRAME).toString('base64')}`;
const frame = { assetId: 'a1', path: FIRST_FRAME };
const ref = { ...frame, kind: 'character' as const, name: 'Mia' };
const posts = () => fake.requests.filter((r) => r.method === 'POST');

beforeAll(async () => {
  fake = await startFakeMinimax({ runMs: 200 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.set({ runMs: 200, fail: null, moderation: false, throttle: 0, expired: false });
  fake.requests.length = 0;
});

const settle = (taskId: string) => settleTask(mm, taskId, ctx());

describe('MiniMax wire requests', () => {
  it('text-to-video: POST /v1/video_generation with the Bearer key; query, files/retrieve, then the download', async () => {
    const { taskId } = await mm.submit(genRequest(), ctx());
    const [create] = posts();
    expect(create?.path).toBe('/v1/video_generation');
    expect(create?.headers.authorization).toBe(`Bearer ${FAKE_MINIMAX_KEY}`);
    expect(create?.headers['content-type']).toBe('application/json');
    expect(create?.body).toEqual({
      model: 'MiniMax-Hailuo-2.3',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 6,
      resolution: '768P',
    });
    expect(await settle(taskId)).toEqual({ state: 'succeeded', progress: 1 });
    expect(fake.requests.some((r) => r.path === `/v1/query/video_generation?task_id=${taskId}`)).toBe(true);
    const dest = join(root, 'minimax t2v 镜头.mp4');
    await mm.fetchResult(taskId, dest, ctx());
    const retrieve = fake.requests.find((r) => r.path.startsWith('/v1/files/retrieve?file_id='));
    expect(retrieve?.headers.authorization).toBe(`Bearer ${FAKE_MINIMAX_KEY}`);
    const dl = fake.requests.find((r) => r.path.startsWith('/dl/'));
    expect(dl?.path).toMatch(/^\/dl\/\d+\.mp4\?sig=\d+$/);
    expect(dl?.headers.authorization).toBeUndefined();
    expect(statSync(dest).size).toBeGreaterThan(1000);
    expect(countVideoFrames(dest)).toBeGreaterThan(0);
  });

  it('first + last frame on Hailuo 02: first_frame_image and last_frame_image as data URIs', async () => {
    const { taskId } = await mm.submit(
      genRequest({ model: 'MiniMax-Hailuo-02', firstFrame: frame, lastFrame: frame, durationSec: 10 }),
      ctx(),
    );
    expect(posts()[0]?.body).toEqual({
      model: 'MiniMax-Hailuo-02',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 10,
      resolution: '768P',
      first_frame_image: png,
      last_frame_image: png,
    });
    expect((await settle(taskId)).state).toBe('succeeded');
  });

  it('subject reference on S2V-01: subject_reference [{type: character, image: [data URI]}]', async () => {
    const req = { ...genRequest({ model: 'S2V-01' }), references: [ref] };
    await mm.submit(req, ctx());
    expect(posts()[0]?.body).toEqual({
      model: 'S2V-01',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 6,
      subject_reference: [{ type: 'character', image: [png] }],
    });
  });
});

describe('MiniMax failures', () => {
  it("a failed task reports MiniMax's reason", async () => {
    fake.set({ fail: 'output video sensitive' });
    const { taskId } = await mm.submit(genRequest(), ctx());
    const r = await settle(taskId);
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/output video sensitive/);
  });

  it('a task refused on a MiniMax code (1027): the job fails as moderation naming the generated video', async () => {
    fake.set({ fail: '1027:output new_sensitive' });
    const { taskId } = await mm.submit(genRequest(), ctx());
    const err = await rejectionOf(settle(taskId));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.details).toMatchObject({
      messageKey: 'minimaxErrors.moderationOutput',
      flagged: 'output',
      failureKind: 'moderation',
    });
    expect(err.message).toMatch(/blocked the generated video.*output new_sensitive.*1027/);
  });

  it('moderation on create (1026, HTTP 200): PROVIDER_FAILED with the reason, nothing created', async () => {
    fake.set({ moderation: true });
    const before = fake.creates;
    const err = await rejectionOf(mm.submit(genRequest(), ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.details).toMatchObject({ moderation: true, code: 1026, reason: 'input new_sensitive' });
    // A text-only request: the flagged input is the prompt, as a translated key.
    expect(err.details).toMatchObject({ messageKey: 'minimaxErrors.moderationPrompt', flagged: 'prompt' });
    expect(fake.creates).toBe(before);
  });

  it('429 / 1002 with Retry-After: throttled', async () => {
    fake.set({ throttle: 1, retryAfterSec: 4 });
    const err = await rejectionOf(mm.submit(genRequest(), ctx()));
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 4000 });
  });

  it('a wrong key is a clear auth error (1004 in an HTTP 200)', async () => {
    const err = await rejectionOf(mm.submit(genRequest(), ctx('wrong')));
    expect(err.details).toMatchObject({ auth: true, code: 1004 });
    expect((await rejectionOf(mm.ping!(ctx('wrong')))).details).toMatchObject({ auth: true });
    await mm.ping?.(ctx());
    expect(fake.requests.at(-1)?.path).toBe('/v1/files/list?purpose=video_generation');
  });

  it('an expired download link is PROVIDER_FAILED expired, and leaves no file', async () => {
    const { taskId } = await mm.submit(genRequest(), ctx());
    await settle(taskId);
    fake.set({ expired: true });
    const dest = join(root, 'gone.mp4');
    const err = await rejectionOf(mm.fetchResult(taskId, dest, ctx()));
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    expect(() => statSync(dest)).toThrow();
  });
});
