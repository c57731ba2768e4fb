/**
 * The per-model request table (text, first frame, first + last, references, extend, camera) for
 * the adapters the 2026-12 wire check found matching — Runway, fal, Replicate, Luma (Dream
 * Machine and Agents), MiniMax, the OpenAI-compatible /v1/videos gateways — and the local
 * ComfyUI server, sent through each adapter to its strict fake. No cell may be REJECTED by the
 * fake; the outcome table and every sent body (normalised: test/helpers/requestTable.ts
 * recordedBody) are snapshots, so a model that changes from sending to refusing (or back), or a
 * field that changes on the wire, shows in review.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComfyUIProvider } from '../../../../electron/services/generation/providers/comfyui.js';
import { createFalProvider } from '../../../../electron/services/generation/providers/fal.js';
import { createLumaAgentsProvider } from '../../../../electron/services/generation/providers/luma-agents.js';
import { createLumaProvider } from '../../../../electron/services/generation/providers/luma.js';
import { createMinimaxProvider } from '../../../../electron/services/generation/providers/minimax.js';
import { createOpenAIVideosProvider } from '../../../../electron/services/generation/providers/openai-videos.js';
import { createReplicateProvider } from '../../../../electron/services/generation/providers/replicate.js';
import { createRunwayProvider } from '../../../../electron/services/generation/providers/runway.js';
import type { ProviderAdapter, ProviderContext } from '../../../../electron/services/generation/types.js';
import { startFakeComfy } from '../../../fakes/comfyui.js';
import { startFakeFal } from '../../../fakes/fal.js';
import { startFakeLumaAgents } from '../../../fakes/luma-agents.js';
import { startFakeLuma } from '../../../fakes/luma.js';
import { FAKE_MINIMAX_KEY, startFakeMinimax } from '../../../fakes/minimax.js';
import { startFakeOpenAIVideos } from '../../../fakes/openai-videos.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { startFakeReplicate } from '../../../fakes/replicate.js';
import { startFakeRunway } from '../../../fakes/runway.js';
import { expectLedger, ledgerOf } from '../../../helpers/requestLedger.js';
import { requestTable, type BodyTable, type RefusalTable, type RequestTable } from '../../../helpers/requestTable.js';
import { tempDir } from '../../../helpers/tmp.js';

const root = tempDir();

interface Rig {
  adapter: ProviderAdapter;
  url: string;
  key: string;
  /** The create requests the fake received (accepted or not). */
  creates(): { path: string; body?: unknown }[];
  accepted(): number;
  close(): Promise<void>;
}

/** A clip the model made, for the extend cell: its provider handle (outputRef). */
async function madeClip(adapter: ProviderAdapter, ctx: ProviderContext, model: string): Promise<string | null> {
  if (!adapter.capabilities.models.find((m) => m.id === model)?.capabilities?.extend && !adapter.capabilities.extend)
    return null;
  const { taskId } = await adapter.submit(genRequest({ model }), ctx);
  for (let i = 0; i < 400 && (await adapter.poll(taskId, ctx)).state === 'running'; i++)
    await new Promise((r) => setTimeout(r, 10));
  return (await adapter.fetchResult(taskId, join(root, `${adapter.id}-${model}-src.mp4`), ctx))?.outputRef ?? null;
}

async function tableOf(rig: Rig, bodies: BodyTable, refusals: RefusalTable): Promise<RequestTable> {
  const ctx = (jobId: string): ProviderContext => ({
    tmpDir: root,
    jobId,
    settings: { baseUrl: rig.url, apiKey: rig.key },
  });
  const table = await requestTable(
    rig.adapter.capabilities.models.map((m) => m.id),
    {
      provider: rig.adapter.id,
      submit: (req, jobId) => rig.adapter.submit(req, ctx(jobId)),
      received: () => rig.creates().length,
      accepted: rig.accepted,
      lastCreate: () => rig.creates().at(-1),
      bodies,
      refusals,
      extendRef: (model) => madeClip(rig.adapter, ctx('job-source'), model),
    },
  );
  const rejected = Object.entries(table).flatMap(([m, row]) =>
    Object.entries(row)
      .filter(([, v]) => v.startsWith('REJECTED'))
      .map(([s, v]) => `${m}/${s}: ${v}`),
  );
  expect(rejected).toEqual([]);
  return table;
}

const rigs: Record<string, () => Promise<Rig>> = {
  async comfyui() {
    // The local server: the fake checks every node class and input against ComfyUI's own
    // object_info (comfyui-validate.ts) and records the graph's node classes.
    const f = await startFakeComfy({ runMs: 20 });
    const creates = () => f.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/prompt'));
    return {
      adapter: createComfyUIProvider({ liveProgress: false }),
      url: f.url,
      key: '',
      creates,
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
  async runway() {
    const f = await startFakeRunway({ runMs: 20 });
    const creates = () => f.requests.filter((r) => r.method === 'POST' && /_to_video$/.test(r.path));
    return {
      adapter: createRunwayProvider(),
      url: f.url,
      key: 'test-key',
      creates,
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
  async fal() {
    const f = await startFakeFal({ runMs: 20 });
    // Through fal's proxy: the endpoint is the target URL's path.
    const creates = () =>
      f
        .seen()
        .filter((r) => r.method === 'POST' && r.target?.host === 'queue.fal.run')
        .map((r) => ({ path: r.target?.pathname ?? r.path, body: r.body }));
    return {
      adapter: createFalProvider(),
      url: f.url,
      key: 'test-key',
      creates,
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
  async replicate() {
    const f = await startFakeReplicate({ runMs: 20 });
    return {
      adapter: createReplicateProvider(),
      url: f.url,
      key: 'test-key',
      creates: () => f.createRequests(),
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
  async luma() {
    const f = await startFakeLuma({ runMs: 20 });
    const creates = () => f.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/generations/video'));
    return {
      adapter: createLumaProvider(),
      url: f.url,
      key: 'test-key',
      creates,
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
  async 'luma-agents'() {
    const f = await startFakeLumaAgents({ runMs: 20 });
    const creates = () => f.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v1/generations'));
    return {
      adapter: createLumaAgentsProvider(),
      url: f.url,
      key: 'test-key',
      creates,
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
  async minimax() {
    const f = await startFakeMinimax({ runMs: 20 });
    const creates = () => f.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/video_generation'));
    return {
      adapter: createMinimaxProvider(),
      url: f.url,
      key: FAKE_MINIMAX_KEY,
      creates,
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
  async 'openai-videos'() {
    const f = await startFakeOpenAIVideos();
    const creates = () => f.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/videos'));
    return {
      adapter: createOpenAIVideosProvider(),
      url: f.url,
      key: 'test-key',
      creates,
      accepted: () => f.creates,
      close: () => f.close(),
    };
  },
};

const opened: Rig[] = [];
beforeAll(() => undefined);
afterAll(async () => {
  for (const r of opened) await r.close();
});

describe('request tables against the fakes', () => {
  it.each(Object.keys(rigs))('%s: every model sends what the fake accepts, or refuses before sending', async (name) => {
    const rig = await (rigs[name] as () => Promise<Rig>)();
    opened.push(rig);
    const bodies: BodyTable = {};
    const refusals: RefusalTable = {};
    const table = await tableOf(rig, bodies, refusals);
    expect(Object.keys(table).length).toBe(rig.adapter.capabilities.models.length);
    expect(table).toMatchSnapshot();
    // What each sent cell put on the wire and each refused one told the user, per model: a
    // changed field shows in review (__snapshots__/requests/<provider>.json).
    await expectLedger(ledgerOf(rig.adapter.id, '', Object.keys(table), bodies, refusals));
  });
});
