/**
 * Joining conformed clips when some transitions overlap them (design.md §3: transitions overlap
 * neighbours). Clips joined by cuts are concatenated into runs; consecutive runs are joined by
 * `xfade` on the picture and `acrossfade` on the sound, so both come out exactly the cut's
 * length: frames = sum − overlaps, samples = sampleAtFrame(total). Pure; only numbers are
 * interpolated (file paths are -i arguments, never in the graph).
 */
import { framesToSeconds, type Fps } from '../model/time.js';
import type { ExportClip } from './plan.js';
import { OVERLAP_KINDS, TRANSITION_LOOKS, type OverlapKind, type TransitionKind } from '../model/transitionKinds.js';

/** The xfade transition of each overlapping kind (https://ffmpeg.org/ffmpeg-filters.html#xfade), from the table. */
export const XFADE = Object.fromEntries(OVERLAP_KINDS.map((k) => [k, TRANSITION_LOOKS[k].xfade])) as Record<
  OverlapKind,
  string
>;

/** The xfade transition of a kind; null for a cut. */
export function xfadeOf(kind: TransitionKind): string | null {
  return kind === 'cut' ? null : XFADE[kind];
}

/** Seconds on the microsecond grid, rounded to nearest: xfade rescales them to the 1/fps time base. */
function seconds(frames: number, fps: Fps): string {
  return (Math.round(framesToSeconds(frames, fps) * 1e6) / 1e6).toFixed(6);
}

/** Index ranges of clips joined by cuts: a new run starts at every clip that overlaps the previous. */
export function transitionRuns(clips: readonly Pick<ExportClip, 'overlap'>[]): number[][] {
  const runs: number[][] = [];
  clips.forEach((c, i) => {
    const last = runs[runs.length - 1];
    if (i === 0 || c.overlap > 0 || !last) runs.push([i]);
    else last.push(i);
  });
  return runs;
}

export function hasTransitions(clips: readonly Pick<ExportClip, 'overlap'>[]): boolean {
  return clips.some((c) => c.overlap > 0);
}

/**
 * Chains joining `[v<i>][a<i>]` (one per clip) into `[vOut][aOut]`. Every run ends on the 1/fps
 * time base (concat outputs microseconds, and xfade needs both inputs on the same base).
 */
export function transitionJoinChains(clips: readonly ExportClip[], fps: Fps, vOut: string, aOut: string): string[] {
  const runs = transitionRuns(clips);
  const chains: string[] = [];
  const tb = `settb=expr=${fps.den}/${fps.num}`;
  const runLabels = runs.map((run, r) => {
    const pads = run.map((i) => `[v${i}][a${i}]`).join('');
    chains.push(`${pads}concat=n=${run.length}:v=1:a=1[rc${r}][ra${r}]`);
    return { v: `rc${r}`, a: `ra${r}` };
  });
  let acc = runLabels[0];
  runs.forEach((run, r) => {
    if (r === 0 || !acc) return;
    const first = clips[run[0] ?? 0];
    const next = runLabels[r];
    if (!first || !next || first.transition === 'cut')
      throw new RangeError(`run ${r} does not start with a transition`);
    const last = r === runs.length - 1;
    const v = last ? vOut : `xv${r}`;
    const a = last ? aOut : `xa${r}`;
    chains.push(
      `[${acc.v}]${tb}[xp${r}]`,
      `[${next.v}]${tb}[xn${r}]`,
      // offset: where the incoming clip starts on the output; duration: the overlap. xfade
      // always outputs offset + (second input's frames) frames, but in ffmpeg 5.1 it can leave
      // a one-frame hole in the timestamps when its first input ends while the blend waits
      // for the second (the encoder's -r would then duplicate a frame): number the frames
      // afresh so the count is the length. Pinned by test/integration/export/transitions.test.ts.
      `[xp${r}][xn${r}]xfade=transition=${xfadeOf(first.transition) ?? ''}:duration=${seconds(first.overlap, fps)}` +
        `:offset=${seconds(first.startFrame, fps)},${tb},setpts=N[${v}]`,
      // ns: the overlap in samples, so the sound shortens by exactly what the picture does
      // (https://ffmpeg.org/ffmpeg-filters.html#acrossfade). A dip crossfades the sound too.
      `[${acc.a}][${next.a}]acrossfade=ns=${first.overlapSamples}[${a}]`,
    );
    acc = { v, a };
  });
  return chains;
}
