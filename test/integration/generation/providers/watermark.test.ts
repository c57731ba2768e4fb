/**
 * The per-provider watermark setting (shared/generation/watermark.ts) reaches each API's own field
 * — Wan parameters.watermark, Seedance watermark / --watermark, Kling watermark_info, Vidu
 * watermark — off by default and on when the setting says so, and each strict fake accepts both.
 * With it on, Kling's take is the watermarked copy the task answers.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKlingProvider } from '../../../../electron/services/generation/providers/kling.js';
import { createSeedanceProvider } from '../../../../electron/services/generation/providers/seedance.js';
import { createViduProvider } from '../../../../electron/services/generation/providers/vidu.js';
import { createWanProvider } from '../../../../electron/services/generation/providers/wan.js';
import type { ProviderAdapter, ProviderContext } from '../../../../electron/services/generation/types.js';
import { startFakeKling, type FakeKling } from '../../../fakes/kling.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { SEEDANCE_FAKE_KEY, startFakeSeedance, type FakeSeedance } from '../../../fakes/seedance.js';
import { startFakeVidu, type FakeVidu } from '../../../fakes/vidu.js';
import { startFakeWan } from '../../../fakes/wan.js';
import type { CloudFake } from '../../../fakes/cloudTaskFake.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle } from './harness.js';

const root = tempDir();
let kling: FakeKling;
let seedance: FakeSeedance;
let vidu: FakeVidu;
let wan: CloudFake;

beforeAll(async () => {
  [kling, seedance, vidu, wan] = await Promise.all([
    startFakeKling({ runMs: 20 }),
    startFakeSeedance({ runMs: 20 }),
    startFakeVidu({ runMs: 20 }),
    startFakeWan({ runMs: 20 }),
  ]);
});
afterAll(async () => {
  await Promise.all([kling.close(), seedance.close(), vidu.close(), wan.close()]);
});

interface Row {
  name: string;
  adapter: () => ProviderAdapter;
  settings: () => ProviderContext['settings'];
  model: string;
  /** The last create body the fake accepted. */
  lastBody: () => Record<string, unknown>;
  /** The watermark as the body carries it (undefined: not sent). */
  field: (body: Record<string, unknown>) => unknown;
}

const text = (b: Record<string, unknown>) =>
  ((b.content as { type: string; text?: string }[] | undefined) ?? []).find((c) => c.type === 'text')?.text ?? '';

const rows: Row[] = [
  {
    name: 'wan',
    adapter: () => createWanProvider({ env: {} }),
    settings: () => ({ baseUrl: wan.url, apiKey: 'test-key' }),
    model: 'wan2.6-t2v',
    lastBody: () => wan.requests.filter((r) => r.method === 'POST').at(-1)?.body ?? {},
    field: (b) => (b.parameters as Record<string, unknown>).watermark,
  },
  {
    name: 'seedance 2.0 (body field)',
    adapter: () => createSeedanceProvider({ env: {} }),
    settings: () => ({ baseUrl: seedance.url, apiKey: SEEDANCE_FAKE_KEY }),
    model: 'seedance-2-0',
    lastBody: () => (seedance.createRequests().at(-1)?.body ?? {}) as Record<string, unknown>,
    field: (b) => b.watermark,
  },
  {
    name: 'seedance 1.0 (text flag)',
    adapter: () => createSeedanceProvider({ env: {} }),
    settings: () => ({ baseUrl: seedance.url, apiKey: SEEDANCE_FAKE_KEY }),
    model: 'seedance-1-0-pro',
    lastBody: () => (seedance.createRequests().at(-1)?.body ?? {}) as Record<string, unknown>,
    field: (b) => /--watermark (\w+)/.exec(text(b))?.[1] === 'true',
  },
  {
    name: 'kling',
    adapter: () => createKlingProvider({ env: {} }),
    settings: () => ({ baseUrl: kling.url, apiKey: kling.apiKey }),
    model: 'kling-v3',
    lastBody: () => kling.requests.filter((r) => r.method === 'POST' && r.status === 200).at(-1)?.body ?? {},
    field: (b) => (b.watermark_info as { enabled?: boolean } | undefined)?.enabled,
  },
  {
    name: 'vidu',
    adapter: () => createViduProvider({ env: {} }),
    settings: () => ({ baseUrl: vidu.baseUrl, apiKey: 'test-key' }),
    model: 'viduq3-pro',
    lastBody: () => vidu.requests.filter((r) => r.method === 'POST' && !r.path.includes('/tasks/')).at(-1)?.body ?? {},
    field: (b) => b.watermark,
  },
];

describe('watermark setting per provider', () => {
  it.each(rows)('$name: off by default, on when set, and the fake accepts both', async (row) => {
    const adapter = row.adapter();
    const sent: unknown[] = [];
    for (const watermark of [undefined, false, true]) {
      const settings = { ...row.settings(), ...(watermark === undefined ? {} : { watermark }) };
      await adapter.submit(genRequest({ model: row.model }), { tmpDir: root, jobId: `wm-${sent.length}`, settings });
      sent.push(row.field(row.lastBody()) ?? 'absent');
    }
    // Off by default: either sent as false or left to the API's default (off).
    expect(sent[2]).toBe(true);
    expect([false, 'absent']).toContain(sent[0]);
    expect(sent[1]).toBe(sent[0]);
  });

  it('kling: with the setting on, the take is the watermarked copy Kling answers', async () => {
    const adapter = createKlingProvider({ env: {} });
    const ctx: ProviderContext = {
      tmpDir: root,
      settings: { baseUrl: kling.url, apiKey: kling.apiKey, watermark: true },
    };
    const { taskId } = await adapter.submit(genRequest({ model: 'kling-v3' }), ctx);
    await settle(adapter, taskId, ctx);
    await adapter.fetchResult(taskId, join(root, 'wm.mp4'), ctx);
    const download = kling.requests.filter((r) => r.path.startsWith('/cdn/')).at(-1);
    expect(download?.path).toMatch(/wm=1/);
  });
});
