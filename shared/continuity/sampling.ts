/**
 * Which frames of a take the consistency check looks at, and the one ffmpeg command that decodes
 * them (pure: the runner executes it). Frames are decoded straight to packed RGB at a working
 * size, so nothing but ffmpeg touches the codec and the scoring reads plain bytes.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import { stillImageInputOptions } from '../media/frames.js';

/** Longest side of a decoded frame: enough for a face of 1/8 frame height to reach the detector. */
export const WORK_SIZE = 480;

/** Frames sampled per take: 3 for a clip up to 12 s, one more per further 8 s, at most 6. */
export function sampleCount(durationSec: number): number {
  if (!(durationSec > 0)) return 1;
  return Math.min(6, 3 + Math.max(0, Math.ceil((durationSec - 12) / 8)));
}

/**
 * Sample times in seconds: the centres of `n` equal parts of [0, duration), so no sample sits on
 * the first frame (often the reference image itself for image-to-video) or the very end.
 */
export function sampleTimes(durationSec: number, n = sampleCount(durationSec)): number[] {
  if (!(durationSec > 0)) return [0];
  return Array.from({ length: n }, (_, i) => Math.round(((i + 0.5) / n) * durationSec * 1000) / 1000);
}

/** The working size of a picture of `width` x `height`: longest side WORK_SIZE (never larger), even. */
export function workSize(width: number, height: number): { width: number; height: number } {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const f = Math.min(1, WORK_SIZE / Math.max(w, h));
  const even = (x: number): number => Math.max(2, 2 * Math.round((x * f) / 2));
  return { width: even(w), height: even(h) };
}

export interface DecodeSpec {
  input: string;
  /** Seconds into the clip for each frame; a still image: one entry, ignored. */
  times: readonly number[];
  /** One raw output file per time. */
  outputs: readonly string[];
  width: number;
  height: number;
  isStillImage: boolean;
  label?: string;
}

const GLOBALS = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];

/**
 * One ffmpeg run, one input per frame: `-ss` before `-i` seeks to the keyframe before and
 * decodes up to the time (https://trac.ffmpeg.org/wiki/Seeking), so each frame costs one GOP at
 * most. Output: exactly one frame each as `rawvideo` `rgb24` at width x height (area filter when
 * shrinking; ffmpeg autorotates, setsar=1 makes pixels square).
 */
export function decodeFramesInvocation(spec: DecodeSpec): FfmpegInvocation {
  if (spec.times.length !== spec.outputs.length || spec.outputs.length === 0) {
    throw new Error('decodeFramesInvocation: one output per time, at least one.');
  }
  const scale = `scale=${spec.width}:${spec.height}:flags=area,setsar=1,format=rgb24`;
  const inputs = spec.isStillImage
    ? [{ options: stillImageInputOptions(spec.input), source: spec.input }]
    : spec.times.map((t) => ({ options: ['-ss', Math.max(0, t).toFixed(3)], source: spec.input }));
  const outputFor = (i: number): string[] => [
    '-map',
    `${spec.isStillImage ? 0 : i}:v:0`,
    '-frames:v',
    '1',
    '-vf',
    scale,
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
  ];
  const count = spec.isStillImage ? 1 : spec.outputs.length;
  return {
    label: spec.label ?? 'continuity frames',
    globalOptions: GLOBALS,
    inputs,
    filterComplex: null,
    outputOptions: outputFor(0),
    output: spec.outputs[0]!,
    extraOutputs: Array.from({ length: count - 1 }, (_, k) => ({
      options: outputFor(k + 1),
      output: spec.outputs[k + 1]!,
    })),
    durationSec: null,
  };
}
