/**
 * The stream-copy export's safety (quality.md EXP-3, MEDIA-13) with the real runner and ffmpeg:
 * a copy that fails verification never reaches the target and is re-encoded; a cancel stops it
 * and leaves nothing; the sweep after a crash removes its concat lists.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { sweepInterruptedExports } from '../../../electron/services/export/sweep.js';
import { runningFfmpegCount } from '../../../electron/services/ffmpeg/runner.js';
import { audioListPath, concatListPath, exportTempPath } from '../../../electron/services/export/tempPath.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { exportCut, expectGoodExport, expectInSync, FPS, SMALL, sameClips } from './copyFixtures.js';
import { FakeExportStore } from './fakeStore.js';
import { ffmpeg } from './fixtures.js';

describe('stream-copy export: verification, cancel and sweep (real ffmpeg)', () => {
  const dir = tempDir();
  let same: ClipSpec[] = [];

  beforeAll(() => {
    same = sameClips(dir);
  });

  it('a copy that fails verification is deleted and re-encoded; the target only ever gets a verified file', async () => {
    const outDir = join(dir, 'out');
    mkdirSync(outDir, { recursive: true });
    const outPath = join(outDir, 'verified.mp4');
    writeFileSync(outPath, 'previous export');
    const shorter = join(dir, 'shorter.mp4');
    // A plausible but wrong file: the same clips, one fewer.
    ffmpeg([
      '-i',
      join(dir, 'media/c0.mp4'),
      '-i',
      join(dir, 'media/c1.mp4'),
      '-i',
      join(dir, 'media/c3.mp4'),
      '-filter_complex',
      '[0:v][0:a][1:v][1:a][2:v][2:a]concat=n=3:v=1:a=1[v][a]',
      '-map',
      '[v]',
      '-map',
      '[a]',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      shorter,
    ]);
    const store = new FakeExportStore(dir, makeDoc(same, { dir, ...SMALL }));
    const seen: string[] = [];
    const result = await runExport(store, {
      outPath,
      quality: 'draft',
      exportId: 'run-verify',
      onProgress: (p) => {
        if (p.state === 'running') seen.push(readFileSync(outPath, 'utf8').slice(0, 15));
      },
      testHooks: {
        afterCopy: (temp) => {
          seen.push(readFileSync(outPath, 'utf8').slice(0, 15));
          copyFileSync(shorter, temp);
        },
      },
    });
    expect(result.mode).toBe('reencode');
    expect(result.reason).toMatch(
      /^the copied file failed verification: it has 7\d video frames, 96 expected; re-encoded instead$/,
    );
    expect(new Set(seen)).toEqual(new Set(['previous export']));
    expectGoodExport(outPath, 4 * FPS);
    expectInSync(outPath, [0, 24, 48, 72]);
    // Two ffmpeg runs recorded (copy, then re-encode), then success; nothing left beside the target.
    expect(store.runs.get('run-verify')?.history).toEqual(['running', 'running', 'running', 'succeeded']);
    expect(readdirSync(outDir).filter((n) => n.includes('verified'))).toEqual(['verified.mp4']);
  });

  it('a copy that ffprobe cannot read back (truncated) is re-encoded too', async () => {
    const { result, file } = await exportCut(dir, same, 'truncated copy.mp4', {
      testHooks: { afterCopy: (temp) => truncateSync(temp, 4096) },
    });
    expect(result.mode).toBe('reencode');
    expect(result.reason).toMatch(
      /^the copied file (could not be verified|failed verification): .*; re-encoded instead$/,
    );
    expectGoodExport(file, 4 * FPS);
  });

  it('a cancel once the copy is decided stops it: CANCELED, run recorded canceled, no ffmpeg, temp or list left', async () => {
    const outDir = join(dir, 'out');
    mkdirSync(outDir, { recursive: true });
    const store = new FakeExportStore(dir, makeDoc(same, { dir, ...SMALL }));
    const controller = new AbortController();
    const run = runExport(store, {
      outPath: join(outDir, 'canceled copy.mp4'),
      quality: 'draft',
      exportId: 'run-cancel-copy',
      signal: controller.signal,
      onLog: (m) => {
        if (m.includes('stream copy')) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELED' });
    // The join starts before the decision is logged (copyExport.ts speculativeCopy), so its
    // pid may or may not have been recorded by then; either way the run ends canceled and
    // every process we started is gone.
    const history = store.runs.get('run-cancel-copy')?.history ?? [];
    expect(history[0]).toBe('running');
    expect(history.at(-1)).toBe('canceled');
    expect(history).not.toContain('succeeded');
    expect(runningFfmpegCount()).toBe(0);
    expect(readdirSync(outDir).filter((n) => n.includes('canceled copy'))).toEqual([]);
  });

  it('the sweep after a crash removes the concat lists as well as the temp file', async () => {
    const outPath = join(dir, 'out', 'crashed copy.mp4');
    const temp = exportTempPath(outPath, 'dead');
    writeFileSync(temp, 'half');
    writeFileSync(concatListPath(temp), 'ffconcat version 1.0\n');
    writeFileSync(audioListPath(temp), 'ffconcat version 1.0\n');
    const store = new FakeExportStore(dir, makeDoc([], { dir }));
    store.recordExportStart({ id: 'dead', outPath, tempPath: temp, pid: null });
    expect(await sweepInterruptedExports(store)).toEqual({ interrupted: ['dead'], killed: [], problems: [] });
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(concatListPath(temp))).toBe(false);
    expect(existsSync(audioListPath(temp))).toBe(false);
    expect(audioListPath(temp)).toMatch(/\.dead\.alist\.sbtmp$/);
  });
});
