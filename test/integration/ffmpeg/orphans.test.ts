/**
 * quality.md MEDIA-1 "no orphan ffmpeg": what happens to ffmpeg when the app is killed -9, and
 * the sweep that cleans up after it. The "app" here is a small Node parent that starts ffmpeg
 * with piped stdio as the runner does.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepInterruptedExports } from '../../../electron/services/export/sweep.js';
import { findOurFfmpeg, isOurFfmpegRunning, killStaleFfmpeg } from '../../../electron/services/ffmpeg/orphans.js';
import { tempDir } from '../../helpers/tmp.js';

const dir = tempDir();
const tempOutput = join(dir, '.tmp-export 镜头.ts');
let orphanPid = 0;

afterAll(() => {
  try {
    if (orphanPid) process.kill(orphanPid, 'SIGKILL');
  } catch {
    // already gone
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sizeOf = (f: string): number => {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
};

async function waitFor(cond: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function state(pid: number): string {
  try {
    return /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?';
  } catch {
    return 'gone';
  }
}

describe('an ffmpeg whose parent was killed -9', () => {
  it('keeps running (measured), and killStaleFfmpeg finds it by pid + temp path and kills it', async () => {
    const parentScript = join(dir, 'parent.cjs');
    writeFileSync(
      parentScript,
      `
      const { spawn } = require('child_process');
      const ff = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-re', '-f', 'lavfi', '-i',
        'testsrc2=size=320x240:rate=25:duration=120', '-c:v', 'libx264', '-preset', 'ultrafast', '-flush_packets', '1',
        '-tune', 'zerolatency', '-f', 'mpegts', '-y', process.argv[2]], { stdio: ['pipe', 'pipe', 'pipe'] });
      ff.stderr.on('data', () => {});
      process.stdout.write(String(ff.pid) + '\\n');
      setInterval(() => {}, 1000);
    `,
    );
    const parent = spawn(process.execPath, [parentScript, tempOutput], { stdio: ['ignore', 'pipe', 'inherit'] });
    orphanPid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
    );
    await waitFor(() => sizeOf(tempOutput) > 0, 'ffmpeg to start writing');

    const parentGone = new Promise((r) => parent.once('exit', r));
    parent.kill('SIGKILL');
    await parentGone;
    // The measurement: with its parent dead (stderr pipe broken), ffmpeg still writes output.
    const atDeath = sizeOf(tempOutput);
    await waitFor(() => sizeOf(tempOutput) > atDeath, 'the orphan to keep encoding');
    // ...and still after several stats periods (ffmpeg writes stats to the dead pipe every
    // 0.5 s; EPIPE does not stop it because it ignores SIGPIPE).
    await sleep(2000);
    const later = sizeOf(tempOutput);
    await waitFor(() => sizeOf(tempOutput) > later, 'the orphan to survive its stats writes');
    expect(isOurFfmpegRunning(orphanPid, tempOutput)).toBe(true);

    // The pid alone is not enough: another temp path (or a reused pid) is left alone.
    expect(isOurFfmpegRunning(orphanPid, join(dir, '.tmp-other.mp4'))).toBe(false);
    expect(await killStaleFfmpeg(orphanPid, join(dir, '.tmp-other.mp4'))).toBe(false);
    expect(isOurFfmpegRunning(process.pid, tempOutput)).toBe(false);
    expect(['R', 'S', 'D']).toContain(state(orphanPid));

    expect(await killStaleFfmpeg(orphanPid, tempOutput)).toBe(true);
    expect(isOurFfmpegRunning(orphanPid, tempOutput)).toBe(false);
    // killStaleFfmpeg waited for the exit itself: gone, or a zombie waiting for a reaper that
    // is not us (the orphan's parent is now init). Never still running (CI saw 'R' when the
    // wait ended on the emptied cmdline, before the kernel finished the exit).
    expect(['gone', 'Z', 'X']).toContain(state(orphanPid));
  });

  it('a run that died before its pid was recorded: the sweep finds its ffmpeg by the temp path alone', async () => {
    const temp = join(dir, '.cut 镜头.mp4.4f2a.sbtmp');
    const ff = spawn(
      'ffmpeg',
      ['-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=60', '-f', 'mpegts', '-y', temp],
      { stdio: 'ignore' },
    );
    const pid = ff.pid as number;
    orphanPid = pid;
    const exited = new Promise((r) => ff.once('exit', r));
    await waitFor(() => sizeOf(temp) > 0, 'ffmpeg to start writing');
    expect(findOurFfmpeg(temp)).toBe(pid);
    // Only a whole argument counts: a prefix of it, another temp or nothing find no one.
    expect(findOurFfmpeg(dir)).toBeNull();
    expect(findOurFfmpeg(join(dir, '.other.sbtmp'))).toBeNull();
    expect(findOurFfmpeg('')).toBeNull();

    const states: string[] = [];
    const run = { id: 'r1', outPath: join(dir, 'cut 镜头.mp4'), tempPath: temp, pid: null };
    // A hostile stored path (not one of our temp names) is never looked up, even if it matches.
    const hostile = { ...run, id: 'r0', tempPath: 'ffmpeg' };
    const store = {
      unfinishedExports: () => [hostile, run],
      updateExport: (_id: string, u: { state: string }) => void states.push(u.state),
    };
    const swept = await sweepInterruptedExports(store);
    expect(swept).toEqual({ interrupted: ['r0', 'r1'], killed: [pid], problems: [] });
    await exited;
    expect(states).toEqual(['interrupted', 'interrupted']);
  });

  it('never matches a pid that does not exist', () => {
    expect(isOurFfmpegRunning(0, tempOutput)).toBe(false);
    expect(isOurFfmpegRunning(2 ** 22 + 12345, tempOutput)).toBe(false);
  });
});
