/**
 * A test clip synthesised by the SYSTEM ffmpeg from lavfi sources (never our runner, so a bug in
 * our code can't shape its own input): one video source graph, optionally one audio source graph,
 * H.264 yuv420p + AAC. Every caller names its own sizes, rates, durations and preset.
 * lavfi as an input format (`-f lavfi -i <graph>`): https://ffmpeg.org/ffmpeg-devices.html#lavfi
 */
import { execFileSync } from 'node:child_process';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';

export interface LavfiClip {
  /** The video source graph, e.g. `testsrc2=s=320x240:r=24:d=1`. */
  video: string;
  /** The audio source graph, e.g. `sine=f=440:r=48000:d=1`; no audio stream when absent. */
  audio?: string;
  /** The libx264 preset (`ultrafast`, `veryfast`, ...). */
  preset: string;
  /** Extra video output options after the pixel format, e.g. `['-g', '48']` or `['-crf', '30']`. */
  x264?: string[];
  /** Extra audio output options after `-c:a aac`, e.g. `['-ac', '2']`. */
  aac?: string[];
  /** Stop at the shorter stream (`-shortest`). */
  shortest?: boolean;
}

/** The ffmpeg argv (without the program) that writes `clip` to `out`, overwriting it. */
export function lavfiClipArgs(out: string, clip: LavfiClip): string[] {
  const audio = clip.audio === undefined ? [] : ['-f', 'lavfi', '-i', clip.audio];
  return [
    '-hide_banner',
    '-v',
    'error',
    '-nostdin',
    '-y',
    '-f',
    'lavfi',
    '-i',
    clip.video,
    ...audio,
    '-c:v',
    'libx264',
    '-preset',
    clip.preset,
    '-pix_fmt',
    'yuv420p',
    ...(clip.x264 ?? []),
    ...(clip.audio === undefined ? [] : ['-c:a', 'aac', ...(clip.aac ?? [])]),
    ...(clip.shortest ? ['-shortest'] : []),
    out,
  ];
}

/** Writes `clip` to `out` with the system ffmpeg (`FFMPEG_PATH` overrides); returns `out`. */
export function lavfiClip(out: string, clip: LavfiClip): string {
  execFileSync(FFMPEG, lavfiClipArgs(out, clip), { stdio: ['ignore', 'ignore', 'pipe'] });
  return out;
}
