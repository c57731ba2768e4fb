/**
 * Seedance: the per-model request table against the strict Ark fake of each region
 * (test/fakes/seedanceRules.ts), and the requests the adapter used to send, now refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedanceProvider } from '../../../../electron/services/generation/providers/seedance.js';
import { SEEDANCE_MODELS } from '../../../../electron/services/generation/providers/seedance/models.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { SEEDANCE_FAKE_KEY, startFakeSeedance, type FakeSeedance } from '../../../fakes/seedance.js';
import { expectLedger, ledgerOf } from '../../../helpers/requestLedger.js';
import { requestTable, sends, type BodyTable, type RefusalTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';

const root = tempDir();
const fakes: Partial<Record<'intl' | 'cn', FakeSeedance>> = {};

beforeAll(async () => {
  fakes.intl = await startFakeSeedance({ region: 'intl' });
  fakes.cn = await startFakeSeedance({ region: 'cn' });
});
afterAll(async () => {
  await fakes.intl?.close();
  await fakes.cn?.close();
});

const EXPECTED = {
  'seedance-2-0': sends('text', 'firstFrame', 'firstLast', 'references', 'camera'),
  'seedance-2-0-fast': sends('text', 'firstFrame', 'firstLast', 'references', 'camera'),
  'seedance-1-0-pro': sends('text', 'firstFrame', 'firstLast', 'references', 'camera'),
  'seedance-1-0-lite-t2v': sends('text', 'references', 'camera'),
  'seedance-1-0-lite-i2v': sends('firstFrame', 'firstLast', 'references'),
};

describe('Seedance request table against the strict Ark fake, per region', () => {
  it.each(['intl', 'cn'] as const)(
    "%s: each model is sent with the region's own id, or refused before sending",
    async (region) => {
      const fake = fakes[region] as FakeSeedance;
      // The fakes listen on 127.0.0.1: the region comes from the setting gateways use.
      const sd = createSeedanceProvider({ env: { STORYBOARD_SEEDANCE_REGION: region } });
      const ctx = (jobId: string): ProviderContext => ({
        tmpDir: root,
        jobId,
        settings: { baseUrl: fake.url, apiKey: SEEDANCE_FAKE_KEY },
      });
      const bodies: BodyTable = {};
      const refusals: RefusalTable = {};
      const table = await requestTable(
        SEEDANCE_MODELS.map((m) => m.id),
        {
          provider: 'seedance',
          submit: (req, jobId) => sd.submit(req, ctx(jobId)),
          received: () => fake.createRequests().length,
          accepted: () => fake.creates,
          lastCreate: () => fake.createRequests().at(-1),
          bodies,
          refusals,
          patch: { width: 1920, height: 1080 },
        },
      );
      expect(table).toEqual(EXPECTED);
      await expectLedger(
        ledgerOf(
          'seedance',
          region,
          SEEDANCE_MODELS.map((m) => m.id),
          bodies,
          refusals,
        ),
      );
      const models = new Set(fake.createRequests().map((r) => (r.body as { model: string }).model));
      expect([...models].every((m) => (region === 'cn' ? m.startsWith('doubao-') : !m.startsWith('doubao-')))).toBe(
        true,
      );
    },
  );
});

describe('the strict Ark fake refuses what the adapter used to send', () => {
  const post = async (fake: FakeSeedance, body: Record<string, unknown>) => {
    const res = await fetch(`${fake.url}/contents/generations/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SEEDANCE_FAKE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
  };
  const text = [{ type: 'text', text: 'a campfire' }];

  it.each([
    [
      'the Volcengine 2.0 id on BytePlus (the old default)',
      'intl',
      { model: 'doubao-seedance-2-0-260128', content: text },
      404,
      'InvalidEndpointOrModel.NotFound',
    ],
    [
      'a 1.0 id without its doubao- prefix on Volcengine',
      'cn',
      { model: 'seedance-1-0-pro-250528', content: text },
      404,
      'InvalidEndpointOrModel.NotFound',
    ],
    [
      '2.0 Fast at 1080p',
      'intl',
      { model: 'dreamina-seedance-2-0-fast-260128', content: text, resolution: '1080p' },
      400,
      'InvalidParameter',
    ],
    [
      'camera_fixed on 2.0 (not a 2.0 parameter)',
      'intl',
      { model: 'dreamina-seedance-2-0-260128', content: text, camera_fixed: true },
      400,
      'InvalidParameter',
    ],
    [
      'an unknown text command on 1.0',
      'intl',
      { model: 'seedance-1-0-pro-250528', content: [{ type: 'text', text: 'a campfire --fps 24' }] },
      400,
      'InvalidParameter',
    ],
    [
      'a duration 2.0 lacks',
      'cn',
      { model: 'doubao-seedance-2-0-260128', content: text, duration: 20 },
      400,
      'InvalidParameter',
    ],
  ] as const)('%s', async (_name, region, body, status, code) => {
    const r = await post(fakes[region] as FakeSeedance, body);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toBeTruthy();
  });
});
