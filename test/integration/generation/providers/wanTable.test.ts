/**
 * Wan: the per-model request table against the strict DashScope fake (test/fakes/wanRules.ts:
 * each model's own sizes, tiers and durations), at 720p and 480p, and the requests the adapter
 * used to send, now refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWanProvider } from '../../../../electron/services/generation/providers/wan.js';
import { WAN_MODELS } from '../../../../electron/services/generation/providers/wan/models.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { startFakeWan, WAN_VIDEO } from '../../../fakes/wan.js';
import { expectLedger, ledgerOf } from '../../../helpers/requestLedger.js';
import { requestTable, sends, type BodyTable, type RefusalTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';

const root = tempDir();
let fake: Awaited<ReturnType<typeof startFakeWan>>;
const wan = createWanProvider({ env: {} });
const ctx = (jobId: string): ProviderContext => ({
  tmpDir: root,
  jobId,
  settings: { baseUrl: fake.url, apiKey: 'test-key' },
});
const creates = () => fake.requests.filter((r) => r.method === 'POST' && r.path.includes('video-synthesis'));

beforeAll(async () => {
  fake = await startFakeWan({ runMs: 20 });
});
afterAll(() => fake.close());

const text = sends('text', 'references', 'camera');
const image = sends('firstFrame');
const EXPECTED = {
  auto: sends('text', 'firstFrame', 'firstLast', 'references', 'camera'),
  'wan2.6-t2v': text,
  'wan2.2-t2v-plus': text,
  'wanx2.1-t2v-turbo': text,
  'wan2.7-i2v': sends('firstFrame', 'firstLast'),
  'wan2.6-i2v': image,
  'wan2.6-i2v-flash': image,
  'wan2.2-i2v-plus': image,
  'wan2.2-i2v-flash': image,
  'wan2.2-kf2v-flash': sends('firstFrame', 'firstLast'),
  'wan2.7-r2v': sends('references'),
  'wan2.6-r2v': sends('references'),
  'wan2.6-r2v-flash': sends('references'),
};

describe('Wan request table against the strict fake', () => {
  it.each([
    ['720p', 1280, 720],
    ['1080p', 1920, 1080],
    ['480p', 854, 480],
  ] as const)(
    '%s: each model is sent at a size or tier it has, or refused first',
    async (resolution, width, height) => {
      const bodies: BodyTable = {};
      const refusals: RefusalTable = {};
      const table = await requestTable(
        WAN_MODELS.map((m) => m.id),
        {
          provider: 'wan',
          submit: (req, jobId) => wan.submit(req, ctx(`${jobId}-${randomUUID()}`)),
          received: () => creates().length,
          accepted: () => fake.creates,
          lastCreate: () => creates().at(-1),
          bodies,
          refusals,
          patch: { width, height },
        },
      );
      expect(table).toEqual(EXPECTED);
      await expectLedger(
        ledgerOf(
          'wan',
          resolution,
          WAN_MODELS.map((m) => m.id),
          bodies,
          refusals,
        ),
      );
    },
  );
});

describe('the strict Wan fake refuses what the adapter used to send', () => {
  const post = async (body: Record<string, unknown>) => {
    const res = await fetch(`${fake.url}${WAN_VIDEO}`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key', 'content-type': 'application/json', 'x-dashscope-async': 'enable' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { code: string; message: string; request_id: string } };
  };
  const png = 'data:image/png;base64,iVBORw0KGgo=';

  it.each([
    [
      'wan2.2-t2v-plus at 1280*720',
      { model: 'wan2.2-t2v-plus', input: { prompt: 'x' }, parameters: { size: '1280*720' } },
      /1280\*720 is not supported by wan2.2-t2v-plus/,
    ],
    [
      'wanx2.1-t2v-turbo at 1920*1080',
      { model: 'wanx2.1-t2v-turbo', input: { prompt: 'x' }, parameters: { size: '1920*1080' } },
      /1920\*1080 is not supported/,
    ],
    [
      'wan2.2-i2v-plus at 720P',
      { model: 'wan2.2-i2v-plus', input: { prompt: 'x', img_url: png }, parameters: { resolution: '720P' } },
      /720P is not supported by wan2.2-i2v-plus/,
    ],
    [
      'a 2.2 model at 8 s',
      {
        model: 'wan2.2-i2v-flash',
        input: { prompt: 'x', img_url: png },
        parameters: { resolution: '720P', duration: 8 },
      },
      /duration 8/,
    ],
  ])('%s: 400 InvalidParameter', async (_name, body, why) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('InvalidParameter');
    expect(r.body.message).toMatch(why);
    expect(r.body.request_id).toBeTruthy();
  });
});
