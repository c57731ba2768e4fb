/**
 * Splitting one multi-shot clip back onto its storyboard shots: one ffmpeg run (the one runner
 * executes it) decodes the clip once and writes one take per shot, cut at the points the
 * provider's plan gives (Kling: the running sums of the multi_prompt durations). Cuts are
 * re-encoded so each take starts on its own keyframe at the exact time. Pure.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';

export interface SplitSegment {
  shotId: string;
  startSec: number;
  endSec: number;
}

const ENCODE = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac'];
const sec = (s: number): string => s.toFixed(3);

/**
 * The invocation writing segment i to outputs[i]. Output-side -ss/-to: every output reads the
 * same decoded input and keeps only its own span (accurate to the frame).
 */
export function splitInvocation(
  clip: string,
  segments: readonly SplitSegment[],
  outputs: readonly string[],
): FfmpegInvocation {
  if (segments.length === 0 || segments.length !== outputs.length)
    throw new Error(`splitInvocation: ${segments.length} segments for ${outputs.length} outputs`);
  const optionsOf = (s: SplitSegment) => [
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-ss',
    sec(s.startSec),
    '-to',
    sec(s.endSec),
    ...ENCODE,
  ];
  const [first, ...rest] = segments;
  return {
    label: `split multi-shot clip into ${segments.length} takes`,
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [{ options: [], source: clip }],
    filterComplex: null,
    outputOptions: optionsOf(first as SplitSegment),
    output: outputs[0] as string,
    extraOutputs: rest.map((s, i) => ({ options: optionsOf(s), output: outputs[i + 1] as string })),
    durationSec: segments.at(-1)?.endSec ?? null,
  };
}

/**
 * When the clip is shorter or longer than planned (a provider rounds), the planned cut points
 * are scaled onto the real length so no take is cut past the end or leaves a tail behind.
 */
export function fitSegments(segments: readonly SplitSegment[], actualSec: number): SplitSegment[] {
  const planned = segments.at(-1)?.endSec ?? 0;
  if (planned <= 0 || !(actualSec > 0) || Math.abs(planned - actualSec) < 0.05) return segments.map((s) => ({ ...s }));
  const k = actualSec / planned;
  return segments.map((s) => ({ shotId: s.shotId, startSec: s.startSec * k, endSec: s.endSec * k }));
}

/** The scene-change score above which a frame starts a new shot (ffmpeg's `scene`, 0..1). */
export const SCENE_CUT_THRESHOLD = 0.3;

/**
 * Finds the cuts a provider made inside a multi-shot clip: `select='gt(scene,T)'` keeps the
 * frames that differ from the previous one by more than T, and `metadata=print` logs each kept
 * frame's pts_time (parseSceneCuts reads them from stderr). Nothing is written.
 */
export function sceneCutInvocation(clip: string, threshold = SCENE_CUT_THRESHOLD): FfmpegInvocation {
  return {
    label: 'find the cuts of a multi-shot clip',
    globalOptions: ['-hide_banner', '-nostdin', '-y'],
    inputs: [{ options: [], source: clip }],
    filterComplex: null,
    outputOptions: ['-map', '0:v:0', '-vf', `select='gt(scene,${threshold})',metadata=print`, '-an', '-f', 'null'],
    output: '-',
    durationSec: null,
  };
}
