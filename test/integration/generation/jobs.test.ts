/**
 * The generation job path end to end: real animatic renders with real ffmpeg, an in-memory
 * store with the real store's contract, and a fake paid provider for the money-safety rules.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/api/contract.js';
import type { Job } from '../../../shared/model/entities.js';
import { runFfmpeg, runningFfmpegCount } from '../../../electron/services/ffmpeg/runner.js';
import type { ResolvedFont } from '../../../electron/services/generation/fonts.js';
import { resolveTitleFont } from '../../../electron/services/generation/fonts.js';
import { generateShots, resumeJobs } from '../../../electron/services/generation/jobs.js';
import type { GenerationDeps } from '../../../electron/services/generation/ports.js';
import { createAnimaticProvider } from '../../../electron/services/generation/providers/animatic.js';
import { generationTmpDir } from '../../../electron/services/generation/runJob.js';
import type { ProviderAdapter } from '../../../electron/services/generation/types.js';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { genRequest } from '../../fakes/generationRequest.js';
import { fakeCloud } from './fakeCloud.js';
import { FakeStore, project, SUBMIT_TO_SUCCESS } from './fakeStore.js';
import { realMedia } from '../../helpers/realMedia.js';

const root = tempDir();
const FIRST_FRAME = realMedia('first-frame-camping.png');
const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
let font: ResolvedFont;
let n = 0;

beforeAll(async () => {
  font = await resolveTitleFont({ bundledDir: null, cacheDir: join(root, 'fonts') });
});

/** A fresh project folder, store, animatic (counting creates) and deps. */
function setup(over: Parameters<typeof project>[0] = {}) {
  const dir = join(root, `project ${n++}`);
  mkdirSync(dir);
  const store = new FakeStore(dir, project(over));
  const base = createAnimaticProvider({ runFfmpeg, resolveFont: () => Promise.resolve(font) });
  const animatic = { ...base, submits: 0 } as ProviderAdapter & { submits: number };
  animatic.submit = (req, ctx) => {
    animatic.submits++;
    return base.submit(req, ctx);
  };
  const extra = new Map<string, ProviderAdapter>();
  const deps: GenerationDeps = {
    store,
    importFile: (src) => store.importFile(src, 'generated'),
    minCloudPollMs: 0, // the fake answers at once; the 5 s floor is measured in the bench
    getProvider: (id) => {
      const p = id === 'animatic' ? animatic : extra.get(id);
      if (!p) throw new Error(`no provider ${id}`);
      return p;
    },
  };
  return { dir, store, animatic, extra, deps };
}

const job = (store: FakeStore, id: string): Job => store.getJob(id);

describe('generateShots with the animatic', () => {
  it('renders every shot without a take, creates and selects takes, then has nothing left to do', async () => {
    const { store, deps, animatic } = setup();
    const frame = await store.importFile(FIRST_FRAME, 'imported');
    store.addShot({
      id: 'a',
      prompt: 'camp at dusk',
      firstFrameAssetId: frame.id,
      camera: 'push_in',
      durationFrames: 20,
    });
    store.addShot({
      id: 'b',
      prompt: '一个穿红色外套的女孩在雨夜的东京街头奔跑，霓虹灯倒映在积水中。',
      durationFrames: 13,
    });
    const events: JobProgress[] = [];
    let queued: string[] = [];
    const { jobIds } = await generateShots(deps, {
      onQueued: (ids) => {
        queued = ids;
        expect(events).toHaveLength(0);
      },
      onProgress: (p) => events.push(p),
    });
    expect(jobIds).toHaveLength(2);
    expect(queued).toEqual(jobIds);
    for (const [i, id] of jobIds.entries()) {
      const j = job(store, id);
      expect(store.history.get(id)).toEqual(['queued', ...SUBMIT_TO_SUCCESS]);
      expect(j).toMatchObject({ state: 'succeeded', provider: 'animatic', progress: 1, error: null, costActual: 0 });
      const take = store.takes.find((t) => t.id === j.takeId);
      expect(take).toMatchObject({
        shotId: ['a', 'b'][i],
        assetId: j.resultAssetId,
        jobId: id,
        provider: 'animatic',
        cost: 0,
      });
      expect(take?.request).toEqual(j.request);
      expect(store.getShot(['a', 'b'][i] as string).selectedTakeId).toBe(take?.id);
      const file = store.absPath(store.getAsset(j.resultAssetId as string).path);
      expect(countVideoFrames(file)).toBe([20, 13][i]);
      expect(ffprobeJson(file).streams[0]).toMatchObject({ width: 320, height: 180, r_frame_rate: '24/1' });
      expect(decodeErrors(file)).toBe('');
      expect(store.provenance).toContainEqual(
        expect.objectContaining({
          actor: 'provider:animatic',
          action: 'generate',
          subjectType: 'take',
          subjectId: take?.id,
        }),
      );
    }
    expect(events.filter((e) => e.state === 'succeeded').map((e) => e.jobId)).toEqual(jobIds);
    expect(animatic.submits).toBe(2);
    expect(readdirSync(generationTmpDir(store.dir))).toEqual([]);

    // Every shot has a take now: a batch without shot ids does nothing.
    await expect(generateShots(deps)).resolves.toMatchObject({ jobIds: [] });
    expect(animatic.submits).toBe(2);

    // Asked for explicitly, a shot gets another take; the selection stays.
    const again = await generateShots(deps, { shotIds: ['b'] });
    expect(job(store, again.jobIds[0] as string).state).toBe('succeeded');
    expect(store.takes.filter((t) => t.shotId === 'b')).toHaveLength(2);
    expect(store.getShot('b').selectedTakeId).toBe(job(store, jobIds[1] as string).takeId);
  });

  it('a failing render fails that job with the reason; the other shot still succeeds', async () => {
    const { dir, store, deps } = setup();
    const broken = join(dir, 'media', 'broken.png');
    writeFileSync(broken, 'this is not a PNG');
    const good = await store.importFile(FIRST_FRAME, 'imported');
    store.assets.set('b'.repeat(64), { ...good, id: 'b'.repeat(64), path: 'media/broken.png' });
    store.addShot({ id: 'bad', firstFrameAssetId: 'b'.repeat(64), camera: 'pan_left' });
    store.addShot({ id: 'ok', prompt: 'still works' });
    const { jobIds } = await generateShots(deps);
    const [bad, ok] = jobIds.map((id) => job(store, id));
    expect(bad).toMatchObject({ state: 'failed', takeId: null });
    expect(bad?.error).toMatch(
      /^The animatic render of shot 1 failed: ffmpeg \(animatic shot 1\) exited with code 1\. Invalid PNG signature/,
    );
    expect(bad?.error).not.toContain('\n');
    expect(ok).toMatchObject({ state: 'succeeded' });
    expect(store.takes.map((t) => t.shotId)).toEqual(['ok']);
    expect(readdirSync(generationTmpDir(dir))).toEqual([]);
  });

  it('a first frame whose file is gone: the job fails naming the file', async () => {
    const { dir, store, deps } = setup();
    const frame = await store.importFile(FIRST_FRAME, 'imported');
    store.assets.set('c'.repeat(64), { ...frame, id: 'c'.repeat(64), path: 'media/gone 100%.png' });
    store.addShot({ id: 'gone', firstFrameAssetId: 'c'.repeat(64) });
    const { jobIds } = await generateShots(deps);
    expect(job(store, jobIds[0] as string).error).toBe(
      `The animatic render of shot 1 failed: The first frame of shot 1 is missing or unreadable: ${join(dir, 'media', 'gone 100%.png')}`,
    );
  });

  it('unknown provider or shot: a clear error and no job written', async () => {
    const { store, deps } = setup();
    store.addShot({ id: 'a', prompt: 'x' });
    const real = { ...deps, getProvider: undefined };
    await expect(generateShots(real, { providerId: 'sora' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Unknown provider "sora"\. Available: animatic\b/),
    });
    await expect(generateShots(deps, { shotIds: ['nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.jobs.size).toBe(0);
  });

  it('cancel: the running render stops, the job and the rest are canceled, nothing is left behind', async () => {
    const { dir, store, deps } = setup();
    store.addShot({ id: 'a', prompt: 'long', durationFrames: 24 * 60 });
    store.addShot({ id: 'b', prompt: 'next' });
    const controller = new AbortController();
    const { jobIds } = await generateShots(deps, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.state === 'running') controller.abort();
      },
    });
    expect(jobIds.map((id) => job(store, id).state)).toEqual(['canceled', 'canceled']);
    expect(store.takes).toEqual([]);
    expect(runningFfmpegCount()).toBe(0);
    expect(readdirSync(generationTmpDir(dir))).toEqual([]);
  });
});

describe('money safety with a paid provider', () => {
  it('writes the row before create and the task id before polling; downloads once', async () => {
    const { store, deps, extra } = setup();
    const cloud = fakeCloud(store, { clip: CLIP });
    extra.set('cloud', cloud);
    store.addShot({ id: 'a', prompt: 'horse', provider: 'cloud' });
    const { jobIds } = await generateShots(deps);
    const j = job(store, jobIds[0] as string);
    expect(j).toMatchObject({ state: 'succeeded', taskId: 'task-1', costEstimate: 0.5, costActual: 0.5 });
    expect(cloud.submits).toBe(1);
    expect(cloud.fetches).toEqual(['task-1']);
    expect(store.takes[0]).toMatchObject({ provider: 'cloud', cost: 0.5 });
  });

  it('a lost create answer marks the job unknown, sends nothing again, and blocks automatic batches', async () => {
    const { store, deps, extra } = setup();
    const cloud = fakeCloud(store, { clip: CLIP, submitError: new Error('socket hang up') });
    extra.set('cloud', cloud);
    store.addShot({ id: 'a', prompt: 'horse', provider: 'cloud' });
    const { jobIds } = await generateShots(deps);
    expect(job(store, jobIds[0] as string)).toMatchObject({ state: 'unknown', taskId: null });
    expect(job(store, jobIds[0] as string).error).toMatch(/not sent again/);
    expect(cloud.submits).toBe(1);
    await expect(generateShots(deps)).resolves.toMatchObject({ jobIds: [] });
    expect(cloud.submits).toBe(1);
  });

  it('a shot the provider cannot make fails before anything is sent; a batch over budget is refused', async () => {
    const { store, deps, extra } = setup({ budgetCap: 1.5 });
    const cloud = fakeCloud(store, { clip: CLIP, imageOnly: true, cost: 1 });
    extra.set('cloud', cloud);
    store.addShot({ id: 'text', prompt: 'no frame', provider: 'cloud' });
    const { jobIds } = await generateShots(deps);
    expect(job(store, jobIds[0] as string)).toMatchObject({ state: 'failed' });
    expect(job(store, jobIds[0] as string).error).toMatch(/Shot 1 has no first frame, and Fake Cloud needs one/);
    const frame = await store.importFile(FIRST_FRAME, 'imported');
    store.addShot({ id: 'i1', firstFrameAssetId: frame.id, provider: 'cloud' });
    store.addShot({ id: 'i2', firstFrameAssetId: frame.id, provider: 'cloud' });
    await expect(generateShots(deps, { shotIds: ['i1', 'i2'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/budget cap/),
    });
    expect(cloud.submits).toBe(0);
    expect(store.jobs.size).toBe(1);
  });
});

describe('resumeJobs after a crash', () => {
  function crashed(store: FakeStore, over: Partial<Job>): Job {
    const now = new Date().toISOString();
    const shot = store.getShot(over.shotId as string);
    const request = genRequest({
      shotId: shot.id,
      shotNumber: store.shots.indexOf(shot) + 1,
      title: '',
      prompt: shot.prompt,
      durationSec: 0.5,
      width: 320,
      height: 180,
      seed: null,
    });
    return store.createJob({
      id: `job-${shot.id}`,
      shotId: shot.id,
      provider: 'animatic',
      model: null,
      state: 'queued',
      request,
      taskId: null,
      progress: 0,
      error: null,
      costEstimate: 0,
      costActual: null,
      resultAssetId: null,
      takeId: null,
      createdAt: now,
      updatedAt: now,
      ...over,
    });
  }

  it('submitting becomes unknown and is never re-sent; known task ids are polled, lost free renders redone', async () => {
    const { dir, store, deps, animatic, extra } = setup();
    const cloud = fakeCloud(store, { clip: CLIP });
    extra.set('cloud', cloud);
    for (const id of ['s1', 's2', 's3', 's4', 's5']) store.addShot({ id, prompt: `shot ${id}` });
    crashed(store, { shotId: 's1', state: 'submitting' });
    crashed(store, { shotId: 's2', state: 'running', taskId: 'animatic-from-before-the-crash', progress: 0.4 });
    crashed(store, { shotId: 's3', state: 'submitting', provider: 'cloud' });
    crashed(store, { shotId: 's4', state: 'downloading', provider: 'cloud', taskId: 'task-77' });
    crashed(store, { shotId: 's5', state: 'queued' });
    // A temp file left by the crashed process is swept.
    mkdirSync(generationTmpDir(dir), { recursive: true });
    const stale = join(generationTmpDir(dir), 'job-old.mp4');
    writeFileSync(stale, 'partial');
    const { utimesSync } = await import('node:fs');
    utimesSync(stale, new Date(2000, 0, 1), new Date(2000, 0, 1));

    const result = await resumeJobs(deps);
    expect(result.unknownJobIds.sort()).toEqual(['job-s1', 'job-s3']);
    expect(result.jobIds.sort()).toEqual(['job-s2', 'job-s4', 'job-s5']);
    expect(job(store, 'job-s1')).toMatchObject({ state: 'unknown' });
    expect(job(store, 'job-s3')).toMatchObject({ state: 'unknown' });
    expect(cloud.submits).toBe(0); // the paid create is never repeated
    expect(cloud.polls.every((t) => t === 'task-77')).toBe(true);
    expect(cloud.fetches).toEqual(['task-77']);
    expect(job(store, 'job-s4')).toMatchObject({ state: 'succeeded', taskId: 'task-77' });
    // The lost animatic render was done again (one new create), the queued one once.
    expect(job(store, 'job-s2')).toMatchObject({ state: 'succeeded' });
    expect(job(store, 'job-s2').taskId).not.toBe('animatic-from-before-the-crash');
    expect(store.history.get('job-s2')).toEqual(['running', ...SUBMIT_TO_SUCCESS]);
    expect(job(store, 'job-s5')).toMatchObject({ state: 'succeeded' });
    expect(animatic.submits).toBe(2);
    expect(existsSync(stale)).toBe(false);
  });

  it('a paid task the provider no longer knows fails; it is not created again', async () => {
    const { store, deps, extra } = setup();
    const cloud = fakeCloud(store, { clip: CLIP, lost: true });
    extra.set('cloud', cloud);
    store.addShot({ id: 's1', prompt: 'x' });
    crashed(store, { shotId: 's1', state: 'running', provider: 'cloud', taskId: 'task-9' });
    await resumeJobs(deps);
    expect(job(store, 'job-s1')).toMatchObject({ state: 'failed', error: 'Task not found at the provider.' });
    expect(cloud.submits).toBe(0);
  });
});
