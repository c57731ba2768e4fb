/**
 * The durable queue against a scripted paid provider (quality.md JOB-3/4/6/8/10): throttling
 * waited out, failures with the provider's reason, expired outputs, budget caps, variations,
 * compare-on-two-providers, per-provider concurrency, reconcile, per-job cancel.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/model/entities.js';
import { newJob } from '../../../shared/model/factories.js';
import { estimateGeneration, generateShots, resumeJobs } from '../../../electron/services/generation/jobs.js';
import { projectLedger } from '../../../electron/services/generation/ledger.js';
import type { GenerationDeps } from '../../../electron/services/generation/ports.js';
import { generationTmpDir } from '../../../electron/services/generation/runJob.js';
import { genRequest } from '../../fakes/generationRequest.js';
import { tempDir } from '../../helpers/tmp.js';
import { FakeStore, project, SUBMIT_TO_SUCCESS } from './fakeStore.js';
import { scriptedCloud, type Script, type Scripted } from './scriptedCloud.js';
import { realMedia } from '../../helpers/realMedia.js';

const root = tempDir();
const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
let n = 0;

/** FakeStore plus the project settings and budget cap the real store has. */
class SettingsStore extends FakeStore {
  settings = new Map<string, string>();
  setBudgetCap(cap: number | null): void {
    this.project().budgetCap = cap;
  }
  getSetting(key: string): string | null {
    return this.settings.get(key) ?? null;
  }
  setSetting(key: string, value: string): void {
    this.settings.set(key, value);
  }
}

function setup(scripts: Script[], over: Parameters<typeof project>[0] = {}) {
  const dir = join(root, `queue ${n++}`);
  mkdirSync(dir);
  const store = new SettingsStore(dir, project({ defaultProvider: scripts[0]?.id ?? 'cloud', ...over }));
  const providers = new Map<string, Scripted>(scripts.map((s) => [s.id ?? 'cloud', scriptedCloud({ ...s })]));
  const deps: GenerationDeps = {
    store,
    importFile: (src) => store.importFile(src, 'generated'),
    minCloudPollMs: 0,
    getProvider: (id) => {
      const p = providers.get(id);
      if (!p) throw new Error(`no provider ${id}`);
      return p;
    },
  };
  const cloud = providers.get(scripts[0]?.id ?? 'cloud') as Scripted;
  return { dir, store, deps, cloud, providers };
}

const job = (store: FakeStore, id: string): Job => store.getJob(id);

describe('JOB-4: throttling is waited out, never a failure', () => {
  it('a 429 on create puts the job back in the queue, then it is sent once and succeeds', async () => {
    const { store, deps, cloud } = setup([{ clip: CLIP, throttleCreates: 2 }]);
    store.addShot({ id: 'a', prompt: 'horse' });
    const { jobIds } = await generateShots(deps);
    const id = jobIds[0] as string;
    expect(job(store, id)).toMatchObject({ state: 'succeeded', error: null });
    expect(cloud.createAttempts).toBe(3);
    expect(cloud.creates).toHaveLength(1);
    expect(store.history.get(id)).toEqual([
      'queued',
      'submitting',
      'queued',
      'submitting',
      'queued',
      ...SUBMIT_TO_SUCCESS,
    ]);
  });

  it('429s while polling: the same task is polled again until done, one create, one download', async () => {
    const { store, deps, cloud } = setup([{ clip: CLIP, throttlePolls: 3 }]);
    store.addShot({ id: 'a', prompt: 'horse' });
    const { jobIds } = await generateShots(deps);
    expect(job(store, jobIds[0] as string)).toMatchObject({ state: 'succeeded' });
    expect(cloud.creates).toHaveLength(1);
    expect(cloud.polls).toHaveLength(4); // three answered 429, the fourth "succeeded"
    expect(store.history.get(jobIds[0] as string)).not.toContain('failed');
    expect(new Set(cloud.polls)).toEqual(new Set(['cloud-task-1']));
    expect(cloud.fetches).toEqual(['cloud-task-1']);
  });
});

describe('JOB-6 / JOB-8: clear failure states', () => {
  it('an expired output is a clear failed state, with no take and no half file', async () => {
    const { dir, store, deps, cloud } = setup([{ clip: CLIP, expired: true }]);
    store.addShot({ id: 'a', prompt: 'horse' });
    const { jobIds } = await generateShots(deps);
    const j = job(store, jobIds[0] as string);
    expect(j.state).toBe('failed');
    expect(j.error).toMatch(/^The result of this job expired at Scripted cloud before it could be downloaded/);
    expect(j.error).toContain('no longer available (HTTP 404)');
    expect(store.takes).toEqual([]);
    expect(cloud.creates).toHaveLength(1); // not re-created automatically
    expect(store.provenance.find((p) => p.action === 'job.failed')?.details).toMatchObject({
      failureKind: 'expired',
      taskId: 'cloud-task-1',
    });
    expect(readdirSync(generationTmpDir(dir))).toEqual([]);
  });

  it("a provider failure shows the provider's reason and kind, and is not retried", async () => {
    const reason = 'Kling: the prompt was flagged by content moderation (code 1301).';
    const { store, deps, cloud } = setup([{ clip: CLIP, fail: { error: reason, kind: 'moderation' } }]);
    store.addShot({ id: 'a', prompt: 'horse' });
    const { jobIds } = await generateShots(deps);
    expect(job(store, jobIds[0] as string)).toMatchObject({ state: 'failed', error: reason, costActual: null });
    expect(store.provenance.find((p) => p.action === 'job.failed')?.details.failureKind).toBe('moderation');
    expect(cloud.creates).toHaveLength(1);
    expect(projectLedger(store).totals.committed).toBe(0);
  });
});

describe('JOB-10: budget', () => {
  it('an over-budget batch writes no job and sends nothing; the estimate says so first', async () => {
    const { store, deps, cloud } = setup([{ clip: CLIP, cost: 0.4 }]);
    for (const id of ['a', 'b', 'c']) store.addShot({ id, prompt: id });
    store.setBudgetCap(1);
    const est = estimateGeneration(deps, { variations: 1 });
    expect(est).toMatchObject({ jobs: 3, total: 1.2, overBudget: true, budgetCap: 1 });
    await expect(generateShots(deps)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/over the budget cap of 1\.00 USD\. Nothing was sent\./),
    });
    expect(cloud.createAttempts).toBe(0);
    expect(store.jobs.size).toBe(0);
    // Within the cap it runs; what was spent then counts against the next batch.
    const first = await generateShots(deps, { shotIds: ['a', 'b'] });
    expect(first.estimate).toMatchObject({ total: 0.8, overBudget: false });
    expect(projectLedger(store).totals).toEqual({ estimated: 0.8, actual: 0.8, committed: 0.8, unpriced: 0 });
    await expect(generateShots(deps, { shotIds: ['c'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(cloud.createAttempts).toBe(2);
    store.setBudgetCap(null);
    await generateShots(deps, { shotIds: ['c'] });
    expect(cloud.creates).toHaveLength(3);
  });
});

describe('batches and takes', () => {
  it('N variations per shot: N takes each with distinct seeds; the shot seed is kept for the first', async () => {
    const { store, deps, cloud } = setup([{ clip: CLIP }]);
    store.addShot({ id: 'a', prompt: 'a', seed: 42 });
    store.addShot({ id: 'b', prompt: 'b' });
    const { jobIds, estimate } = await generateShots(deps, { variations: 3 });
    expect(estimate).toMatchObject({ jobs: 6, total: 3 });
    expect(jobIds.map((id) => job(store, id).state)).toEqual(Array(6).fill('succeeded'));
    for (const shot of ['a', 'b']) expect(store.takes.filter((t) => t.shotId === shot)).toHaveLength(3);
    const seedsA = store.takes.filter((t) => t.shotId === 'a').map((t) => t.seed);
    expect(seedsA).toContain(42);
    expect(new Set(seedsA).size).toBe(3);
    expect(cloud.creates).toHaveLength(6);
    // Each take keeps the full request as sent, seed included.
    for (const t of store.takes) expect(t.request).toMatchObject({ shotId: t.shotId, seed: t.seed });
  });

  it('regenerate with the same seed or a new one', async () => {
    const { store, deps, cloud } = setup([{ clip: CLIP }]);
    store.addShot({ id: 'a', prompt: 'a' });
    await generateShots(deps, { seed: 'new' });
    const first = store.takes[0]?.seed as number;
    expect(Number.isInteger(first)).toBe(true);
    await generateShots(deps, { shotIds: ['a'], seed: 'same' });
    await generateShots(deps, { shotIds: ['a'], seed: 'new' });
    expect(cloud.creates.map((r) => r.seed).slice(0, 2)).toEqual([first, first]);
    expect(cloud.creates[2]?.seed).not.toBe(first);
  });

  it('one shot on two providers to compare: one job and one take per provider', async () => {
    const { store, deps, providers } = setup([
      { clip: CLIP, id: 'p1', cost: 1 },
      { clip: CLIP, id: 'p2', cost: 0.25 },
    ]);
    store.addShot({ id: 'a', prompt: 'a' });
    const est = estimateGeneration(deps, { providerIds: ['p1', 'p2'] });
    expect(est.perProvider).toEqual([
      { provider: 'p1', jobs: 1, total: 1, unpriced: 0 },
      { provider: 'p2', jobs: 1, total: 0.25, unpriced: 0 },
    ]);
    await generateShots(deps, { providerIds: ['p1', 'p2'] });
    expect(store.takes.map((t) => t.provider).sort()).toEqual(['p1', 'p2']);
    expect([...providers.values()].map((p) => p.creates.length)).toEqual([1, 1]);
  });

  it("the app's default provider and model fill in for shots that name none, never over a shot's own", async () => {
    const { store, deps } = setup([
      { clip: CLIP, id: 'p1', cost: 1 },
      { clip: CLIP, id: 'p2', cost: 0.25 },
    ]);
    store.addShot({ id: 'own', prompt: 'a', provider: 'p1', model: 'm-own' });
    store.addShot({ id: 'none', prompt: 'b' });
    await generateShots(deps, { fallbackProviderId: 'p2', fallbackModel: 'm-default' });
    const take = (shotId: string) => store.takes.find((t) => t.shotId === shotId);
    expect([take('own')?.provider, take('own')?.model]).toEqual(['p1', 'm-own']);
    expect([take('none')?.provider, take('none')?.model]).toEqual(['p2', 'm-default']);
    // An explicit batch provider still wins, and the default model does not follow it elsewhere.
    store.addShot({ id: 'asked', prompt: 'c' });
    await generateShots(deps, {
      shotIds: ['asked'],
      providerId: 'p1',
      fallbackProviderId: 'p2',
      fallbackModel: 'm-default',
    });
    expect([take('asked')?.provider, take('asked')?.model]).toEqual(['p1', null]);
  });

  it("never more tasks in flight than the provider's limit", async () => {
    const { store, deps, cloud } = setup([{ clip: CLIP, maxConcurrent: 2, pollsToFinish: 3 }]);
    for (let i = 0; i < 6; i++) store.addShot({ id: `s${i}`, prompt: `${i}` });
    const { jobIds } = await generateShots(deps);
    expect(jobIds.map((id) => job(store, id).state)).toEqual(Array(6).fill('succeeded'));
    expect(cloud.maxInFlight).toBe(2);
  });

  it('cancel one job: its task is canceled at the provider, the others finish', async () => {
    const { store, deps, cloud } = setup([{ clip: CLIP, pollsToFinish: 4 }]);
    store.addShot({ id: 'a', prompt: 'a' });
    store.addShot({ id: 'b', prompt: 'b' });
    const controllers = new Map<string, AbortController>();
    const signalFor = (id: string): AbortSignal => {
      if (!controllers.has(id)) controllers.set(id, new AbortController());
      return (controllers.get(id) as AbortController).signal;
    };
    let target: string | null = null;
    const { jobIds } = await generateShots(deps, {
      signalFor,
      onQueued: (ids) => (target = ids[0] as string),
      onProgress: (p) => {
        if (p.jobId === target && p.state === 'running') controllers.get(p.jobId)?.abort();
      },
    });
    expect(jobIds.map((id) => job(store, id).state)).toEqual(['canceled', 'succeeded']);
    expect(cloud.canceled).toEqual([job(store, jobIds[0] as string).taskId]);
    expect(store.takes.map((t) => t.shotId)).toEqual(['b']);
  });
});

describe('JOB-3: a lost create answer', () => {
  it('after a crash in submitting: a found task is polled, a surely-absent one sent once, the rest stay unknown', async () => {
    const known = new Map([['job-a', 'cloud-task-found']]);
    const { store, deps, cloud } = setup([{ clip: CLIP, known, absent: new Set(['job-c']) }]);
    store.addShot({ id: 'a', prompt: 'a' });
    store.addShot({ id: 'b', prompt: 'b' });
    store.addShot({ id: 'c', prompt: 'c' });
    const createdAt = new Date().toISOString();
    // Three jobs cut while submitting: the provider knows job-a, is unsure of job-b, never saw job-c.
    for (const shotId of ['a', 'b', 'c'])
      store.createJob(
        newJob({
          id: `job-${shotId}`,
          shotId,
          provider: 'cloud',
          state: 'submitting',
          costEstimate: 0.5,
          createdAt,
          request: genRequest({
            shotId,
            title: '',
            prompt: 'x',
            durationSec: 0.5,
            width: 320,
            height: 180,
            seed: null,
          }),
        }),
      );
    const result = await resumeJobs(deps);
    expect(result.unknownJobIds).toEqual(['job-b']);
    // The provider is sure job-c never arrived: sent now, once.
    expect(job(store, 'job-c')).toMatchObject({ state: 'succeeded', taskId: 'cloud-task-1' });
    expect(store.history.get('job-c')).toEqual(['submitting', 'unknown', 'queued', ...SUBMIT_TO_SUCCESS]);
    expect(job(store, 'job-a')).toMatchObject({ state: 'succeeded', taskId: 'cloud-task-found' });
    expect(job(store, 'job-b')).toMatchObject({ state: 'unknown', taskId: null });
    expect(cloud.createAttempts).toBe(1);
    expect(cloud.fetches.sort()).toEqual(['cloud-task-1', 'cloud-task-found']);
    expect(store.takes.map((t) => t.shotId).sort()).toEqual(['a', 'c']);
    for (const t of store.takes) expect(existsSync(store.absPath(store.getAsset(t.assetId).path))).toBe(true);
  });
});
