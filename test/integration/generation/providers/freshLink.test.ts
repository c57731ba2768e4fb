/**
 * Expiring output links (JOB-6): for every provider whose output URL is signed and expires, a
 * link that has expired by the time it is downloaded is read again from the provider's task (a
 * freshly signed URL) before the job is called expired; when the fresh link fails too, the job
 * is `expired`, never generated (paid) again. fal and Replicate answer the same (unsigned CDN)
 * link on every read: the task is read again and, still listing it, the link is tried once more.
 * One row per protocol of the newer endpoints too: fal's queue (Kling O3), Replicate's
 * predictions (Kling 3.0 Omni) and Runway's video_to_video (Aleph 2 restyling a clip). Luma Agents
 * presigns its outputs for 1 h on every read; Luma's Dream Machine lists one asset URL (read again
 * and retried once). Kling and Seedance are covered in their own tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMinimaxProvider } from '../../../../electron/services/generation/providers/minimax.js';
import { createRunwayProvider } from '../../../../electron/services/generation/providers/runway.js';
import { createViduProvider } from '../../../../electron/services/generation/providers/vidu.js';
import { createWanProvider } from '../../../../electron/services/generation/providers/wan.js';
import { createFalProvider } from '../../../../electron/services/generation/providers/fal.js';
import { createReplicateProvider } from '../../../../electron/services/generation/providers/replicate.js';
import { createLumaProvider } from '../../../../electron/services/generation/providers/luma.js';
import { createLumaAgentsProvider } from '../../../../electron/services/generation/providers/luma-agents.js';
import type {
  GenerationRequest,
  ProviderAdapter,
  ProviderContext,
} from '../../../../electron/services/generation/types.js';
import type { CloudFake } from '../../../fakes/cloudTaskFake.js';
import { startFakeFal, type FakeFal } from '../../../fakes/fal.js';
import { startFakeReplicate, type FakeReplicate } from '../../../fakes/replicate.js';
import { startFakeLuma, type FakeLuma } from '../../../fakes/luma.js';
import { startFakeLumaAgents, type FakeLumaAgents } from '../../../fakes/luma-agents.js';
import { FAKE_MINIMAX_KEY, startFakeMinimax, type FakeMinimax } from '../../../fakes/minimax.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { startFakeRunway, type FakeRunway } from '../../../fakes/runway.js';
import { startFakeVidu, type FakeVidu } from '../../../fakes/vidu.js';
import { startFakeWan } from '../../../fakes/wan.js';
import { realMedia } from '../../../helpers/realMedia.js';
import { tempDir } from '../../../helpers/tmp.js';
import { settle } from './harness.js';

const root = tempDir();
let runway: FakeRunway;
let minimax: FakeMinimax;
let vidu: FakeVidu;
let wan: CloudFake;
let fal: FakeFal;
let replicate: FakeReplicate;
let luma: FakeLuma;
let agents: FakeLumaAgents;

beforeAll(async () => {
  [runway, minimax, vidu, wan, fal, replicate, luma, agents] = await Promise.all([
    startFakeRunway({ runMs: 20 }),
    startFakeMinimax({ runMs: 20 }),
    startFakeVidu({ runMs: 20 }),
    startFakeWan({ runMs: 20 }),
    startFakeFal({ runMs: 20 }),
    startFakeReplicate({ runMs: 20 }),
    startFakeLuma({ runMs: 20 }),
    startFakeLumaAgents({ runMs: 20 }),
  ]);
});
afterAll(async () => {
  await Promise.all([
    runway.close(),
    minimax.close(),
    vidu.close(),
    wan.close(),
    fal.close(),
    replicate.close(),
    luma.close(),
    agents.close(),
  ]);
});

/** A take's clip to restyle (Runway Aleph 2). */
const SOURCE = {
  takeId: 't-src',
  assetId: 'v1',
  path: realMedia('ai-clip-horse-720x480-8fps.mp4'),
  durationSec: 5,
};

interface Row {
  name: string;
  adapter: () => ProviderAdapter;
  settings: () => ProviderContext['settings'];
  model: string;
  /** The next N downloads answer "expired". */
  stale: (n: number) => void;
  /** Output download URLs requested so far. */
  downloads: () => string[];
  /** More of the request than the model (a clip to restyle). */
  patch?: Partial<GenerationRequest>;
  /** The provider answers the same link on every read (fal, Replicate): the retry is that link. */
  stableLink?: boolean;
  /** Reads of the task (or result) so far, where the row checks the retry read it again. */
  taskReads?: () => number;
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
  {
    name: 'runway aleph2 (video_to_video)',
    adapter: () => createRunwayProvider(),
    settings: () => ({ baseUrl: runway.url, apiKey: 'test-key' }),
    model: 'aleph2',
    patch: { sourceVideo: SOURCE },
    stale: (n) => runway.set({ staleLinks: n }),
    downloads: () => runway.requests.filter((r) => r.path.startsWith('/__output/')).map((r) => r.path),
    taskReads: () => runway.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/tasks/')).length,
  },
  {
    name: 'fal kling o3 (queue result)',
    adapter: () => createFalProvider(),
    settings: () => ({ baseUrl: fal.url, apiKey: 'test-key' }),
    model: 'fal-ai/kling-video/o3/standard',
    stale: (n) => {
      fal.staleLinks = n;
    },
    downloads: () => fal.requests.filter((r) => r.path.startsWith('/files/')).map((r) => r.path),
    stableLink: true,
    taskReads: () =>
      fal.seen().filter((q) => q.method === 'GET' && /\/requests\/[^/]+$/.test(q.target?.pathname ?? '')).length,
  },
  {
    name: 'replicate kling-v3-omni (prediction)',
    adapter: () => createReplicateProvider(),
    settings: () => ({ baseUrl: replicate.url, apiKey: 'test-key' }),
    model: 'kwaivgi/kling-v3-omni-video',
    stale: (n) => {
      replicate.staleLinks = n;
    },
    downloads: () => replicate.requests.filter((r) => r.path.startsWith('/files/')).map((r) => r.path),
    stableLink: true,
    taskReads: () =>
      replicate.requests.filter((r) => r.method === 'GET' && /^\/v1\/predictions\/[^/]+$/.test(r.path)).length,
  },
  {
    name: 'luma-agents (presigned 1 h)',
    adapter: () => createLumaAgentsProvider(),
    settings: () => ({ baseUrl: agents.url, apiKey: 'test-key' }),
    model: 'ray-3.2',
    stale: (n) => agents.set({ staleLinks: n }),
    downloads: () => agents.requests.filter((r) => r.path.startsWith('/__out/')).map((r) => r.path),
    taskReads: () =>
      agents.requests.filter((r) => r.method === 'GET' && /^\/v1\/generations\/[\w-]+$/.test(r.path)).length,
  },
  {
    name: 'luma (assets.video)',
    adapter: () => createLumaProvider(),
    settings: () => ({ baseUrl: luma.url, apiKey: 'test-key' }),
    model: 'ray-2',
    stale: (n) => luma.set({ staleLinks: n }),
    downloads: () => luma.requests.filter((r) => r.path.startsWith('/__assets/')).map((r) => r.path),
    stableLink: true,
    taskReads: () =>
      luma.requests.filter((r) => r.method === 'GET' && /^\/dream-machine\/v1\/generations\/[\w-]+$/.test(r.path))
        .length,
  },
];

describe('an expired output link is read again from the task', () => {
  it.each(rows)('$name: one stale link -> a fresh one is downloaded', async (row) => {
    const adapter = row.adapter();
    const ctx: ProviderContext = { tmpDir: root, settings: row.settings() };
    const { taskId } = await adapter.submit(genRequest({ model: row.model, ...row.patch }), ctx);
    await settle(adapter, taskId, ctx);
    const before = row.downloads().length;
    const readsBefore = row.taskReads?.() ?? 0;
    row.stale(1);
    const dest = join(root, `${row.name}-fresh.mp4`);
    await adapter.fetchResult(taskId, dest, ctx);
    expect(existsSync(dest)).toBe(true);
    const tried = row.downloads().slice(before);
    expect(tried).toHaveLength(2);
    // The second try is a new link (a fresh signature), not the stale one again; or, where the
    // provider keeps one link, that link as the task lists it again.
    if (row.stableLink) expect(tried[1]).toBe(tried[0]);
    else expect(tried[1]).not.toBe(tried[0]);
    // The link was read from the task once for each try.
    if (row.taskReads) expect(row.taskReads() - readsBefore).toBe(2);
  });

  it.each(rows)('$name: the fresh link gone too -> expired (not re-generated)', async (row) => {
    const adapter = row.adapter();
    const ctx: ProviderContext = { tmpDir: root, settings: row.settings() };
    const { taskId } = await adapter.submit(genRequest({ model: row.model, ...row.patch }), ctx);
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
