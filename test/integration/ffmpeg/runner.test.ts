/**
 * The runner against the real ffmpeg/ffprobe: progress, cancel (the process is gone when the
 * promise settles), timeouts that kill, failures that carry ffmpeg's own words.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../helpers/errors.js';
import {
  abortAllFfmpeg,
  ffmpegVersion,
  runFfmpeg,
  runFfprobe,
  runningFfmpegCount,
  setFfmpegLogger,
  type FfmpegLogEntry,
} from '../../../electron/services/ffmpeg/runner.js';
import type { FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';
import { ffprobeJson } from '../../helpers/ffprobe.js';
import { cfrClip } from '../../helpers/media.js';
import { isProcessAlive } from '../../../electron/services/util/process.js';
import { tempDir } from '../../helpers/tmp.js';

const dir = tempDir();

/** Live processes whose command line mentions `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A test-pattern encode; `realtime` paces it with -re so it runs for `sec` seconds. */
function encode(name: string, sec: number, realtime: boolean): FfmpegInvocation {
  return {
    label: `test encode ${name}`,
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [
      {
        options: [...(realtime ? ['-re'] : []), '-f', 'lavfi'],
        source: `testsrc2=size=160x120:rate=25:duration=${sec}`,
      },
    ],
    filterComplex: null,
    outputOptions: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    output: join(dir, `${name}.mp4`),
    durationSec: sec,
  };
}

describe('runFfmpeg', () => {
  it('runs an invocation, reports rising progress to ~1 and logs the command line', async () => {
    const log: FfmpegLogEntry[] = [];
    setFfmpegLogger((e) => log.push(e));
    const seen: number[] = [];
    const inv = encode('progress 镜头', 2, true);
    const result = await runFfmpeg(inv, { onProgress: (p) => seen.push(p) });
    setFfmpegLogger(null);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBeGreaterThan(0.95);
    expect(Number(ffprobeJson(inv.output).format.duration)).toBeCloseTo(2, 1);
    expect(log.map((e) => e.event)).toEqual(['start', 'done']);
    expect(log[0]?.commandLine).toBe(result.commandLine);
    expect(result.commandLine).toContain(` -i testsrc2=size=160x120:rate=25:duration=2 -y -c:v libx264 `);
    expect(result.commandLine.endsWith(` '${inv.output}'`)).toBe(true);
  });

  it('cancel kills ffmpeg and rejects CANCELED; the process is gone when it settles', async () => {
    const ac = new AbortController();
    let pid = 0;
    const run = runFfmpeg(encode('cancel', 60, true), {
      signal: ac.signal,
      onSpawn: (p) => {
        pid = p;
      },
      onProgress: (p) => {
        if (p > 0.01) ac.abort();
      },
    });
    const err = await rejectionOf(run);
    expect(err.code).toBe('CANCELED');
    expect(pid).toBeGreaterThan(0);
    expect(isProcessAlive(pid)).toBe(false);
    expect(runningFfmpegCount()).toBe(0);
  });

  it('abortAllFfmpeg stops every running process', async () => {
    const pids: number[] = [];
    let started = 0;
    let allStarted: () => void = () => {};
    const ready = new Promise<void>((r) => {
      allStarted = r;
    });
    const onSpawn = (p: number): void => {
      pids.push(p);
      if (++started === 2) allStarted();
    };
    const runs = [runFfmpeg(encode('all-a', 60, true), { onSpawn }), runFfmpeg(encode('all-b', 60, true), { onSpawn })];
    await ready;
    expect(abortAllFfmpeg()).toBe(2);
    const errors = await Promise.all(runs.map(rejectionOf));
    expect(errors.map((e) => e.code)).toEqual(['CANCELED', 'CANCELED']);
    expect(pids.filter(isProcessAlive)).toEqual([]);
  });

  it('a timeout kills ffmpeg and rejects MEDIA_TIMEOUT', async () => {
    let pid = 0;
    const err = await rejectionOf(
      runFfmpeg(encode('timeout', 60, true), {
        timeoutMs: 700,
        onSpawn: (p) => {
          pid = p;
        },
      }),
    );
    expect(err.code).toBe('MEDIA_TIMEOUT');
    expect(err.message).toContain('test encode timeout');
    expect(isProcessAlive(pid)).toBe(false);
  });

  it("a failure carries the label, exit code and ffmpeg's own error lines", async () => {
    const missing = join(dir, "no such 'clip' 100%.mp4");
    const inv: FfmpegInvocation = { ...encode('fail', 1, false), inputs: [{ options: [], source: missing }] };
    const err = await rejectionOf(runFfmpeg(inv));
    expect(err.code).toBe('FFMPEG_FAILED');
    expect(err.message).toContain('test encode fail');
    expect(err.message).toMatch(/exited with code [1-9]/);
    expect(err.message).toContain(`${missing}: No such file or directory`);
    expect(existsSync(inv.output)).toBe(false);
  });
});

describe('runFfprobe', () => {
  it('returns ffprobe stdout', async () => {
    const out = await runFfprobe(['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'json', cfrClip()]);
    const types = (JSON.parse(out) as { streams: { codec_type: string }[] }).streams.map((s) => s.codec_type);
    expect(types.sort()).toEqual(['audio', 'video']);
  });

  it('kills a hanging ffprobe (a FIFO nobody writes) and rejects MEDIA_TIMEOUT', async () => {
    const fifo = join(dir, 'never written.fifo');
    execFileSync('mkfifo', [fifo]);
    const err = await rejectionOf(runFfprobe(['-v', 'error', '-show_format', '-i', fifo], { timeoutMs: 1000 }));
    expect(err.code).toBe('MEDIA_TIMEOUT');
    expect(processesMentioning(fifo)).toEqual([]);
  });

  it('rejects FFMPEG_FAILED with the stderr tail', async () => {
    const err = await rejectionOf(runFfprobe(['-v', 'error', '-i', join(dir, 'missing.mp4')]));
    expect(err.code).toBe('FFMPEG_FAILED');
    expect(err.message).toContain('No such file or directory');
  });
});

describe('ffmpegVersion', () => {
  it('reads the version of the binary that runs', async () => {
    const direct = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' }).stdout.split(' ')[2];
    expect(await ffmpegVersion()).toBe(direct);
  });
});
