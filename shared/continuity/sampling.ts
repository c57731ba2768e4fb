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
  /** Seconds into the clip, ascending; a still image: ignored (one frame). */
  times: readonly number[];
  /** The one raw output: the frames one after another, width * height * 3 bytes each. */
  output: string;
  width: number;
  height: number;
  isStillImage: boolean;
  label?: string;
}

const GLOBALS = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];

/** The distinct times, ascending, as the select expression reads them (ms, like the samples). */
function distinctTimes(times: readonly number[]): string[] {
  return [...new Set([...times].sort((a, b) => a - b).map((t) => Math.max(0, t).toFixed(3)))];
}

/**
 * The `select` expression keeping the first frame at or after each time: sample k takes the
 * first frame in [t_k, t_k+1) while nothing at or after t_k was kept yet. The intervals do not
 * overlap, so a frame matches one term at most (select reads a sum above 1 as an output index);
 * an interval without a frame (a clip shorter than its stated duration) gives no frame.
 * `prev_selected_t` is NAN before the first pick and gte(NAN, x) is 0, so not() lets it through.
 * Escaped for a filter graph (commas inside a filter's argument: \\,).
 */
export function selectExpression(times: readonly number[]): string {
  const ts = distinctTimes(times);
  const terms = ts.map((t, k) => {
    const parts = [
      `gte(t,${t})`,
      ...(k + 1 < ts.length ? [`lt(t,${ts[k + 1]})`] : []),
      `not(gte(prev_selected_t,${t}))`,
    ];
    return parts.join('*');
  });
  return terms.join('+').replace(/,/g, '\\,');
}

/**
 * One ffmpeg run, one decoder pass: the clip is decoded from its start once, `select` keeps the
 * frames at the sample times and `-frames:v` stops ffmpeg after the last one, so nothing past it
 * is decoded. (An input per time with `-ss` before `-i` decodes from the keyframe before each
 * time, https://trac.ffmpeg.org/wiki/Seeking: AI clips usually carry ONE keyframe, at 0 s, so
 * three samples decoded the start of the clip three times, ~2x the work; measured in
 * test/bench/continuity.bench.ts.) Only the selected frames are scaled (area filter when
 * shrinking; ffmpeg autorotates, setsar=1 makes pixels square) and written as packed `rgb24`
 * into one `rawvideo` file; rawvideo has no timestamps, so ffmpeg passes frames through
 * without duplicating any.
 */
export function decodeFramesInvocation(spec: DecodeSpec): FfmpegInvocation {
  if (!spec.isStillImage && spec.times.length === 0) {
    throw new Error('decodeFramesInvocation: at least one time.');
  }
  const scale = `scale=${spec.width}:${spec.height}:flags=area,setsar=1,format=rgb24`;
  const count = spec.isStillImage ? 1 : distinctTimes(spec.times).length;
  const filter = spec.isStillImage ? scale : `select=${selectExpression(spec.times)},${scale}`;
  return {
    label: spec.label ?? 'continuity frames',
    globalOptions: GLOBALS,
    inputs: [{ options: spec.isStillImage ? stillImageInputOptions(spec.input) : [], source: spec.input }],
    filterComplex: null,
    outputOptions: ['-map', '0:v:0', '-frames:v', String(count), '-vf', filter, '-f', 'rawvideo', '-pix_fmt', 'rgb24'],
    output: spec.output,
    durationSec: null,
  };
}
