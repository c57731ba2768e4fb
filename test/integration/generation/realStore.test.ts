/**
 * The job path over the real stack: SQLite ProjectStore, the media store's import (ffprobe
 * validation, content addressing), the provider registry and the one ffmpeg runner.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateShots, resumeJobs } from '../../../electron/services/generation/jobs.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { realMedia } from '../../helpers/realMedia.js';

const dir = join(tempDir(), 'project 项目');
let store: ProjectStore | null = null;
afterAll(() => store?.close());

describe('generateShots over the real project store', () => {
  it('renders, imports, creates and selects takes; a second batch does nothing; resume marks submitting unknown', async () => {
    const s = ProjectStore.create(dir, { name: 'Real', aspect: '16:9', resolution: '720p', fps: { num: 24, den: 1 } });
    store = s;
    const assets = s;
    const frame = await importFile(assets, realMedia('first-frame-camping.png'), 'imported');
    const a = s.shots.add({ prompt: 'camp', durationFrames: 12, camera: 'pan_right', firstFrameAssetId: frame.id });
    const b = s.shots.add({ prompt: '雨夜的东京街头', durationFrames: 10 });
    const deps = { store: s, importFile: (p: string) => importFile(assets, p, 'generated') };

    const { jobIds } = await generateShots(deps);
    expect(jobIds).toHaveLength(2);
    for (const [i, shot] of [a, b].entries()) {
      const job = s.getJob(jobIds[i] as string);
      expect(job).toMatchObject({ state: 'succeeded', shotId: shot.id, provider: 'animatic', error: null });
      const take = s.getTake(job.takeId as string);
      expect(s.getShot(shot.id).selectedTakeId).toBe(take.id);
      const asset = s.getAsset(take.assetId);
      expect(asset.origin).toBe('generated');
      expect(asset.info).toMatchObject({ width: 1280, height: 720, kind: 'video' });
      expect(countVideoFrames(s.absPath(asset.path))).toBe(shot.durationFrames);
    }
    expect(s.listProvenance({ subjectType: 'take' }).filter((p) => p.actor === 'provider:animatic')).toHaveLength(2);
    await expect(generateShots(deps)).resolves.toMatchObject({ jobIds: [] });

    const now = new Date().toISOString();
    const stuck = s.createJob({
      ...s.getJob(jobIds[1] as string),
      id: 'crashed-job',
      state: 'submitting',
      taskId: null,
      takeId: null,
      resultAssetId: null,
      costActual: null,
      createdAt: now,
      updatedAt: now,
    });
    const resumed = await resumeJobs(deps);
    expect(resumed).toEqual({ jobIds: [], unknownJobIds: [stuck.id] });
    expect(s.getJob(stuck.id).state).toBe('unknown');
  });
});
