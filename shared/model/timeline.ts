/** Pure timeline operations over the document. No I/O; unit tested in test/unit. */
import type { Asset, ProjectSnapshot, Shot, Take } from './entities.js';
import { floorFrames, type Fps } from './time.js';

/** Frames of a take's media at the project rate (a still image has no length of its own). */
export function takeFrames(asset: Asset, fps: Fps): number {
  return floorFrames(asset.info.durationSec, fps);
}

export interface ResolvedTrim {
  inFrames: number;
  outFrames: number;
  frames: number;
}

/**
 * The part of a take the cut uses. The in point is clamped inside the media and the out
 * point to its end, so a trim saved against a longer take never reads past the file.
 */
export function resolveTrim(shot: Pick<Shot, 'trimInFrames' | 'trimOutFrames'>, mediaFrames: number): ResolvedTrim {
  const end = Math.max(1, mediaFrames);
  const outFrames = Math.min(shot.trimOutFrames ?? end, end);
  const inFrames = Math.min(Math.max(0, shot.trimInFrames), outFrames - 1);
  return { inFrames, outFrames, frames: outFrames - inFrames };
}

/**
 * Where a usable clip sits in the cut and how it joins the previous one: the part of every
 * clip that the export plan and the editor hand-off read the same way.
 */
export interface ClipSpan extends ResolvedTrim {
  startFrame: number;
  /** The kind it joins by: 'cut' when nothing overlaps (also for a transition clamped to 0 frames). */
  transition: Shot['transitionIn']['kind'];
  overlap: number;
}

export function clipSpan(c: CutShot, trim: ResolvedTrim): ClipSpan {
  return {
    inFrames: trim.inFrames,
    outFrames: trim.outFrames,
    frames: trim.frames,
    startFrame: c.startFrame,
    transition: c.overlap > 0 ? c.shot.transitionIn.kind : 'cut',
    overlap: c.overlap,
  };
}

export interface CutShot {
  shot: Shot;
  take: Take | null;
  asset: Asset | null;
  /** Length on the timeline: the trimmed take, or the target duration while there is no take. */
  frames: number;
  trim: ResolvedTrim | null;
  startFrame: number;
  /**
   * Frames this shot overlaps the previous one (its transition in, clamped by transitionFrames);
   * 0 for a cut and for the first shot.
   */
  overlap: number;
}

/**
 * The frames a transition really overlaps two neighbours: never more than half of either, so a
 * shot with transitions on both sides still has its two overlaps apart; 0 for a cut.
 */
export function transitionFrames(t: Shot['transitionIn'], prevFrames: number, frames: number): number {
  if (t.kind === 'cut') return 0;
  return Math.max(0, Math.min(Math.trunc(t.frames), Math.floor(prevFrames / 2), Math.floor(frames / 2)));
}

/**
 * Shots in order with where each starts on the timeline (design.md §3: a storyline; a
 * transition starts the next shot `overlap` frames before the previous one ends).
 */
export function cutList(doc: Pick<ProjectSnapshot, 'project' | 'shots' | 'takes' | 'assets'>): CutShot[] {
  const takes = new Map(doc.takes.map((t) => [t.id, t]));
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const ordered = [...doc.shots].sort((a, b) => a.position - b.position);
  let end = 0;
  let prevFrames = 0;
  return ordered.map((shot, i) => {
    const take = shot.selectedTakeId ? (takes.get(shot.selectedTakeId) ?? null) : null;
    const asset = take ? (assets.get(take.assetId) ?? null) : null;
    const trim = asset ? resolveTrim(shot, takeFrames(asset, doc.project.fps)) : null;
    const frames = trim ? trim.frames : shot.durationFrames;
    const overlap = i === 0 ? 0 : transitionFrames(shot.transitionIn, prevFrames, frames);
    const item: CutShot = { shot, take, asset, frames, trim, startFrame: end - overlap, overlap };
    end = item.startFrame + frames;
    prevFrames = frames;
    return item;
  });
}

/** Length of the cut: the sum of the shots' lengths less the sum of their overlaps. */
export function cutFrames(cut: readonly Pick<CutShot, 'startFrame' | 'frames'>[]): number {
  return cut.reduce((end, c) => Math.max(end, c.startFrame + c.frames), 0);
}

export function totalFrames(doc: Pick<ProjectSnapshot, 'project' | 'shots' | 'takes' | 'assets'>): number {
  return cutFrames(cutList(doc));
}

/**
 * New order of shot ids after moving `shotId` to `toIndex` (clamped). Returns null when the
 * id is unknown, so callers can report it instead of silently doing nothing.
 */
export function reorder(ids: readonly string[], shotId: string, toIndex: number): string[] | null {
  const from = ids.indexOf(shotId);
  if (from < 0) return null;
  const next = ids.filter((id) => id !== shotId);
  const to = Math.min(Math.max(0, Math.trunc(toIndex)), next.length);
  next.splice(to, 0, shotId);
  return next;
}

/** Where a split cuts a shot: the two trims (shot with a take) or the two target durations. */
export type SplitPlan =
  | {
      kind: 'take';
      first: { inFrames: number; outFrames: number };
      second: { inFrames: number; outFrames: number | null };
    }
  | { kind: 'duration'; firstFrames: number; secondFrames: number };

/**
 * Splits a shot `atFrame` frames after its start on the timeline (1..frames-1). With a take the
 * cut is trim-aware: the first part plays in..in+atFrame, the second in+atFrame..out (an open
 * out point, "to the end of the take", stays open). Without a take the target duration is
 * divided. Returns null when `atFrame` is not strictly inside the shot.
 */
export function planSplit(
  shot: Pick<Shot, 'trimInFrames' | 'trimOutFrames' | 'durationFrames'>,
  mediaFrames: number | null,
  atFrame: number,
): SplitPlan | null {
  if (!Number.isInteger(atFrame) || atFrame < 1) return null;
  if (mediaFrames === null) {
    if (atFrame >= shot.durationFrames) return null;
    return { kind: 'duration', firstFrames: atFrame, secondFrames: shot.durationFrames - atFrame };
  }
  const trim = resolveTrim(shot, mediaFrames);
  if (atFrame >= trim.frames) return null;
  const cut = trim.inFrames + atFrame;
  const out = shot.trimOutFrames === null ? null : trim.outFrames;
  return {
    kind: 'take',
    first: { inFrames: trim.inFrames, outFrames: cut },
    second: { inFrames: cut, outFrames: out },
  };
}

/**
 * New order after moving `moving` (kept in their current relative order) so the first of them
 * lands at `toIndex` of the result (clamped). Returns null when an id is unknown.
 */
export function reorderMany(ids: readonly string[], moving: readonly string[], toIndex: number): string[] | null {
  const set = new Set(moving);
  if (moving.some((id) => !ids.includes(id))) return null;
  const moved = ids.filter((id) => set.has(id));
  const rest = ids.filter((id) => !set.has(id));
  const to = Math.min(Math.max(0, Math.trunc(toIndex)), rest.length);
  return [...rest.slice(0, to), ...moved, ...rest.slice(to)];
}

/**
 * Order after inserting `added` as a block: at `toIndex` (clamped) when given, else right after
 * the last of `after` in `ids` (at the end when none of them is there).
 */
export function insertBlock(
  ids: readonly string[],
  added: readonly string[],
  after: readonly string[],
  toIndex?: number,
): string[] {
  const last = Math.max(-1, ...after.map((id) => ids.indexOf(id)));
  const at =
    toIndex === undefined ? (last < 0 ? ids.length : last + 1) : Math.min(Math.max(0, Math.trunc(toIndex)), ids.length);
  return [...ids.slice(0, at), ...added, ...ids.slice(at)];
}

/**
 * Where to seek (seconds into the take) to grab the frame a shot ends on: the frame before its
 * out point, on the media's own frame grid, or 'last' when the shot plays to the media's end.
 * An accurate input seek (`-ss` before `-i`) outputs the first frame whose time is >= the seek
 * time, so we seek a quarter frame before that frame's start: rounding of the seconds we print
 * can then never push the seek past it. `mediaFps` null means an unknown rate.
 */
export function lastShownFrameSeekSec(
  trim: ResolvedTrim,
  mediaFrames: number,
  projectFps: Fps,
  mediaFps: Fps | null,
): number | 'last' {
  if (trim.outFrames >= mediaFrames) return 'last';
  const t = ((trim.outFrames - 1) * projectFps.den) / projectFps.num;
  const rate = mediaFps ?? projectFps;
  // The frame on screen at t is the last media frame starting at or before t; the epsilon keeps
  // float noise from dropping an exact frame time onto the previous frame.
  const index = Math.floor((t * rate.num) / rate.den + 1e-6);
  return Math.max(0, ((index - 0.25) * rate.den) / rate.num);
}
