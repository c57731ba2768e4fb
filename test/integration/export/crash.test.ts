/**
 * quality.md MEDIA-1: kill -9 of the process running an export. The export runs in a child
 * Node process (our code bundled with esbuild) over a JSON-file store; the test kills it once
 * ffmpeg is writing, then sweeps as the next project open would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepInterruptedExports } from '../../../electron/services/export/sweep.js';
import { REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc } from '../../unit/export/doc.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';
import { bundleChild } from './child/bundle.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** The process `pid` is alive and is an ffmpeg writing `tempPath` (from /proc, not our code). */
function ffmpegAlive(pid: number, tempPath: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(tempPath);
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('MEDIA-1: kill -9 during export', () => {
  const dir = tempDir();
  const bundle = join(dir, 'exportChild.cjs');
  const pidsToReap: number[] = [];

  beforeAll(async () => {
    await bundleChild('exportChild.ts', bundle);
  });

  afterAll(() => {
    // Never leave an ffmpeg behind, whatever happened above.
    for (const pid of pidsToReap) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('leaves no file at the target; the sweep kills the orphan ffmpeg and removes the temp', async () => {
    const kitten = addClip(dir, 'media/kitten.mp4', REAL_CLIPS.kitten);
    const horse = addClip(dir, 'media/horse.mp4', REAL_CLIPS.horse);
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    const outPath = join(outDir, `final 成片 'v1' 100%.mp4`);
    const storeFile = join(dir, 'store.json');
    // 1080p with the slow preset: ffmpeg is still busy long after the kill.
    new FakeExportStore(dir, makeDoc([kitten, horse, kitten, horse], { dir, width: 1920, height: 1080 }), storeFile);

    const child = spawn(process.execPath, [bundle, storeFile, outPath, 'high'], {
      env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let childErr = '';
    child.stderr.on('data', (d: Buffer) => (childErr += d.toString()));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));

    // Wait until the run is recorded with ffmpeg's pid and ffmpeg has written data.
    let run = { pid: null as number | null, tempPath: '' };
    await until(`the export to start (${childErr})`, () => {
      run = FakeExportStore.load(storeFile).unfinishedExports()[0] ?? run;
      return run.pid !== null && existsSync(run.tempPath) && statSync(run.tempPath).size > 0;
    });
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
