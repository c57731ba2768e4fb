/**
 * generateShots end to end: real animatic renders with real ffmpeg, an in-memory store with the
 * real store's contract, and a fake paid provider for the money-safety rules (resumeJobs after a
 * crash: jobResume.test.ts).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/api/contract.js';
import type { Job } from '../../../shared/model/entities.js';
import { runningFfmpegCount } from '../../../electron/services/ffmpeg/runner.js';
import { generateShots } from '../../../electron/services/generation/jobs.js';
import { generationTmpDir } from '../../../electron/services/generation/runJob.js';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { fakeCloud } from './fakeCloud.js';
import type { FakeStore } from './fakeStore.js';
import { SUBMIT_TO_SUCCESS } from './fakeStore.js';
import { jobSetup } from './jobSetup.js';
import { realMedia } from '../../helpers/realMedia.js';

const FIRST_FRAME = realMedia('first-frame-camping.png');
const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
const setup = jobSetup(tempDir());

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
