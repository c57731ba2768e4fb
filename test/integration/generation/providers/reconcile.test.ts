/**
 * JOB-3 for the adapters that find a lost create by listing (Luma, Replicate, Seedance, Wan),
 * over the real job path (reconcileRig.ts) against each provider's fake: a create whose answer
 * was dropped is found again on resume (one task, one take, one create); two tasks that both
 * look like it leave the job `unknown` with nothing sent again; a create that never reached the
 * provider stays `unknown` while it may still be landing, then is sent exactly once.
 */
import { describe, expect, it } from 'vitest';
import { createLumaProvider } from '../../../../electron/services/generation/providers/luma.js';
import { createReplicateProvider } from '../../../../electron/services/generation/providers/replicate.js';
import { createSeedanceProvider } from '../../../../electron/services/generation/providers/seedance.js';
import { createWanProvider } from '../../../../electron/services/generation/providers/wan.js';
import type { GenerationRequest } from '../../../../electron/services/generation/types.js';
import { SETTLE_MS } from '../../../../electron/services/generation/providers/reconcileList.js';
import { jobSeed } from '../../../../electron/services/generation/providers/seedance/reconcile.js';
import { startFakeLuma, type FakeLuma } from '../../../fakes/luma.js';
import { startFakeReplicate, type FakeReplicate } from '../../../fakes/replicate.js';
import { startFakeSeedance, type FakeSeedance } from '../../../fakes/seedance.js';
import { startFakeWan, type WanFake } from '../../../fakes/wan.js';
import { ageJob, generate, resume, rig, takesOf, type ReconcileRow } from './reconcileRig.js';

const KEY = { apiKey: 'test-key' };

/** Waits (bounded) until every task the Wan fake made has finished: only then is its prompt echoed. */
async function wanAllDone(f: WanFake): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if ([...f.tasks.values()].every((t) => f.stateOf(t) === 'done')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the fake Wan tasks never finished');
}

const luma: ReconcileRow<FakeLuma> = {
  provider: 'luma',
  start: () => startFakeLuma({ runMs: 150 }),
  adapter: () => createLumaProvider(),
  settings: (f) => ({ baseUrl: f.url, ...KEY }),
  creates: (f) => f.creates,
  createRequests: (f) => f.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/generations/video')).length,
  listRequests: (f) => f.requests.filter((q) => q.method === 'GET' && /\/generations\?/.test(q.path)).length,
  ids: (f) => f.ids(),
  dropNextCreate: (f) => f.set({ dropCreate: 1 }),
  loseNextCreate: (f) => f.set({ loseCreate: 1 }),
  twin: (f) => f.duplicateLast(),
};

const replicate: ReconcileRow<FakeReplicate> = {
  provider: 'replicate',
  start: () => startFakeReplicate({ runMs: 150 }),
  adapter: () => createReplicateProvider(),
  settings: (f) => ({ baseUrl: f.url, ...KEY }),
  creates: (f) => f.creates,
  createRequests: (f) => f.createRequests().length,
  listRequests: (f) => f.requests.filter((q) => q.method === 'GET' && q.path === '/v1/predictions').length,
  ids: (f) => f.ids(),
  dropNextCreate: (f) => void (f.dropCreate = 1),
  loseNextCreate: (f) => void (f.loseCreate = 1),
  twin: (f) => f.duplicateLast(),
  // The echoed input carries the seed, so each job's prediction is told apart from its twins.
  checkCreate: (f) =>
    expect((f.createRequests()[0]?.body as { input?: { seed?: unknown } }).input?.seed).toEqual(expect.any(Number)),
  seed: 'new',
};

const seedance: ReconcileRow<FakeSeedance> = {
  provider: 'seedance',
  start: () => startFakeSeedance({ runMs: 150 }),
  adapter: () => createSeedanceProvider(),
  settings: (f) => ({ baseUrl: f.url, ...KEY }),
  creates: (f) => f.creates,
  createRequests: (f) => f.createRequests().length,
  listRequests: (f) =>
    f.requests.filter((q) => q.method === 'GET' && q.path === '/api/v3/contents/generations/tasks').length,
  ids: (f) => f.ids(),
  dropNextCreate: (f) => void (f.dropCreate = 1),
  loseNextCreate: (f) => void (f.loseCreate = 1),
  twin: (f) => f.duplicateLast(),
  // No seed on the shot: the create carries the one made from the job id (Ark echoes no prompt).
  checkCreate: (f, jobId) => expect((f.createRequests()[0]?.body as { seed?: unknown }).seed).toBe(jobSeed(jobId)),
};

const wan: ReconcileRow<WanFake> = {
  provider: 'wan',
  start: () => startFakeWan({ runMs: 150 }),
  adapter: () => createWanProvider(),
  settings: (f) => ({ baseUrl: f.url, ...KEY }),
  creates: (f) => f.creates,
  createRequests: (f) => f.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/video-synthesis')).length,
  listRequests: (f) => f.requests.filter((q) => q.method === 'GET' && q.path.startsWith('/api/v1/tasks?')).length,
  ids: (f) => [...f.tasks.keys()],
  dropNextCreate: (f) => void (f.dropCreate = 1),
  loseNextCreate: (f) => void (f.loseCreate = 1),
  twin: (f) => f.duplicateLast(),
  ready: wanAllDone,
};

function suite<F>(row: ReconcileRow<F>): void {
  const withFake = (name: string, body: (fake: F) => Promise<void>) =>
    it(
      name,
      async () => {
        const fake = await row.start();
        try {
          await body(fake);
        } finally {
          await fake.close();
        }
      },
      30_000,
    );
  const seed = row.seed ? { seed: row.seed } : {};

  describe(`${row.provider}: a lost create answer`, () => {
    withFake('dropped answer: found by listing on resume; one task, one take, one create', async (fake) => {
      const r = rig(row.adapter(), row.settings(fake), `镜头 1: a "lost" answer at 100% ${row.provider}`);
      try {
        row.dropNextCreate(fake);
        const jobId = await generate(r, row.provider, seed);
        expect(r.store.getJob(jobId)).toMatchObject({ state: 'unknown', taskId: null });
        expect(row.creates(fake)).toBe(1);
        row.checkCreate?.(fake, jobId);
        await row.ready?.(fake);
        const resumed = await resume(r);
        expect(resumed).toEqual({ jobIds: [jobId], unknownJobIds: [] });
        expect(r.store.getJob(jobId)).toMatchObject({ state: 'succeeded', taskId: row.ids(fake)[0] });
        expect(takesOf(r)).toHaveLength(1);
        // Seedance's job-id seed is in the stored request and the take: "the request as sent".
        if (row.provider === 'seedance')
          expect([r.store.getJob(jobId).request.seed, takesOf(r)[0]?.seed]).toEqual([jobSeed(jobId), jobSeed(jobId)]);
        expect(row.creates(fake)).toBe(1);
        expect(row.createRequests(fake)).toBe(1);
        expect(row.listRequests(fake)).toBeGreaterThan(0);
        expect(r.store.listProvenance({ subjectId: jobId }).map((p) => p.action)).toContain('job.reconciled');
      } finally {
        r.close();
      }
    });

    withFake('two tasks that both match: stays unknown, nothing sent again, even once quiet', async (fake) => {
      const r = rig(row.adapter(), row.settings(fake), `镜头 2: sent twice ${row.provider}`);
      try {
        row.dropNextCreate(fake);
        const jobId = await generate(r, row.provider, seed);
        await row.twin(fake);
        await row.ready?.(fake);
        expect(await resume(r)).toEqual({ jobIds: [], unknownJobIds: [] });
        ageJob(r, jobId, SETTLE_MS + 60_000);
        expect(await resume(r)).toEqual({ jobIds: [], unknownJobIds: [] });
        expect(r.store.getJob(jobId)).toMatchObject({ state: 'unknown', taskId: null });
        expect(takesOf(r)).toHaveLength(0);
        expect(row.createRequests(fake)).toBe(1);
        expect(row.listRequests(fake)).toBeGreaterThanOrEqual(2);
      } finally {
        r.close();
      }
    });

    withFake('lost before it reached the provider: unknown while it may land, then sent exactly once', async (fake) => {
      const r = rig(row.adapter(), row.settings(fake), `镜头 3: never arrived ${row.provider}`);
      try {
        row.loseNextCreate(fake);
        const jobId = await generate(r, row.provider, seed);
        expect(r.store.getJob(jobId).state).toBe('unknown');
        expect(row.creates(fake)).toBe(0);
        // Just lost: the provider's list is complete and empty, but a create may still land.
        expect(await resume(r)).toEqual({ jobIds: [], unknownJobIds: [] });
        expect(row.createRequests(fake)).toBe(1);
        ageJob(r, jobId, SETTLE_MS + 60_000);
        expect(await resume(r)).toEqual({ jobIds: [jobId], unknownJobIds: [] });
        expect(r.store.getJob(jobId)).toMatchObject({ state: 'succeeded', taskId: row.ids(fake)[0] });
        expect(takesOf(r)).toHaveLength(1);
        expect(row.creates(fake)).toBe(1);
        expect(row.createRequests(fake)).toBe(2);
        expect(r.store.listProvenance({ subjectId: jobId }).map((p) => p.action)).toContain('job.requeued');
      } finally {
        r.close();
      }
    });
  });
}

describe('replicate: paging', () => {
  it('follows `next` (newest first) until the list reaches back past the window', async () => {
    const fake = await startFakeReplicate({ runMs: 150 });
    const r = rig(createReplicateProvider(), { baseUrl: fake.url, ...KEY }, '镜头 4: found on page two');
    try {
      fake.pageSize = 1;
      fake.dropCreate = 1;
      const jobId = await generate(r, 'replicate', { seed: 'new' });
      // A newer, unrelated prediction pushes ours to the second page.
      await createReplicateProvider().submit(
        { ...(r.store.getJob(jobId).request as unknown as GenerationRequest), prompt: 'someone else' },
        { tmpDir: r.store.dir, settings: { baseUrl: fake.url, ...KEY } },
      );
      expect(await resume(r)).toEqual({ jobIds: [jobId], unknownJobIds: [] });
      expect(r.store.getJob(jobId)).toMatchObject({ state: 'succeeded', taskId: fake.ids()[0] });
      const lists = fake.requests.filter((q) => q.method === 'GET' && q.path === '/v1/predictions');
      expect(lists.map((q) => q.query.cursor)).toEqual([undefined, '1']);
      expect(fake.createRequests()).toHaveLength(2);
    } finally {
      r.close();
      await fake.close();
    }
  }, 30_000);
});

suite(luma);
suite(replicate);
suite(seedance);
suite(wan);
