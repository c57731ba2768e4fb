/**
 * Veo: the per-model request table at 1080p against the strict Gemini API fake
 * (test/fakes/veoRules.ts), and the requests the adapter used to send, now refused.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVeoProvider, VEO_CAPABILITIES } from '../../../../electron/services/generation/providers/veo.js';
import type { ProviderContext } from '../../../../electron/services/generation/types.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { startFakeVeo, type FakeVeo } from '../../../fakes/veo.js';
import { expectLedger, ledgerOf } from '../../../helpers/requestLedger.js';
import { requestTable, sends, type BodyTable, type RefusalTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';

const root = tempDir();
let fake: FakeVeo;
const veo = createVeoProvider();
const ctx = (): ProviderContext => ({ tmpDir: root, settings: { baseUrl: fake.url, apiKey: 'test-key' } });
const creates = () => fake.requests.filter((r) => r.method === 'POST');

beforeAll(async () => {
  fake = await startFakeVeo({ runMs: 20 });
});
afterAll(() => fake.close());

describe('Veo request table against the strict fake', () => {
  it.each([
    ['1080p', 1920, 1080],
    ['720p', 1280, 720],
  ] as const)(
    '%s: every Veo 3.1 model sends what the Gemini API accepts, or refuses first',
    async (resolution, width, height) => {
      const sources = new Map<string, string>();
      const bodies: BodyTable = {};
      const refusals: RefusalTable = {};
      const table = await requestTable(
        VEO_CAPABILITIES.models.map((m) => m.id),
        {
          provider: 'veo',
          submit: (req) => veo.submit(req, ctx()),
          received: () => creates().length,
          accepted: () => fake.creates,
          lastCreate: () => creates().at(-1),
          bodies,
          refusals,
          patch: { width, height, durationSec: 4 },
          async extendRef(model) {
            if (!sources.has(model)) {
              const { taskId } = await veo.submit(genRequest({ model: 'veo-3.1-generate-preview' }), ctx());
              for (let i = 0; i < 200 && (await veo.poll(taskId, ctx())).state === 'running'; i++)
                await new Promise((r) => setTimeout(r, 10));
              sources.set(model, (await veo.fetchResult(taskId, join(root, `${model}.mp4`), ctx()))?.outputRef ?? '');
            }
            return sources.get(model) ?? null;
          },
        },
      );
      expect(table).toEqual({
        'veo-3.1-generate-preview': sends('text', 'firstFrame', 'firstLast', 'references', 'extend', 'camera'),
        'veo-3.1-fast-generate-preview': sends('text', 'firstFrame', 'firstLast', 'references', 'extend', 'camera'),
        // Lite takes no references (the runner sends it none; asked directly, the adapter refuses) and cannot extend.
        'veo-3.1-lite-generate-preview': sends('text', 'firstFrame', 'firstLast', 'camera'),
      });
      await expectLedger(
        ledgerOf(
          'veo',
          resolution,
          VEO_CAPABILITIES.models.map((m) => m.id),
          bodies,
          refusals,
        ),
      );
      const sent = creates().filter(
        (c) => (c.body as { parameters?: { resolution?: string } }).parameters?.resolution === '1080p',
      );
      for (const c of sent)
        expect((c.body as { parameters: { durationSeconds: number } }).parameters.durationSeconds).toBe(8);
    },
  );
});

describe('the strict Veo fake refuses what the adapter used to send', () => {
  const post = async (model: string, body: unknown) => {
    const res = await fetch(`${fake.url}/v1beta/models/${model}:predictLongRunning`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'test-key', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error: { code: number; status: string; message: string } },
    };
  };
  const instances = [{ prompt: 'a horse at dawn' }];

  it.each([
    [
      '1080p at 4 s (the old HD request)',
      'veo-3.1-generate-preview',
      { instances, parameters: { sampleCount: 1, durationSeconds: 4, resolution: '1080p' } },
      400,
      /must be 8/,
    ],
    [
      '4k at 6 s',
      'veo-3.1-fast-generate-preview',
      { instances, parameters: { sampleCount: 1, durationSeconds: 6, resolution: '4k' } },
      400,
      /must be 8/,
    ],
    [
      'a Veo 3.0 model (shut down)',
      'veo-3.0-generate-001',
      { instances, parameters: { sampleCount: 1, durationSeconds: 8 } },
      404,
      /not found/,
    ],
    [
      '4k on Lite',
      'veo-3.1-lite-generate-preview',
      { instances, parameters: { durationSeconds: 8, resolution: '4k' } },
      400,
      /resolution 4k/,
    ],
    ['a 5 s duration', 'veo-3.1-generate-preview', { instances, parameters: { durationSeconds: 5 } }, 400, /4, 6 or 8/],
    [
      'a seed (Vertex only)',
      'veo-3.1-generate-preview',
      { instances, parameters: { durationSeconds: 8, seed: 42 } },
      400,
      /Unknown name "seed"/,
    ],
  ])('%s', async (_name, model, body, status, why) => {
    const r = await post(model, body);
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(status);
    expect(r.body.error.message).toMatch(why);
  });
});
