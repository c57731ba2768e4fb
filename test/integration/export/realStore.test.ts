/**
 * The export against the real project store (SQLite), as the facade runs it: the store
 * satisfies ExportStorePort at runtime too (states, pids), and the sweep closes its runs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { sweepInterruptedExports } from '../../../electron/services/export/sweep.js';
import { exportTempPath } from '../../../electron/services/export/tempPath.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { countVideoFrames, ffprobeJson } from '../../helpers/ffprobe.js';
import { monoClip, REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

describe('export with the real project store', () => {
  const root = tempDir();
  let store: ProjectStore;

  beforeAll(async () => {
    store = ProjectStore.create(join(root, 'project 项目'), {
      name: 'Demo',
      aspect: '9:16',
      resolution: '720p',
      fps: { num: 30000, den: 1001 },
    });
    for (const clip of [REAL_CLIPS.horse, monoClip()]) {
      const asset = await importFile(store, clip, 'imported');
      store.shots.add({ durationFrames: 48, importedTake: { assetId: asset.id } });
    }
  });

  afterAll(() => store.close());

  it('exports the cut and records the run as succeeded', async () => {
    const outPath = join(root, '成片 final.mp4');
    const { exportId } = await runExport(store, { outPath, quality: 'draft' });
    const video = ffprobeJson(outPath).streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ width: 720, height: 1280, r_frame_rate: '30000/1001' });
    // 6.125 s and 1 s at 29.97 fps: 183 + 29 whole frames.
    expect(countVideoFrames(outPath)).toBe(183 + 29);
    expect(store.unfinishedExports().map((r) => r.id)).not.toContain(exportId);
  });

  it('the sweep marks a dead run interrupted and deletes its temp', async () => {
    const outPath = join(root, 'crashed.mp4');
    const tempPath = exportTempPath(outPath, 'dead-run');
    writeFileSync(tempPath, 'half a video');
    store.recordExportStart({ id: 'dead-run', outPath, tempPath, pid: null });
    expect(store.unfinishedExports().map((r) => r.id)).toEqual(['dead-run']);
    const result = await sweepInterruptedExports(store);
    expect(result).toEqual({ interrupted: ['dead-run'], killed: [], problems: [] });
    expect(existsSync(tempPath)).toBe(false);
    expect(store.unfinishedExports()).toEqual([]);
  });
});
