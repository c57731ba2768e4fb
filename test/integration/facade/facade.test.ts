/**
 * The services facade as every binding sees it: requests through dispatch(), events out.
 * Real SQLite, real ffmpeg, real media.
 */
import { existsSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract.js';
import { call, closeServices, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { REAL_CLIPS } from '../../helpers/media.js';

describe('services facade', () => {
  const root = tempDir();

  it('refuses a second open of the same project with PROJECT_IN_USE (DATA-10)', async () => {
    const dir = join(root, 'twice');
    await call(services(), 'project.create', { dir, name: 'twice' });
    await expect(call(services(), 'project.open', { dir })).rejects.toMatchObject({ code: 'PROJECT_IN_USE' });
  });

  it('imports an uploaded clip as a take, deletes the staged upload, and undo removes the shot', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'upload'), name: 'upload', resolution: '720p' });
    const staged = s.stageUpload('马 clip.mp4').path;
    mkdirSync(dirname(staged), { recursive: true });
    copyFileSync(REAL_CLIPS.horse, staged);
    const changes: EventPayload<'project.changed'>[] = [];
    s.on('project.changed', (p) => changes.push(p));
    const { shotId, snapshot } = await call(s, 'shots.add', { videoPath: staged, durationSec: 2 });
    expect(existsSync(staged)).toBe(false);
    const shot = snapshot.shots.find((x) => x.id === shotId);
    expect(shot?.selectedTakeId).not.toBeNull();
    expect(shot).toMatchObject({ durationFrames: 48, trimOutFrames: 48 });
    expect(snapshot.assets[0]?.originalName).toBe('马 clip.mp4');
    expect(changes.length).toBeGreaterThan(0);
    const undone = await call(s, 'history.undo', {});
    expect(undone.shots).toEqual([]);
    const redone = await call(s, 'history.redo', {});
    expect(redone.shots.map((x) => x.selectedTakeId)).toEqual([shot?.selectedTakeId]);
  });

  it('never deletes a user file passed by path, even when it is rejected', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'keep'), name: 'keep' });
    const mine = join(root, 'mine.mp4');
    writeFileSync(mine, 'not a video at all');
    await expect(call(s, 'shots.add', { videoPath: mine })).rejects.toMatchObject({
      code: expect.stringMatching(/MEDIA_/),
    });
    expect(existsSync(mine)).toBe(true);
    expect((await call(s, 'project.current', {}))?.shots).toEqual([]);
  });

  it('adds a shot with the provider and camera move the add-shot controls remember, in one undo step', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'remember'), name: 'remember' });
    const { shotId, snapshot } = await call(s, 'shots.add', { prompt: 'a pier', camera: 'pan_left', provider: 'veo' });
    expect(snapshot.shots.find((x) => x.id === shotId)).toMatchObject({ camera: 'pan_left', provider: 'veo' });
    const plain = await call(s, 'shots.add', { prompt: 'a gull', provider: null });
    expect(plain.snapshot.shots.find((x) => x.id === plain.shotId)?.provider).toBeNull();
    const undone = await call(s, 'history.undo', {});
    expect(undone.shots.map((x) => x.id)).toEqual([shotId]);
  });

  it('says which shot has no take when exporting too early', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'early'), name: 'early' });
    await call(s, 'shots.add', { prompt: 'a lighthouse' });
    const done = new Promise<EventPayload<'export.progress'>>((r) =>
      s.on('export.progress', (p) => p.state !== 'running' && r(p)),
    );
    await call(s, 'export.start', { outPath: join(root, 'early.mp4'), quality: 'draft' }).catch((e: Error) => e);
    const result = await Promise.race([done, new Promise((r) => setTimeout(() => r('no event'), 10_000))]);
    expect(result).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/Shot 1.*no take/),
      // The renderer translates the failure from its key and parameters (serviceText.ts).
      localized: { key: 'serviceErrors.exportShot.noTake', params: expect.objectContaining({ number: 1 }) },
    });
    expect(existsSync(join(root, 'early.mp4'))).toBe(false);
  });

  it('an export to a folder that does not exist fails with a key and parameters the renderer translates', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'nofolder'), name: 'nofolder' });
    await call(s, 'shots.add', { videoPath: REAL_CLIPS.horse });
    const done = new Promise<EventPayload<'export.progress'>>((r) =>
      s.on('export.progress', (p) => p.state !== 'running' && r(p)),
    );
    const outPath = join(root, 'missing folder', 'cut.mp4');
    await call(s, 'export.start', { outPath, quality: 'draft' });
    expect(await done).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/does not exist/),
      localized: { key: 'serviceErrors.exportFolderMissing', params: { outPath, folder: dirname(outPath) } },
    });
  });

  it('generates through the contract and reports progress events to terminal states', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'gen'), name: 'gen', resolution: '720p' });
    await call(s, 'shots.add', { prompt: '第一个镜头', durationSec: 0.5 });
    const states: string[] = [];
    const finished = new Promise<void>((r) =>
      s.on('job.progress', (p) => {
        states.push(p.state);
        if (p.state === 'succeeded' || p.state === 'failed') r();
      }),
    );
    const { jobIds } = await call(s, 'generate.start', {});
    expect(jobIds).toHaveLength(1);
    await finished;
    expect(states.at(-1)).toBe('succeeded');
    const snap = await call(s, 'project.current', {});
    expect(snap?.shots[0]?.selectedTakeId).toBeTruthy();
    expect((await call(s, 'jobs.list', {}))[0]).toMatchObject({ state: 'succeeded', provider: 'animatic' });
  });

  it('project.setBudget lands on the project row, so every view of the snapshot sees it', async () => {
    const s = services();
    const dir = join(root, 'budget');
    await call(s, 'project.create', { dir, name: 'budget' });
    const seen: (number | null)[] = [];
    s.on('project.changed', (p) => seen.push(p.project.budgetCap));
    await call(s, 'project.setBudget', { budgetCap: 12.5 });
    expect((await call(s, 'project.current', {}))?.project.budgetCap).toBe(12.5);
    expect(seen.at(-1)).toBe(12.5);
    await closeServices(s);
    const again = services();
    expect((await call(again, 'project.open', { dir })).project.budgetCap).toBe(12.5);
  });
});
