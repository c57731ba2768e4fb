/**
 * The export run around ffmpeg: atomic replace of the target, progress, cancel (MEDIA-2),
 * ffmpeg failure, and the checks that run before any process starts (MEDIA-4).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '../../helpers/errors.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import type { ExportProgress } from '../../../shared/api/contract.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { cfrClip, REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { FakeExportStore } from './fakeStore.js';
import { ffmpegAlive } from './child/bundle.js';
import { addClip } from './fixtures.js';

/** Files in `dir` other than the project's media folder. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n !== 'media');
}

describe('export run (real ffmpeg)', () => {
  const dir = tempDir();
  const outDir = join(dir, 'exports 导出');
  let small: ClipSpec[] = [];
  let heavy: ClipSpec[] = [];

  beforeAll(() => {
    mkdirSync(outDir);
    small = [
      addClip(dir, 'media/cfr.mp4', cfrClip()),
      addClip(dir, 'media/horse.mp4', REAL_CLIPS.horse, { trimOut: 24 }),
    ];
    const kitten = addClip(dir, 'media/kitten.mp4', REAL_CLIPS.kitten);
    heavy = [kitten, kitten, kitten, kitten]; // ~24 s at 1080p with the slow preset: many seconds of work
  });

  it('replaces an existing target only when complete, reporting monotonic progress', async () => {
    const outPath = join(outDir, 'cut.mp4');
    writeFileSync(outPath, 'previous export');
    const store = new FakeExportStore(dir, makeDoc(small, { dir }));
    const events: ExportProgress[] = [];
    const targetDuringRun: string[] = [];
    const result = await runExport(store, {
      outPath,
      quality: 'draft',
      exportId: 'run-1',
      onProgress: (p) => {
        events.push(p);
        if (p.state === 'running') targetDuringRun.push(readFileSync(outPath, 'utf8').slice(0, 15));
      },
    });
    expect(result).toEqual({
      outPath,
      exportId: 'run-1',
      mode: 'reencode',
      reason: 'Shot 1 "prompt 1" is 320x240, the output is 1280x720',
    });
    expect(countVideoFrames(outPath)).toBe(48 + 24);
    expect(new Set(targetDuringRun)).toEqual(new Set(['previous export']));
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ exportId: 'run-1', state: 'succeeded', progress: 1, outPath, error: null });
    expect(events.slice(0, -1).every((e) => e.state === 'running' && e.progress < 1)).toBe(true);
    const run = store.runs.get('run-1');
    expect(run?.history).toEqual(['running', 'running', 'succeeded']);
    expect(run?.pid).toBeGreaterThan(0);
    expect(run?.tempPath).toBe(join(outDir, '.cut.mp4.run-1.sbtmp'));
    expect(leftovers(outDir)).toEqual(['cut.mp4']);
  });

  it('MEDIA-2: cancel stops ffmpeg within 2 s, removes the temp, records canceled, leaves no target', async () => {
    const outPath = join(outDir, 'canceled.mp4');
    const store = new FakeExportStore(dir, makeDoc(heavy, { dir, width: 1920, height: 1080 }));
    const controller = new AbortController();
    let pid = 0;
    let canceledAt = 0;
    const run = runExport(store, {
      outPath,
      quality: 'high',
      exportId: 'run-cancel',
      signal: controller.signal,
      onProgress: (p) => {
        // Cancel once ffmpeg is really encoding (time= has moved).
        if (p.progress > 0 && canceledAt === 0) {
          pid = store.runs.get('run-cancel')?.pid ?? 0;
          canceledAt = Date.now();
          controller.abort();
        }
      },
    });
    const err = await rejectionOf(run);
    const tookMs = Date.now() - canceledAt;
    expect(err.code).toBe('CANCELED');
    expect(canceledAt).toBeGreaterThan(0);
    expect(tookMs).toBeLessThan(2000);
    expect(pid).toBeGreaterThan(0);
    expect(ffmpegAlive(pid, join(outDir, '.canceled.mp4.run-cancel.sbtmp'))).toBe(false);
    expect(existsSync(outPath)).toBe(false);
    expect(leftovers(outDir).filter((n) => n.includes('canceled'))).toEqual([]);
    expect(store.runs.get('run-cancel')?.state).toBe('canceled');
  });

  it('a cancel before start runs nothing and records nothing', async () => {
    const store = new FakeExportStore(dir, makeDoc(small, { dir }));
    const controller = new AbortController();
    controller.abort();
    const err = await rejectionOf(
      runExport(store, { outPath: join(outDir, 'never.mp4'), quality: 'draft', signal: controller.signal }),
    );
    expect(err.code).toBe('CANCELED');
    expect(store.runs.size).toBe(0);
    expect(leftovers(outDir).filter((n) => n.includes('never'))).toEqual([]);
  });

  it('an ffmpeg failure reports its stderr, removes the temp and keeps the previous target', async () => {
    const broken = [addClip(dir, 'media/garbage.mp4', cfrClip())];
    const store = new FakeExportStore(dir, makeDoc(broken, { dir }));
    // The document still says it is a valid clip; the bytes on disk no longer are.
    writeFileSync(join(dir, 'media/garbage.mp4'), Buffer.alloc(50_000, 7));
    const outPath = join(outDir, 'kept.mp4');
    writeFileSync(outPath, 'keep me');
    const err = await rejectionOf(runExport(store, { outPath, quality: 'draft', exportId: 'run-fail' }));
    expect(err.code).toBe('FFMPEG_FAILED');
    expect(err.message).toMatch(/Invalid data found when processing input|moov atom not found/);
    expect(err.details?.stderrTail).toEqual(expect.stringContaining('garbage.mp4'));
    expect(readFileSync(outPath, 'utf8')).toBe('keep me');
    expect(leftovers(outDir).filter((n) => n.includes('kept'))).toEqual(['kept.mp4']);
    expect(store.runs.get('run-fail')?.state).toBe('failed');
  });

  it('MEDIA-4: a missing source is named before anything runs', async () => {
    const moved = [...small, { ...small[0]!, path: 'media/moved away.mp4' }];
    const store = new FakeExportStore(dir, makeDoc(moved, { dir }));
    const err = await rejectionOf(runExport(store, { outPath: join(outDir, 'missing.mp4'), quality: 'draft' }));
    expect(err.code).toBe('MEDIA_MISSING');
    // Named by the file the user imported, never by the store's internal path.
    expect(err.message).toBe(
      'Shot 3 "prompt 3" uses "clip2.mp4", whose file is missing from the project: relink it (Relink media…, or storyboard relink) or re-import it.',
    );
    expect(err.message).not.toContain('media/');
    expect(store.runs.size).toBe(0);
  });

  it('refuses a missing output folder or a folder in place of the file, before running', async () => {
    const store = new FakeExportStore(dir, makeDoc(small, { dir }));
    const noFolder = await rejectionOf(runExport(store, { outPath: join(outDir, 'nope', 'x.mp4'), quality: 'draft' }));
    expect(noFolder.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(noFolder.message).toMatch(/the folder .*nope does not exist/);
    mkdirSync(join(outDir, 'folder.mp4'));
    const isFolder = await rejectionOf(runExport(store, { outPath: join(outDir, 'folder.mp4'), quality: 'draft' }));
    expect(isFolder.code).toBe('OUTPUT_NOT_WRITABLE');
    const badExt = await rejectionOf(runExport(store, { outPath: join(outDir, 'x.webm'), quality: 'draft' }));
    expect(badExt.code).toBe('EXPORT_INVALID');
    expect(store.runs.size).toBe(0);
  });
});
