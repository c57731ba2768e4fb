/**
 * Kling: the per-model request table (text, first frame, first + last, references, extend,
 * camera) sent through the adapter to the strict fake (test/fakes/klingRules.ts), and the
 * requests the adapter used to send, which the fake — like Kling — now refuses.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKlingProvider } from '../../../../electron/services/generation/providers/kling.js';
import { KLING_MODELS } from '../../../../electron/services/generation/providers/kling/models.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { postToFakeKling, startFakeKling, type FakeKling } from '../../../fakes/kling.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { expectLedger, ledgerOf } from '../../../helpers/requestLedger.js';
import { requestTable, sends, type BodyTable, type RefusalTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle } from './harness.js';

const root = tempDir();
let fake: FakeKling;
const kling = createKlingProvider({ env: {} });
const ctx = (jobId?: string): ProviderContext => ({
  tmpDir: root,
  settings: { baseUrl: fake.url, apiKey: fake.apiKey },
  ...(jobId ? { jobId } : {}),
});

beforeAll(async () => {
  fake = await startFakeKling({ runMs: 30 });
});
afterAll(() => fake.close());

describe('Kling request table against the strict fake', () => {
  it('every model sends what Kling accepts and refuses the rest before sending', async () => {
    let source: string | null = null;
    const bodies: BodyTable = {};
    const refusals: RefusalTable = {};
    const table = await requestTable(
      KLING_MODELS.map((m) => m.id),
      {
        provider: 'kling',
        submit: (req, jobId) => kling.submit(req, ctx(jobId)),
        received: () => fake.requests.filter((r) => r.method === 'POST').length,
        accepted: () => fake.creates,
        lastCreate: () => fake.requests.filter((r) => r.method === 'POST').at(-1),
        bodies,
        refusals,
        // Kling extends videos made by the V1 models: one kling-v1 clip serves every V1 row.
        async extendRef() {
          if (source) return source;
          const { taskId } = await kling.submit(genRequest({ model: 'kling-v1' }), ctx('job-source'));
          await settle(kling, taskId, ctx());
          const out = await kling.fetchResult(taskId, join(root, 'source.mp4'), ctx());
          source = out?.outputRef ?? null;
          return source;
        },
      },
    );
    const full = sends('text', 'firstFrame', 'firstLast', 'references', 'camera');
    expect(table).toEqual({
      'kling-v3': full,
      // Omni: every picture in one image_list; no extension (video_list is fetched by URL only).
      'kling-video-o1': full,
      'kling-v3-omni': full,
      'kling-v2-6': full,
      'kling-v2-5-turbo': full,
      'kling-v2-1-master': sends('text', 'firstFrame', 'references', 'camera'),
      'kling-v2-1': sends('firstFrame', 'firstLast'),
      'kling-v2-master': sends('text', 'firstFrame', 'references', 'camera'),
      'kling-v1-6': sends('text', 'firstFrame', 'firstLast', 'references', 'extend', 'camera'),
      'kling-v1-5': sends('firstFrame', 'firstLast', 'extend'),
      'kling-v1': sends('text', 'firstFrame', 'firstLast', 'references', 'extend', 'camera'),
    });
    await expectLedger(
      ledgerOf(
        'kling',
        '',
        KLING_MODELS.map((m) => m.id),
        bodies,
        refusals,
      ),
    );
    // The camera row on kling-v1 used Kling's own field, the others a prompt sentence.
    const sent = fake.requests.filter((r) => r.method === 'POST' && r.status === 200).map((r) => r.body ?? {});
    expect(sent.filter((b) => b.camera_control).map((b) => b.model_name)).toEqual(['kling-v1']);
    // Omni creates went to their own endpoint, and only there.
    const omni = fake.requests.filter(
      (r) => r.method === 'POST' && r.status === 200 && r.path === '/v1/videos/omni-video',
    );
    expect(new Set(omni.map((r) => r.body?.model_name))).toEqual(new Set(['kling-video-o1', 'kling-v3-omni']));
    expect(omni).toHaveLength(10);
  });

  it('Kling O1 sends 5 or 10 s for text and a first frame, any 3-10 s with an end frame or references', async () => {
    const sent = async (patch: Parameters<typeof genRequest>[0]): Promise<unknown> => {
      await kling.submit(genRequest({ model: 'kling-video-o1', durationSec: 7, ...patch }), ctx());
      return fake.requests.filter((r) => r.method === 'POST').at(-1)?.body?.duration;
    };
    const frame = { assetId: 'a1', path: FIRST_FRAME };
    // A 7 s shot: text and first frame alone round up to 10 (never shorter than the shot).
    expect(await sent({})).toBe('10');
    expect(await sent({ firstFrame: frame })).toBe('10');
    expect(await sent({ durationSec: 4, firstFrame: frame })).toBe('5');
    expect(await sent({ firstFrame: frame, lastFrame: frame })).toBe('7');
    expect(await sent({ references: [{ assetId: 'e1', path: FIRST_FRAME, name: 'Mia' }] })).toBe('7');
  });
});

describe('the strict fake refuses what the adapter used to send', () => {
  const post = (family: string, body: Record<string, unknown>) => postToFakeKling(fake, family, body);
  const prompt = 'a campfire';

  it.each([
    [
      'kling-v2-6 std with sound on (the old default request)',
      'text2video',
      { model_name: 'kling-v2-6', prompt, mode: 'std', duration: '5', aspect_ratio: '16:9', sound: 'on' },
      /sound on requires mode pro/,
    ],
    [
      'image_tail in std mode on kling-v2-6',
      'image2video',
      { model_name: 'kling-v2-6', image: 'AAAA', image_tail: 'AAAA', prompt, mode: 'std', duration: '5' },
      /image_tail requires mode pro/,
    ],
    [
      'image_tail in std mode on kling-v2-5-turbo',
      'image2video',
      { model_name: 'kling-v2-5-turbo', image: 'AAAA', image_tail: 'AAAA', mode: 'std', duration: '5' },
      /image_tail requires mode pro/,
    ],
    [
      'image_tail on a master model',
      'image2video',
      { model_name: 'kling-v2-1-master', image: 'AAAA', image_tail: 'AAAA', mode: 'pro', duration: '5' },
      /image_tail is not supported/,
    ],
    [
      'an unknown model',
      'text2video',
      { model_name: 'kling-v9', prompt, mode: 'std', duration: '5' },
      /model_name kling-v9 is invalid/,
    ],
    [
      'an unknown field',
      'text2video',
      { model_name: 'kling-v3', prompt, mode: 'std', duration: '5', resolution: '1080p' },
      /invalid parameter: resolution/,
    ],
    [
      'a duration the model lacks',
      'text2video',
      { model_name: 'kling-v2-6', prompt, mode: 'pro', duration: '7' },
      /duration 7/,
    ],
    [
      'camera_control on a model without it',
      'text2video',
      {
        model_name: 'kling-v3',
        prompt,
        mode: 'std',
        duration: '5',
        camera_control: { type: 'simple', config: { zoom: 5 } },
      },
      /camera_control is not supported/,
    ],
  ])('%s: 400 with code 1201', async (_name, family, body, why) => {
    const r = await post(family, body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(1201);
    expect(r.body.message).toMatch(why);
    expect(r.body.request_id).toBeTruthy();
  });
});

describe('the strict fake refuses Omni requests Kling refuses', () => {
  const post = (body: Record<string, unknown>) => postToFakeKling(fake, 'omni-video', body);
  const prompt = 'a campfire';
  const frame = (type?: string) => ({ image_url: 'AAAA', ...(type ? { type } : {}) });

  it.each([
    [
      'an unknown Omni model',
      { model_name: 'kling-video-o9', prompt, aspect_ratio: '16:9', duration: '5' },
      /is invalid/,
    ],
    [
      'negative_prompt (not an Omni field)',
      { model_name: 'kling-video-o1', prompt, aspect_ratio: '16:9', duration: '5', negative_prompt: 'blur' },
      /invalid parameter: negative_prompt/,
    ],
    [
      'sound on O1',
      { model_name: 'kling-video-o1', prompt, aspect_ratio: '16:9', duration: '5', sound: 'on' },
      /invalid parameter: sound/,
    ],
    [
      'camera_control',
      { model_name: 'kling-v3-omni', prompt, aspect_ratio: '16:9', duration: '5', camera_control: { type: 'simple' } },
      /invalid parameter: camera_control/,
    ],
    ['no prompt', { model_name: 'kling-video-o1', aspect_ratio: '16:9', duration: '5' }, /prompt is required/],
    [
      'O1 text at 7 s (text takes 5 or 10)',
      { model_name: 'kling-video-o1', prompt, aspect_ratio: '16:9', duration: '7' },
      /duration 7/,
    ],
    [
      'O1 first frame at 3 s',
      { model_name: 'kling-video-o1', prompt, image_list: [frame('first_frame')], duration: '3' },
      /duration 3/,
    ],
    [
      'O1 at 11 s',
      { model_name: 'kling-video-o1', prompt, image_list: [frame('first_frame'), frame('end_frame')], duration: '11' },
      /duration 11/,
    ],
    [
      'an end frame without a first frame',
      { model_name: 'kling-video-o1', prompt, image_list: [frame('end_frame')], aspect_ratio: '16:9', duration: '5' },
      /requires a first_frame/,
    ],
    [
      'an end frame with more than 2 images',
      {
        model_name: 'kling-video-o1',
        prompt,
        image_list: [frame('first_frame'), frame('end_frame'), frame()],
        duration: '5',
      },
      /more than 2 images/,
    ],
    [
      '8 images',
      {
        model_name: 'kling-video-o1',
        prompt,
        image_list: Array.from({ length: 8 }, () => frame()),
        aspect_ratio: '16:9',
        duration: '5',
      },
      /at most 7/,
    ],
    [
      'aspect_ratio beside a first frame',
      { model_name: 'kling-video-o1', prompt, image_list: [frame('first_frame')], aspect_ratio: '16:9', duration: '5' },
      /aspect_ratio is not supported/,
    ],
    ['text without aspect_ratio', { model_name: 'kling-video-o1', prompt, duration: '5' }, /aspect_ratio is required/],
    [
      'a data: URI picture',
      {
        model_name: 'kling-video-o1',
        prompt,
        image_list: [{ image_url: 'data:image/png;base64,AAAA', type: 'first_frame' }],
        duration: '5',
      },
      /raw base64/,
    ],
    [
      'a numeric duration',
      { model_name: 'kling-v3-omni', prompt, aspect_ratio: '16:9', duration: 5 },
      /must be a string/,
    ],
  ])('%s: 400 with code 1201', async (_name, body, why) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(1201);
    expect(r.body.message).toMatch(why);
    expect(r.body.request_id).toBeTruthy();
  });

  it('accepts the documented shapes (text 10 s, first + last 3 s, 3.0 Omni 15 s with sound)', async () => {
    const ok = [
      { model_name: 'kling-video-o1', prompt, aspect_ratio: '1:1', duration: '10', mode: 'pro' },
      { model_name: 'kling-video-o1', prompt, image_list: [frame('first_frame'), frame('end_frame')], duration: '3' },
      { model_name: 'kling-v3-omni', prompt, aspect_ratio: '9:16', duration: '15', sound: 'on' },
    ];
    for (const body of ok) expect((await post(body)).status).toBe(200);
  });
});
