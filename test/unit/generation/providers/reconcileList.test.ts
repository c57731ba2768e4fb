/**
 * Reconcile by listing: the shared rules (reconcileList.ts) and each provider's "is it ours"
 * test, on hand-made list pages (the wire side is covered against the fakes in
 * test/integration/generation/providers/reconcile.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { lumaIsOurs, reconcileLuma } from '../../../../electron/services/generation/providers/luma/reconcile.js';
import {
  reconcileFromList,
  SETTLE_MS,
  type ListedPage,
  type ListedTask,
} from '../../../../electron/services/generation/providers/reconcileList.js';
import {
  reconcileReplicate,
  replicateIsOurs,
  sentPlainInput,
} from '../../../../electron/services/generation/providers/replicate/reconcile.js';
import {
  REPLICATE_CATALOGUE,
  replicateInput,
} from '../../../../electron/services/generation/providers/replicate/models.js';
import {
  arkIsOurs,
  jobSeed,
  reconcileSeedance,
} from '../../../../electron/services/generation/providers/seedance/reconcile.js';
import { reconcileWan, wanStamp } from '../../../../electron/services/generation/providers/wan/reconcile.js';
import type { GenerationRequest } from '../../../../electron/services/generation/types.js';
import { genRequest } from '../../../fakes/generationRequest.js';
import type { Job } from '../../../../shared/model/entities.js';

// Now, not a fixed date: the adapters' own reconcile reads the clock (settling, retention).
const NOW = Date.now();
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** A job made 5 min ago, quiet for 4 min (settled). */
const job = (over: Partial<Job> = {}, request: Partial<GenerationRequest> = {}): Job => ({
  id: 'job-1',
  shotId: 's',
  provider: 'x',
  model: null,
  state: 'unknown',
  taskId: null,
  progress: 0,
  error: null,
  costEstimate: null,
  costActual: null,
  resultAssetId: null,
  takeId: null,
  createdAt: iso(NOW - 5 * MIN),
  updatedAt: iso(NOW - 4 * MIN),
  request: genRequest({
    shotId: 's',
    title: 'T',
    prompt: 'a red fox',
    seed: null,
    ...request,
  }) as unknown as Record<string, unknown>,
  ...over,
});
const t = (id: string, minutesAgo: number, ours: boolean | null): ListedTask => ({
  id,
  createdAtMs: NOW - minutesAgo * MIN,
  ours,
});
const pages =
  (...ps: ListedPage[]) =>
  async (i: number) =>
    ps[i] ?? { tasks: [], last: true };

describe('reconcileFromList', () => {
  const run = (page: (i: number) => Promise<ListedPage>, over: Partial<Parameters<typeof reconcileFromList>[0]> = {}) =>
    reconcileFromList({ job: job(), page, newestFirst: true, now: NOW, ...over });

  it('finds the one task that is ours in the window; other tasks in or out of it do not matter', async () => {
    expect(
      await run(pages({ tasks: [t('new', 1, false), t('mine', 4, true), t('old-twin', 60, true)], last: true })),
    ).toEqual({ taskId: 'mine' });
  });

  it('two that are ours, or one ours and one it cannot tell: null (never guess)', async () => {
    expect(await run(pages({ tasks: [t('a', 3, true), t('b', 4, true)], last: true }))).toBeNull();
    expect(await run(pages({ tasks: [t('a', 3, true), t('b', 4, null)], last: true }))).toBeNull();
  });

  it('a task another job of the project already holds is not a candidate (two variations, one prompt)', async () => {
    const twins = pages({ tasks: [t('other-variation', 3, true), t('mine', 4, true)], last: true });
    expect(await run(twins, { known: new Set(['other-variation']) })).toEqual({ taskId: 'mine' });
    // Both known: nothing of this job's in the window, and the list is complete: absent.
    expect(await run(twins, { known: new Set(['other-variation', 'mine']) })).toEqual({ absent: true });
  });

  it('absent only when the list reaches past the window, everything in it is not ours, and the job is quiet', async () => {
    const empty = pages({ tasks: [t('x', 1, false), t('old', 30, false)], last: false });
    expect(await run(empty)).toEqual({ absent: true });
    expect(await run(pages({ tasks: [t('x', 1, false)], last: false }, { tasks: [], last: false }))).toBeNull(); // never reached back
    expect(await run(empty, { job: job({ updatedAt: iso(NOW - SETTLE_MS + 5000) }) })).toBeNull(); // may still be landing
    expect(await run(pages({ tasks: [], last: true }), { retentionMs: 3 * MIN })).toBeNull(); // older than the provider keeps
    expect(await run(pages({ tasks: [t('x', 2, null)], last: true }))).toBeNull();
  });

  it('reads at most maxPages pages, and a list out of newest-first order is not trusted', async () => {
    let read = 0;
    const endless = async () => {
      read++;
      return { tasks: [t(`n${read}`, 0, false)], last: false };
    };
    expect(await run(endless, { maxPages: 3 })).toBeNull();
    expect(read).toBe(3);
    expect(await run(pages({ tasks: [t('a', 30, false), t('mine', 4, true)], last: false }))).toBeNull();
  });
});

describe('what each provider calls ours', () => {
  it('Luma: model and exact prompt; an echoed setting that differs is not ours; no request echoed: cannot tell', () => {
    const body = { model: 'ray-2', prompt: 'a red fox', aspect_ratio: '16:9', resolution: '720p', duration: '5s' };
    expect(lumaIsOurs({ model: 'ray-2', request: { ...body } }, body)).toBe(true);
    expect(lumaIsOurs({ model: 'ray-2', request: { ...body, prompt: 'a red fox.' } }, body)).toBe(false);
    expect(lumaIsOurs({ model: 'ray-flash-2', request: { ...body } }, body)).toBe(false);
    expect(lumaIsOurs({ model: 'ray-2', request: { ...body, duration: '9s' } }, body)).toBe(false);
    expect(lumaIsOurs({ model: 'ray-2', generation_type: 'image', request: { ...body } }, body)).toBe(false);
    expect(lumaIsOurs({ model: 'ray-2', request: null }, body)).toBeNull();
  });

  it('Luma end to end on pages: the prompt as the body builder sends it (prompt + style)', async () => {
    const j = job({}, { prompt: 'a red fox', stylePrompt: 'film grain' });
    const listed = [
      {
        id: 'g1',
        model: 'ray-2',
        created_at: iso(NOW - 4 * MIN),
        request: { prompt: 'a red fox. film grain', aspect_ratio: '16:9' },
      },
    ];
    expect(await reconcileLuma(j, async () => ({ generations: listed, has_more: false }))).toEqual({ taskId: 'g1' });
    expect(
      await reconcileLuma(job({}, { prompt: 'another' }), async () => ({ generations: listed, has_more: false })),
    ).toEqual({ absent: true });
  });

  it('Replicate: model, prompt and every plain input (the seed too); removed data cannot be told', async () => {
    const req = job({}, { seed: 1234, model: 'google/veo-3.1' }).request as unknown as GenerationRequest;
    const m = REPLICATE_CATALOGUE.find('google/veo-3.1');
    if (!m) throw new Error('no veo model');
    const sent = sentPlainInput(m, req);
    expect(sent).toMatchObject({ prompt: 'a red fox', seed: 1234 });
    expect(replicateIsOurs({ model: 'google/veo-3.1', input: { ...sent } }, m.id, sent)).toBe(true);
    expect(replicateIsOurs({ model: 'google/veo-3.1', input: { ...sent, seed: 99 } }, m.id, sent)).toBe(false);
    expect(replicateIsOurs({ model: 'bytedance/seedance-2.0', input: { ...sent } }, m.id, sent)).toBe(false);
    expect(replicateIsOurs({ model: 'google/veo-3.1', input: null, data_removed: true }, m.id, sent)).toBeNull();
    const first = async () => ({
      results: [{ id: 'p1', model: m.id, input: { ...sent }, created_at: iso(NOW - 4 * MIN) }],
      next: null,
    });
    expect(await reconcileReplicate(job({}, { seed: 1234, model: 'google/veo-3.1' }), first, async () => ({}))).toEqual(
      { taskId: 'p1' },
    );
  });

  it.each([
    ['runwayml/gen4-aleph', 'video'],
    ['kwaivgi/kling-v3-omni-video', 'reference_video'],
  ])(
    'Replicate: a restyle on %s whose answer was lost is found by its plain input (the clip left out)',
    async (id, field) => {
      const sourceVideo = {
        takeId: 't',
        assetId: 'v',
        path: '/clips/take.mp4',
        durationSec: 5,
        width: 1280,
        height: 720,
      };
      const restyle = { model: id, seed: 7, sourceVideo, references: [{ assetId: 'r', path: '/r.png' }] };
      const m = REPLICATE_CATALOGUE.find(id);
      if (!m) throw new Error(`no ${id}`);
      // What submit sends: the clip (then no frames or references) and the plain fields.
      const input = replicateInput(m, job({}, restyle).request as unknown as GenerationRequest, {
        video: 'data:video/mp4;base64,AAAA',
      });
      expect(input[field]).toBe('data:video/mp4;base64,AAAA');
      const first = async () => ({
        results: [
          {
            id: 'p1',
            model: id,
            input: { ...input, [field]: 'https://replicate.delivery/x.mp4' },
            created_at: iso(NOW - 4 * MIN),
          },
        ],
        next: null,
      });
      expect(await reconcileReplicate(job({}, restyle), first, async () => ({}))).toEqual({ taskId: 'p1' });
    },
  );

  it('Seedance: the seed made from the job id identifies it; a seed the user chose never matches', async () => {
    const seed = jobSeed('job-1');
    expect(seed).toBe(jobSeed('job-1'));
    expect(seed).not.toBe(jobSeed('job-2'));
    expect(seed).toBeGreaterThan(0);
    expect(seed).toBeLessThan(2 ** 31);
    expect(arkIsOurs({ seed, model: 'm' }, 'm', seed, true)).toBe(true);
    expect(arkIsOurs({ seed: seed + 1, model: 'm' }, 'm', seed, true)).toBe(false);
    expect(arkIsOurs({ seed: 42, model: 'm' }, 'm', 42, false)).toBeNull();
    expect(arkIsOurs({ model: 'm' }, 'm', seed, true)).toBeNull();
    const list = (items: object[]) => async () => ({ items, total: items.length });
    const at = Math.floor((NOW - 4 * MIN) / 1000);
    expect(await reconcileSeedance(job(), 'm', list([{ id: 'cgt-1', model: 'm', seed, created_at: at }]))).toEqual({
      taskId: 'cgt-1',
    });
    expect(
      await reconcileSeedance(
        job({}, { seed: 42 }),
        'm',
        list([{ id: 'cgt-1', model: 'm', seed: 42, created_at: at }]),
      ),
    ).toBeNull();
    expect(
      await reconcileSeedance(job({}, { seed: 42 }), 'm', list([{ id: 'cgt-1', model: 'm', seed: 7, created_at: at }])),
    ).toEqual({ absent: true });
    // A job from before submit sent the job seed: its task carries another seed, so never "absent".
    expect(
      await reconcileSeedance(
        job({ createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:01:00Z' }),
        'm',
        list([]),
      ),
    ).toBeNull();
  });

  it('Wan: candidates read one by one; ours by orig_prompt; a task not yet echoing it leaves the job unknown', async () => {
    const rows = {
      data: [
        { task_id: 't1', model_name: 'wan2.6-t2v' },
        { task_id: 't2', model_name: 'wan2.6-t2v' },
      ],
      total: 2,
    };
    const views: Record<string, string | undefined> = { t1: 'a red fox', t2: 'a blue whale' };
    const read = async (id: string) => ({
      output: { task_id: id, task_status: views[id] ? 'SUCCEEDED' : 'RUNNING', orig_prompt: views[id] },
    });
    const queries: unknown[] = [];
    const list = async (q: unknown) => {
      queries.push(q);
      return rows;
    };
    const j = job({}, { model: 'wan2.6-t2v' });
    expect(await reconcileWan(j, list, read, NOW)).toEqual({ taskId: 't1' });
    expect(queries[0]).toMatchObject({
      pageNo: 1,
      pageSize: 20,
      modelName: 'wan2.6-t2v',
      startTime: wanStamp(NOW - 5 * MIN - 2 * MIN - 14 * 3600_000),
    });
    views.t1 = undefined;
    expect(await reconcileWan(j, list, read, NOW)).toBeNull();
    views.t1 = 'a red fox, slowly';
    expect(await reconcileWan(j, list, read, NOW)).toEqual({ absent: true });
    expect(wanStamp(Date.parse('2026-11-21T03:04:05.678Z'))).toBe('20261121030405');
  });
});
