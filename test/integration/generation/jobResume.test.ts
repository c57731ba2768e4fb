/**
 * resumeJobs after a crash, over the in-memory store with the real animatic and a fake paid
 * provider: a create whose answer may be lost is never sent again, a known task id is polled to
 * the end, a lost free render is redone, and the crashed process's temp files are swept.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/model/entities.js';
import { newJob } from '../../../shared/model/factories.js';
import { resumeJobs } from '../../../electron/services/generation/jobs.js';
import { generationTmpDir } from '../../../electron/services/generation/runJob.js';
import { tempDir } from '../../helpers/tmp.js';
import { genRequest } from '../../fakes/generationRequest.js';
import { fakeCloud } from './fakeCloud.js';
import type { FakeStore } from './fakeStore.js';
import { SUBMIT_TO_SUCCESS } from './fakeStore.js';
import { jobSetup } from './jobSetup.js';
import { realMedia } from '../../helpers/realMedia.js';

const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
const setup = jobSetup(tempDir());

const job = (store: FakeStore, id: string): Job => store.getJob(id);

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
    return store.createJob(
      newJob({
        id: `job-${shot.id}`,
        shotId: shot.id,
        provider: 'animatic',
        request,
        costEstimate: 0,
        createdAt: now,
        ...over,
      }),
    );
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
