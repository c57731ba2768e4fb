/**
 * What a strict fake reads from a clip it was sent: its length, size and frame rate, by the
 * system ffprobe (the fal fake's uploads, the Replicate fake's data-URI `reference_video`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the fake read from a clip (ffprobe). */
export interface ClipFacts {
  durationSec: number;
  width: number;
  height: number;
  fps: number;
}

const PROBE_ARGS =
  '-v error -select_streams v:0 -show_entries stream=width,height,avg_frame_rate:format=duration -of json'.split(' ');

/** A clip's length, size and frame rate, as ffprobe reads them (null: not a video). */
export async function probeClip(bytes: Buffer): Promise<ClipFacts | null> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-clip-'));
  try {
    const file = join(dir, 'clip');
    await writeFile(file, bytes);
    return await new Promise<ClipFacts | null>((resolve) => {
      execFile('ffprobe', [...PROBE_ARGS, file], { encoding: 'utf8' }, (err, stdout) => {
        if (err) return resolve(null);
        const j = JSON.parse(stdout) as {
          streams?: { width?: number; height?: number; avg_frame_rate?: string }[];
          format?: { duration?: string };
        };
        const st = j.streams?.[0];
        const [num, den] = (st?.avg_frame_rate ?? '0/1').split('/').map(Number);
        if (!st?.width || !st.height || !num || !den) return resolve(null);
        resolve({ width: st.width, height: st.height, fps: num / den, durationSec: Number(j.format?.duration ?? 0) });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
