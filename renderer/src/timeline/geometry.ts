/**
 * Pure timeline geometry: frames <-> pixels at a zoom, the visible range, culling and snapping
 * (the ruler's ticks are in ruler.ts). No React, Konva or store imports, so it is unit tested directly and shared by
 * the view, the gestures and the headless driver (codebases.md, Synthesis 4 and 8).
 *
 * Coordinates: x is in CSS pixels from the left edge of the timeline content (right of the lane
 * labels); `scrollFrame` is the (fractional) frame at x = 0; `pxPerFrame` is the zoom.
 */
import type { CutShot } from '../../../shared/model/timeline';

export interface View {
  pxPerFrame: number;
  scrollFrame: number;
}

/** Zoom limits: a 500-shot film fits at the low end; single frames are 48 px wide at the top. */
export const MIN_PX_PER_FRAME = 0.005;
export const MAX_PX_PER_FRAME = 48;

/** Vertical layout of the rows (CSS px). Lane labels sit in a gutter left of x = 0. */
export const LAYOUT = {
  gutter: 88,
  rulerHeight: 28,
  shotTop: 34,
  shotHeight: 84,
  audioTop: 126,
  audioLaneHeight: 38,
  audioLanes: ['music', 'voiceover', 'sfx'] as const,
  /** Pointer distance (px) at which a clip edge becomes a trim handle. */
  handlePx: 7,
  /** Pointer distance (px) within which a dragged edge snaps. */
  snapPx: 8,
  /** A press becomes a drag after this many px (a click below it). */
  dragThresholdPx: 4,
} as const;

export function stageHeight(): number {
  return LAYOUT.audioTop + LAYOUT.audioLanes.length * LAYOUT.audioLaneHeight + 6;
}

export function frameToX(frame: number, v: View): number {
  return (frame - v.scrollFrame) * v.pxPerFrame;
}

export function xToFrame(x: number, v: View): number {
  return x / v.pxPerFrame + v.scrollFrame;
}

/** A pixel distance as a whole number of frames (rounded toward the nearest frame). */
export function pxToFrames(dx: number, pxPerFrame: number): number {
  return Math.round(dx / pxPerFrame);
}

export function clampZoom(pxPerFrame: number): number {
  return Math.min(MAX_PX_PER_FRAME, Math.max(MIN_PX_PER_FRAME, pxPerFrame));
}

/** Scroll never goes before frame 0, nor so far that the film leaves the view entirely. */
export function clampScroll(scrollFrame: number, v: Pick<View, 'pxPerFrame'>, width: number, total: number): number {
  const visible = width / v.pxPerFrame;
  const max = Math.max(0, total - visible * 0.5);
  return Math.min(max, Math.max(0, scrollFrame));
}

/** Zoom by `factor` keeping `anchorFrame` under the same x (the pointer, or the playhead). */
export function zoomAround(v: View, factor: number, anchorFrame: number): View {
  const pxPerFrame = clampZoom(v.pxPerFrame * factor);
  const anchorX = frameToX(anchorFrame, v);
  return { pxPerFrame, scrollFrame: Math.max(0, anchorFrame - anchorX / pxPerFrame) };
}

/** The whole film in `width` px, with a little air at the end. */
export function fitView(totalFrames: number, width: number): View {
  const frames = Math.max(1, totalFrames);
  return { pxPerFrame: clampZoom((Math.max(1, width) * 0.96) / frames), scrollFrame: 0 };
}

export interface FrameRange {
  start: number;
  end: number;
}

export function visibleRange(v: View, width: number): FrameRange {
  return { start: v.scrollFrame, end: v.scrollFrame + width / v.pxPerFrame };
}

/** A clip on the shot lane: where it sits on the timeline, in frames. */
export interface ClipBox {
  id: string;
  index: number;
  start: number;
  frames: number;
}

/** Below this width (px) a clip is a sliver: no text or pictures, a plain bar. */
export const SLIVER_PX = 12;

/**
 * Where a clip is drawn, in whole pixels (pictures are then copied 1:1 instead of resampled
 * when rasterising in software), with a 1 px gap before the next clip; never narrower than 1 px.
 */
export function clipPixels(
  start: number,
  frames: number,
  offset: number,
  pxPerFrame: number,
): { x: number; width: number } {
  const x = Math.round((start + offset) * pxPerFrame);
  return { x, width: Math.max(1, Math.round((start + offset + frames) * pxPerFrame) - x - 1) };
}

/** The shot number's badge on a clip `width` px wide, or null when it does not fit. */
export function numberBadge(number: number, width: number): { text: string; width: number } | null {
  const text = String(number);
  const w = 8 + text.length * 7;
  return width >= 12 && width >= w + 4 ? { text, width: w } : null;
}

export function clipBoxes(cut: readonly CutShot[]): ClipBox[] {
  return cut.map((c, index) => ({ id: c.shot.id, index, start: c.startFrame, frames: c.frames }));
}

/**
 * Clips that intersect the range (clips are sorted by start and their ends never go backwards,
 * transitions included, so a binary search finds the first; cost is O(log n + visible) however long the film is).
 */
export function cullClips<T extends ClipBox>(clips: readonly T[], range: FrameRange): T[] {
  let lo = 0;
  let hi = clips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = clips[mid] as T;
    if (c.start + c.frames <= range.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < clips.length; i++) {
    const c = clips[i] as T;
    if (c.start >= range.end) break;
    out.push(c);
  }
  return out;
}

/**
 * The clip under a frame, or null (past the end). Where a transition overlaps two clips it is
 * the incoming one: it is drawn on top of the outgoing one.
 */
export function clipAtFrame<T extends ClipBox>(clips: readonly T[], frame: number): T | null {
  const hit = cullClips(clips, { start: frame, end: frame + 1e-9 });
  return hit[hit.length - 1] ?? null;
}

export interface SnapTarget {
  frame: number;
  kind: 'playhead' | 'edge';
}

/** Playhead and every clip edge except those of `exclude` (the shots being dragged). */
export function snapTargets(
  clips: readonly ClipBox[],
  playhead: number,
  exclude: ReadonlySet<string> = new Set(),
): SnapTarget[] {
  const edges = new Set<number>();
  for (const c of clips) {
    if (exclude.has(c.id)) continue;
    edges.add(c.start);
    edges.add(c.start + c.frames);
  }
  return [
    { frame: playhead, kind: 'playhead' as const },
    ...[...edges].map((frame) => ({ frame, kind: 'edge' as const })),
  ];
}

export interface Snapped {
  frame: number;
  target: SnapTarget | null;
}

/**
 * The nearest target within `thresholdPx` on screen (so snapping feels the same at every zoom);
 * the playhead wins a tie. Without one the frame is returned unchanged.
 */
export function snapFrame(
  frame: number,
  targets: readonly SnapTarget[],
  thresholdPx: number,
  pxPerFrame: number,
): Snapped {
  let best: SnapTarget | null = null;
  let bestPx = thresholdPx;
  for (const t of targets) {
    const d = Math.abs(t.frame - frame) * pxPerFrame;
    if (d < bestPx || (d === bestPx && best !== null && t.kind === 'playhead' && best.kind !== 'playhead')) {
      best = t;
      bestPx = d;
    }
  }
  return best ? { frame: best.frame, target: best } : { frame, target: null };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function normalizeRect(x0: number, y0: number, x1: number, y1: number): Rect {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

/** Ids of clips whose box on the shot lane intersects the rectangle (content coordinates). */
export function clipsInRect(clips: readonly ClipBox[], r: Rect, v: View): string[] {
  const laneTop = LAYOUT.shotTop;
  const laneBottom = LAYOUT.shotTop + LAYOUT.shotHeight;
  if (r.y > laneBottom || r.y + r.height < laneTop) return [];
  const range = { start: xToFrame(r.x, v), end: xToFrame(r.x + r.width, v) };
  return cullClips(clips, range).map((c) => c.id);
}

export type HitZone = 'ruler' | 'clip' | 'trim-in' | 'trim-out' | 'lane' | 'audio' | 'none';

export interface Hit {
  zone: HitZone;
  clip: ClipBox | null;
}

/**
 * What is under a point. Trim handles are the clip's first and last `handlePx` pixels (only
 * for clips whose length comes from media: `trimmable`), never more than a third of a narrow clip.
 */
export function hitTest(
  clips: readonly ClipBox[],
  x: number,
  y: number,
  v: View,
  trimmable: (id: string) => boolean,
): Hit {
  if (y < LAYOUT.rulerHeight) return { zone: 'ruler', clip: null };
  if (y < LAYOUT.shotTop || y > LAYOUT.shotTop + LAYOUT.shotHeight) {
    return { zone: y > LAYOUT.audioTop ? 'audio' : 'none', clip: null };
  }
  const clip = clipAtFrame(clips, xToFrame(x, v));
  if (!clip) return { zone: 'lane', clip: null };
  if (trimmable(clip.id)) {
    const left = frameToX(clip.start, v);
    const right = frameToX(clip.start + clip.frames, v);
    const handle = Math.min(LAYOUT.handlePx, (right - left) / 3);
    if (x - left <= handle) return { zone: 'trim-in', clip };
    if (right - x <= handle) return { zone: 'trim-out', clip };
  }
  return { zone: 'clip', clip };
}
