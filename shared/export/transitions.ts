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

/** One picture stream of a windowed join: `frames` long; the transition into it (none for the first). */
export interface JoinStream {
  label: string;
  frames: number;
  /** Frames it overlaps the stream before (0 for the first). */
  overlap: number;
  /** The xfade transition into it (null for the first). */
  xfade: string | null;
}

/**
 * Chains joining picture streams, each after the first starting with a transition, into `[out]`,
 * with only the overlapping frames going through `xfade`. ffmpeg 5.1's xfade takes no yuv420p
 * (libavfilter/vf_xfade.c query_formats lists 4:4:4, planar RGB and gray formats), so a graph
 * that feeds it whole streams converts every frame to yuv444p and back: measured on the EXP-4
 * cut (3 transitions, 22 s at 720p), +1.2 s of filter CPU and 1.3–1.5× the cuts-only export.
 * Here each stream is split into its head (the frames the transition into it overlaps), its
 * middle and its tail (the next transition's frames); each transition blends one tail with the
 * next head (offset 0, as long as the overlap), goes back to `pixelFormat`, and the pieces are
 * concatenated. Overlaps never take more than half a shot (timeline.ts transitionFrames), so
 * head + tail fit in a stream. Frames are renumbered at the end (concat times a one-frame piece
 * as lasting nothing), so the output has exactly sum(frames) − sum(overlaps) frames.
 */
export function windowedXfadeChains(
  streams: readonly JoinStream[],
  fps: Fps,
  pixelFormat: string,
  out: string,
  id = 'w',
): string[] {
  const chains: string[] = [];
  const tb = `settb=expr=${fps.den}/${fps.num}`;
  const pieces: string[] = [];
  streams.forEach((st, i) => {
    const head = i === 0 ? 0 : st.overlap;
    const tail = streams[i + 1]?.overlap ?? 0;
    const middle = st.frames - head - tail;
    if (middle < 0) throw new RangeError(`stream ${i}: overlaps of ${head} + ${tail} frames exceed its ${st.frames}`);
    const parts = [
      { part: 'h', from: 0, to: head },
      { part: 'm', from: head, to: head + middle },
      { part: 't', from: head + middle, to: st.frames },
    ]
      .filter((p) => p.to > p.from)
      .map((p) => ({ ...p, name: `${id}${p.part}${i}` }));
    const inputs = parts.map((p) => `[${id}s${p.part}${i}]`);
    chains.push(`[${st.label}]split=${parts.length}${inputs.join('')}`);
    parts.forEach((p, k) =>
      chains.push(`${inputs[k] ?? ''}trim=start_frame=${p.from}:end_frame=${p.to},setpts=PTS-STARTPTS[${p.name}]`),
    );
    if (i > 0) {
      if (!st.xfade || head === 0) throw new RangeError(`stream ${i} does not start with a transition`);
      chains.push(
        `[${id}t${i - 1}]${tb}[${id}a${i}]`,
        `[${id}h${i}]${tb}[${id}b${i}]`,
        `[${id}a${i}][${id}b${i}]xfade=transition=${st.xfade}:duration=${seconds(head, fps)}:offset=0,` +
          `format=${pixelFormat}[${id}x${i}]`,
      );
      pieces.push(`[${id}x${i}]`);
    }
    if (middle > 0) pieces.push(`[${id}m${i}]`);
  });
  chains.push(`${pieces.join('')}concat=n=${pieces.length}:v=1:a=0,${tb},setpts=N[${out}]`);
  return chains;
}

/**
 * Chains joining `[v<i>][a<i>]` (one per clip) into `[vOut][aOut]`: runs of cuts concatenated,
 * runs joined by the windowed xfade above (picture) and `acrossfade` (sound).
 */
export function transitionJoinChains(
  clips: readonly ExportClip[],
  fps: Fps,
  pixelFormat: string,
  vOut: string,
  aOut: string,
): string[] {
  const runs = transitionRuns(clips);
  const chains: string[] = [];
  const streams = runs.map((run, r): JoinStream => {
    const pads = run.map((i) => `[v${i}][a${i}]`).join('');
    chains.push(`${pads}concat=n=${run.length}:v=1:a=1[rc${r}][ra${r}]`);
    const first = clips[run[0] ?? 0];
    if (r > 0 && (!first || first.transition === 'cut'))
      throw new RangeError(`run ${r} does not start with a transition`);
    return {
      label: `rc${r}`,
      frames: run.reduce((n, i) => n + (clips[i]?.frames ?? 0), 0),
      overlap: r === 0 ? 0 : (first?.overlap ?? 0),
      xfade: r === 0 || !first ? null : xfadeOf(first.transition),
    };
  });
  chains.push(...windowedXfadeChains(streams, fps, pixelFormat, vOut));
  let acc = 'ra0';
  runs.forEach((run, r) => {
    if (r === 0) return;
    const first = clips[run[0] ?? 0];
    const a = r === runs.length - 1 ? aOut : `xa${r}`;
    // ns: the overlap in samples, so the sound shortens by exactly what the picture does
    // (https://ffmpeg.org/ffmpeg-filters.html#acrossfade). A dip crossfades the sound too.
    chains.push(`[${acc}][ra${r}]acrossfade=ns=${first?.overlapSamples ?? 0}[${a}]`);
    acc = a;
  });
  return chains;
}
