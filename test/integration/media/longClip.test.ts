/**
 * Defect 5: a valid 10-hour clip was rejected as damaged (ffprobe's packet list overflowed the
 * runner's 64 MiB output buffer and became MEDIA_CORRUPT). The clip is made here with ffmpeg
 * lavfi in a few seconds: 2 s of 16x16 video at 25 fps with 8 kHz AAC, looped by stream copy to
 * 10 hours (900,000 video packets; its packet list is ~110 MB of JSON). Its import runs in the
 * real CLI with V8's heap capped at 128 MB: the stated memory bound of a probe, which a probe
 * that buffered the whole answer (a 110 MB string, then its parsed objects) could not meet.
 */
import { execFileSync, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyCopyOutput } from '../../../electron/services/export/copyExport.js';
import { COPY_PROBE_MAX_PACKETS } from '../../../electron/services/export/copyProbe.js';
import { probeMedia } from '../../../electron/services/media/probe.js';
import type { ExportPlan } from '../../../shared/export/plan.js';
import { CLI, ensureBuilt } from '../../helpers/cli.js';
import { lavfiClip } from '../../helpers/lavfiClip.js';
import { tempDir } from '../../helpers/tmp.js';
import { runCli } from '../../helpers/cli.js';

const dir = tempDir('sb long clip-');
const TEN_HOURS = 36_000;

function ffmpeg(args: string[]): void {
  execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

let clip = '';
beforeAll(() => {
  ensureBuilt();
  const seg = join(dir, 'seg.mp4');
  lavfiClip(seg, {
    video: 'color=c=blue:s=16x16:r=25',
    audio: 'anullsrc=r=8000:cl=mono',
    seconds: 2,
    preset: 'ultrafast',
    videoArgs: ['-g', '250'],
    audioArgs: ['-b:a', '8k'],
    shortest: true,
  });
  clip = join(dir, 'ten hours.mp4');
  ffmpeg(['-stream_loop', '-1', '-i', seg, '-c', 'copy', '-t', String(TEN_HOURS), clip]);
});

describe('a 10-hour clip', () => {
  it('is probed as a 10-hour video (streamed; its packets are not kept as facts)', async () => {
    expect(statSync(clip).size).toBeLessThan(128 * 1024 * 1024); // so the packet-listing probe runs
    const { info, copyFacts } = await probeMedia(clip);
    expect(info.kind).toBe('video');
    expect(info.kind === 'video' && Math.abs(info.durationSec - TEN_HOURS)).toBeLessThan(1);
    expect(copyFacts).toBeNull();
  });

  it('imports through the CLI with a 128 MB heap', async () => {
    const project = join(dir, 'film');
    const made = await runCli(['new', project, '--name', 'Long', '--fps', '25', '--resolution', '720p'], process.env);
    expect(made.status).toBe(0);
    const node = process.execPath;
    const added = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(node, ['--max-old-space-size=128', CLI, 'add-shot', project, '--video', clip], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('close', (status) => resolve({ status, stderr }));
    });
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
  });
});

/**
 * The export's copy probes (the clips' facts and the verification of a stream-copied output)
 * list every packet too. They were read through runFfprobe's 64 MiB buffer: on this clip the
 * verification failed with "ffprobe printed more than 64 MiB" after holding 64 MiB of text.
 * Now they stream with a packet bound (COPY_PROBE_MAX_PACKETS): ffprobe is stopped there and
 * the answer is a plain reason to re-encode.
 */
describe('the copy probes on a 10-hour clip', () => {
  it('verification stops at its packet bound with a reason, not an ffprobe failure', async () => {
    // The bound is reached before the plan is read: the plan here only names the file.
    const plan = { clips: [], tempPath: clip } as unknown as ExportPlan;
    const problem = await verifyCopyOutput(plan, clip, new AbortController().signal);
    expect(problem).toBe(`it has more than ${COPY_PROBE_MAX_PACKETS} packets, too many to verify`);
  });
});
