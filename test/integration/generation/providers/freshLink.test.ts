/**
 * Expiring output links (JOB-6): for every provider whose output URL is signed and expires, a
 * link that has expired by the time it is downloaded is read again from the provider's task (a
 * freshly signed URL) before the job is called expired; when the fresh link fails too, the job
 * is `expired`, never generated (paid) again. Kling and Seedance are covered in their own tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMinimaxProvider } from '../../../../electron/services/generation/providers/minimax.js';
import { createRunwayProvider } from '../../../../electron/services/generation/providers/runway.js';
import { createViduProvider } from '../../../../electron/services/generation/providers/vidu.js';
import { createWanProvider } from '../../../../electron/services/generation/providers/wan.js';
import type { ProviderAdapter, ProviderContext } from '../../../../electron/services/generation/types.js';
import type { CloudFake } from '../../../fakes/cloudTaskFake.js';
import { FAKE_MINIMAX_KEY, startFakeMinimax, type FakeMinimax } from '../../../fakes/minimax.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { startFakeRunway, type FakeRunway } from '../../../fakes/runway.js';
import { startFakeVidu, type FakeVidu } from '../../../fakes/vidu.js';
import { startFakeWan } from '../../../fakes/wan.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle } from './harness.js';

const root = tempDir();
let runway: FakeRunway;
let minimax: FakeMinimax;
let vidu: FakeVidu;
let wan: CloudFake;

beforeAll(async () => {
  [runway, minimax, vidu, wan] = await Promise.all([
    startFakeRunway({ runMs: 20 }),
    startFakeMinimax({ runMs: 20 }),
    startFakeVidu({ runMs: 20 }),
    startFakeWan({ runMs: 20 }),
  ]);
});
afterAll(async () => {
  await Promise.all([runway.close(), minimax.close(), vidu.close(), wan.close()]);
});

interface Row {
  name: string;
  adapter: () => ProviderAdapter;
  settings: () => ProviderContext['settings'];
  model: string;
  /** The next N downloads answer "expired". */
  stale: (n: number) => void;
  /** Output download URLs requested so far. */
  downloads: () => string[];
}

const rows: Row[] = [
  {
    name: 'runway',
    adapter: () => createRunwayProvider(),
    settings: () => ({ baseUrl: runway.url, apiKey: 'test-key' }),
    model: 'gen4.5',
    stale: (n) => runway.set({ staleLinks: n }),
    downloads: () => runway.requests.filter((r) => r.path.startsWith('/__output/')).map((r) => r.path),
  },
  {
    name: 'minimax',
    adapter: () => createMinimaxProvider(),
    settings: () => ({ baseUrl: minimax.url, apiKey: FAKE_MINIMAX_KEY }),
    model: 'MiniMax-Hailuo-2.3',
    stale: (n) => minimax.set({ staleLinks: n }),
    downloads: () => minimax.requests.filter((r) => r.path.startsWith('/dl/')).map((r) => r.path),
  },
  {
    name: 'vidu',
    adapter: () => createViduProvider({ env: {} }),
    settings: () => ({ baseUrl: vidu.baseUrl, apiKey: 'test-key' }),
    model: 'viduq3-pro',
    stale: (n) => vidu.set({ staleLinks: n }),
    downloads: () => vidu.downloads(),
  },
  {
    name: 'wan',
    adapter: () => createWanProvider({ env: {} }),
    settings: () => ({ baseUrl: wan.url, apiKey: 'test-key' }),
    model: 'wan2.6-t2v',
    stale: (n) => wan.set({ staleLinks: n }),
    downloads: () => wan.downloads(),
  },
];

describe('an expired output link is read again from the task', () => {
  it.each(rows)('$name: one stale link -> a fresh one is downloaded', async (row) => {
    const adapter = row.adapter();
    const ctx: ProviderContext = { tmpDir: root, settings: row.settings() };
    const { taskId } = await adapter.submit(genRequest({ model: row.model }), ctx);
    await settle(adapter, taskId, ctx);
    const before = row.downloads().length;
    row.stale(1);
    const dest = join(root, `${row.name}-fresh.mp4`);
    await adapter.fetchResult(taskId, dest, ctx);
    expect(existsSync(dest)).toBe(true);
    const tried = row.downloads().slice(before);
    expect(tried).toHaveLength(2);
    // The second try is a new link (a fresh signature), not the stale one again.
    expect(tried[1]).not.toBe(tried[0]);
  });

  it.each(rows)('$name: the fresh link gone too -> expired (not re-generated)', async (row) => {
    const adapter = row.adapter();
    const ctx: ProviderContext = { tmpDir: root, settings: row.settings() };
    const { taskId } = await adapter.submit(genRequest({ model: row.model }), ctx);
    await settle(adapter, taskId, ctx);
    row.stale(2);
    const err = await adapter.fetchResult(taskId, join(root, `${row.name}-gone.mp4`), ctx).then(
      () => null,
      (e: unknown) => e,
    );
    row.stale(0);
    expect(err).toMatchObject({ code: 'PROVIDER_FAILED', details: { expired: true, failureKind: 'expired' } });
    expect(existsSync(join(root, `${row.name}-gone.mp4`))).toBe(false);
  });
});
