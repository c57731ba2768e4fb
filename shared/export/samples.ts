/**
 * Exact audio lengths for frame-exact video. At 30000/1001 fps a frame lasts 1601.6 samples
 * at 48 kHz, so rounding each clip on its own would drift by up to half a sample per clip;
 * instead each boundary is rounded on the cumulative timeline and a clip gets the difference,
 * so after any number of clips audio and video end within half a sample of each other.
 */
import type { Fps } from '../model/time.js';

/** The audio sample nearest to the start of `frame` (integer math: no float drift). */
export function sampleAtFrame(frame: number, fps: Fps, sampleRate: number): number {
  // round(frame * sampleRate * den / num) as floor((2x + num) / (2 num)) on integers.
  const numerator = frame * sampleRate * fps.den;
  if (!Number.isSafeInteger(2 * numerator + fps.num)) {
    throw new RangeError(`Timeline too long for exact audio math: ${frame} frames`);
  }
  return floorDiv(2 * numerator + fps.num, 2 * fps.num);
}

/** floor(a / b) for non-negative safe integers, corrected for the float division's rounding. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** Samples per clip, given each clip's frame count in timeline order. */
export function clipSampleCounts(framesPerClip: readonly number[], fps: Fps, sampleRate: number): number[] {
  let frame = 0;
  let sample = 0;
  return framesPerClip.map((frames) => {
    frame += frames;
    const end = sampleAtFrame(frame, fps, sampleRate);
    const count = end - sample;
    sample = end;
    return count;
  });
}

export interface ClipSampleSpan {
  /** Samples of the clip's own sound. */
  samples: number;
  /** Samples it overlaps the previous clip (a crossfade), 0 for a cut. */
  overlapSamples: number;
}

/**
 * Samples per clip when clips may overlap (transitions): each clip spans the samples between
 * its start and end frame on the one timeline, so every overlap and the whole mix telescope to
 * sampleAtFrame(total) exactly. With no overlap this equals clipSampleCounts().
 */
export function clipSampleSpans(
  clips: readonly { startFrame: number; frames: number }[],
  fps: Fps,
  sampleRate: number,
): ClipSampleSpan[] {
  let prevEnd = 0;
  return clips.map((c) => {
    const start = sampleAtFrame(c.startFrame, fps, sampleRate);
    const end = sampleAtFrame(c.startFrame + c.frames, fps, sampleRate);
    const span = { samples: end - start, overlapSamples: Math.max(0, prevEnd - start) };
    prevEnd = end;
    return span;
  });
}
