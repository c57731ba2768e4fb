/**
 * A/V sync fixtures for the stream-copy tests: clips whose FIRST video frame is white and whose
 * audio starts with a short 1 kHz beep (silence after), made with the system ffmpeg; and
 * independent detectors that find those marks in an export by decoding it with the system
 * ffmpeg. A join that shifts audio against video moves a beep away from its flash.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { lavfiClip } from '../../helpers/lavfiClip.js';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';

export interface MarkedClipOptions {
  size?: string;
  /** A number or a rational such as '30000/1001'. */
  fps?: number | string;
  seconds?: number;
  /** Extra libx264 options (e.g. ['-crf', '30'] or ['-profile:v', 'main']). */
  x264?: string[];
  audio?: boolean;
  /** Audio length when it should differ from the video's (AI clips often run a little longer). */
  audioSeconds?: number;
}

/** H.264 (veryfast, B-frames) + AAC stereo 48 kHz, white first frame, beep at 0 s. */
export function markedClip(out: string, o: MarkedClipOptions = {}): string {
  const { size = '320x240', fps = 24, seconds = 1, x264 = [], audio = true, audioSeconds = seconds } = o;
  mkdirSync(dirname(out), { recursive: true });
  const video = `testsrc2=s=${size}:r=${fps}:d=${seconds},drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(n,0)'`;
  const beep = 'if(lt(t,0.05),sin(2*PI*1000*t),0)';
  return lavfiClip(out, {
    video,
    ...(audio ? { audio: `aevalsrc=exprs='${beep}|${beep}':s=48000:d=${audioSeconds}` } : {}),
    preset: 'veryfast',
    videoArgs: x264,
  });
}

/** Indexes of the white frames of `file` (decoded, averaged over an 8x8 thumbnail). */
export function flashFrames(file: string): number[] {
  const raw = execFileSync(
    FFMPEG,
    ['-v', 'error', '-nostdin', '-i', file, '-map', '0:v:0', '-vf', 'scale=8:8,format=gray', '-f', 'rawvideo', '-'],
    { maxBuffer: 1 << 28 },
  );
  const frames: number[] = [];
  for (let i = 0; i * 64 < raw.length; i++) {
    let sum = 0;
    for (let j = 0; j < 64; j++) sum += raw[i * 64 + j] ?? 0;
    if (sum / 64 > 220) frames.push(i);
  }
  return frames;
}

/**
 * Seconds at which a beep starts in `file`'s audio, decoded as players do: sample after
 * sample, so any extra or missing audio at a join shifts every later beep.
 */
export function beepOnsets(file: string): number[] {
  const pcm = execFileSync(
    FFMPEG,
    ['-v', 'error', '-nostdin', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', '48000', '-f', 's16le', '-'],
    { maxBuffer: 1 << 28 },
  );
  const onsets: number[] = [];
  let lastLoud = Number.NEGATIVE_INFINITY;
  for (let i = 0; i + 1 < pcm.length; i += 2) {
    if (Math.abs(pcm.readInt16LE(i)) < 3000) continue;
    const sample = i / 2;
    if (sample - lastLoud > 0.3 * 48000) onsets.push(sample / 48000);
    lastLoud = sample;
  }
  return onsets;
}

/**
 * 1 s of testsrc2 at 24 fps with a `colour` square in its corner (same settings, other bytes per
 * colour) + a 440 Hz AAC stereo tone: the clips the stored-facts tests import.
 */
export function colourClip(out: string, colour: string, o: { size: string; box: number; preset: string }): string {
  return lavfiClip(out, {
    video: `testsrc2=s=${o.size}:r=24:d=1,drawbox=x=0:y=0:w=${o.box}:h=${o.box}:color=${colour}:t=fill`,
    audio: 'sine=f=440:r=48000:d=1',
    preset: o.preset,
    audioArgs: ['-ac', '2'],
  });
}
