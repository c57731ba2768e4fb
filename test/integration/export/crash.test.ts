/**
 * quality.md MEDIA-1: kill -9 of the process running an export. The export runs in a child
 * Node process (our code bundled with esbuild) over a JSON-file store; the test kills it once
 * ffmpeg is writing, then sweeps as the next project open would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepInterruptedExports } from '../../../electron/services/export/sweep.js';
import { REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc } from '../../unit/export/doc.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';
import { bundleChild, ffmpegAlive, killAll, startChild, until } from './child/bundle.js';

describe('MEDIA-1: kill -9 during export', () => {
  const dir = tempDir();
  const bundle = join(dir, 'exportChild.cjs');
  const pidsToReap: number[] = [];

  beforeAll(async () => {
    await bundleChild('exportChild.ts', bundle);
  });

  afterAll(() => killAll(pidsToReap));

  it('leaves no file at the target; the sweep kills the orphan ffmpeg and removes the temp', async () => {
    const kitten = addClip(dir, 'media/kitten.mp4', REAL_CLIPS.kitten);
    const horse = addClip(dir, 'media/horse.mp4', REAL_CLIPS.horse);
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    const outPath = join(outDir, `final 成片 'v1' 100%.mp4`);
    const storeFile = join(dir, 'store.json');
    // 1080p with the slow preset: ffmpeg is still busy long after the kill.
    new FakeExportStore(dir, makeDoc([kitten, horse, kitten, horse], { dir, width: 1920, height: 1080 }), storeFile);

    const { child, stderr, exited } = startChild(bundle, [storeFile, outPath, 'high']);

    // Wait until the run is recorded with ffmpeg's pid and ffmpeg has written data.
    let run = { pid: null as number | null, tempPath: '' };
    await until(
      () => `the export to start (${stderr()})`,
      () => {
        run = FakeExportStore.load(storeFile).unfinishedExports()[0] ?? run;
        return run.pid !== null && existsSync(run.tempPath) && statSync(run.tempPath).size > 0;
      },
    );
    const pid = run.pid!;
    pidsToReap.push(pid);
    expect(resolve(run.tempPath, '..')).toBe(outDir);

    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    // The precondition the sweep exists for: ffmpeg outlives its parent.
    expect(ffmpegAlive(pid, run.tempPath)).toBe(true);
    expect(existsSync(outPath)).toBe(false);

    // The next open of the project.
    const store = FakeExportStore.load(storeFile);
    const result = await sweepInterruptedExports(store);
    expect(result.killed).toEqual([pid]);
    expect(result.problems).toEqual([]);
    expect(ffmpegAlive(pid, run.tempPath)).toBe(false);
    expect(spawnSync('pgrep', ['-f', run.tempPath]).stdout.toString().trim()).toBe('');
    expect(existsSync(run.tempPath)).toBe(false);
    expect(existsSync(outPath)).toBe(false);
    expect([...store.runs.values()].map((r) => r.state)).toEqual(['interrupted']);
    expect(FakeExportStore.load(storeFile).unfinishedExports()).toEqual([]);

    // A second sweep has nothing left to do.
    expect(await sweepInterruptedExports(store)).toEqual({ interrupted: [], killed: [], problems: [] });
  });

  it('never deletes a recorded temp path that is not an export temp name, nor kills a pid that is not our ffmpeg', async () => {
    const victim = join(dir, 'thesis.docx');
    writeFileSync(victim, 'precious');
    const store = new FakeExportStore(dir, makeDoc([], { dir }));
    store.recordExportStart({ id: 'hostile', outPath: join(dir, 'x.mp4'), tempPath: victim, pid: process.pid });
    const result = await sweepInterruptedExports(store);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(result).toEqual({ interrupted: ['hostile'], killed: [], problems: [] });
  });
});
