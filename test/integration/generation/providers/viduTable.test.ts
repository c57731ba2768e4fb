/**
 * Vidu: the per-model request table against the strict fake (test/fakes/viduRules.ts: which
 * model each endpoint takes), and the requests the adapter used to send, now refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViduProvider } from '../../../../electron/services/generation/providers/vidu.js';
import { VIDU_MODELS } from '../../../../electron/services/generation/providers/vidu/models.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { FIRST_FRAME } from '../../../fakes/providerRequest.js';
import { startFakeVidu, type FakeVidu } from '../../../fakes/vidu.js';
import { expectLedger, ledgerOf } from '../../../helpers/requestLedger.js';
import { requestTable, sends, type BodyTable, type RefusalTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';
import { readFileSync } from 'node:fs';

const root = tempDir();
let fake: FakeVidu;
const vidu = createViduProvider();
const ctx = (jobId: string): ProviderContext => ({
  tmpDir: root,
  jobId,
  settings: { baseUrl: fake.baseUrl, apiKey: 'test-key' },
});

beforeAll(async () => {
  fake = await startFakeVidu({ runMs: 20 });
});
afterAll(() => fake.close());

describe('Vidu request table against the strict fake', () => {
  it('each model goes to the endpoints Vidu gives it, or is refused before sending', async () => {
    const bodies: BodyTable = {};
    const refusals: RefusalTable = {};
    const creates = () => fake.requests.filter((r) => r.method === 'POST' && !r.path.includes('/tasks/'));
    const table = await requestTable(
      VIDU_MODELS.map((m) => m.id),
      {
        provider: 'vidu',
        submit: (req, jobId) => vidu.submit(req, ctx(jobId)),
        received: () => creates().length,
        accepted: () => fake.creates,
        lastCreate: () => creates().at(-1),
        bodies,
        refusals,
      },
    );
    expect(table).toEqual({
      'viduq3-pro': sends('text', 'firstFrame', 'firstLast', 'references', 'camera'),
      'viduq3-turbo': sends('text', 'firstFrame', 'firstLast', 'references', 'camera'),
      viduq2: sends('text', 'references', 'camera'),
      viduq1: sends('text', 'firstFrame', 'firstLast', 'references', 'camera'),
    });
    await expectLedger(
      ledgerOf(
        'vidu',
        '',
        VIDU_MODELS.map((m) => m.id),
        bodies,
        refusals,
      ),
    );
    const paths = (model: string) =>
      fake.requests.filter((r) => r.method === 'POST' && r.body?.model === model).map((r) => r.path);
    expect(paths('viduq2')).toEqual(['/ent/v2/text2video', '/ent/v2/reference2video', '/ent/v2/text2video']);
  });
});

describe('the strict Vidu fake refuses what the adapter used to send', () => {
  const png = `data:image/png;base64,${readFileSync(FIRST_FRAME).toString('base64')}`;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await fetch(`${fake.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: 'Token test-key', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { code: number; reason: string; message: string } };
  };

  it.each([
    [
      'first + last frames on viduq2',
      '/start-end2video',
      { model: 'viduq2', images: [png, png], prompt: 'x' },
      /not supported by \/start-end2video/,
    ],
    [
      'a first frame on viduq2',
      '/img2video',
      { model: 'viduq2', images: [png], prompt: 'x' },
      /not supported by \/img2video/,
    ],
    [
      'references on q3',
      '/reference2video',
      { model: 'viduq3-pro', images: [png], prompt: 'x' },
      /not supported by \/reference2video/,
    ],
    ['10 s on viduq1', '/text2video', { model: 'viduq1', prompt: 'x', duration: 10 }, /duration 10/],
    [
      'an unknown field',
      '/text2video',
      { model: 'viduq3-pro', prompt: 'x', negative_prompt: 'y' },
      /unknown field negative_prompt/,
    ],
  ])('%s: 400 BadRequest', async (_name, path, body, why) => {
    const r = await post(path, body);
    expect(r.status).toBe(400);
    expect(r.body.reason).toBe('BadRequest');
    expect(r.body.message).toMatch(why);
  });
});
