/**
 * Trim a shot's in or out point by dragging a clip edge. Bounded by the take's media
 * (resolveTrim / takeFrames in shared/model/timeline.ts) and never shorter than one frame.
 */
import { pxToFrames, snapFrame, snapTargets, LAYOUT, type ClipBox } from '../geometry';
import type { GestureContext, Intent, PointerInput, SnapGuide } from './types';

export type TrimEdge = 'in' | 'out';

export interface TrimSubject {
  clip: ClipBox;
  edge: TrimEdge;
  /** The resolved trim now (frames from the take's start). */
  inFrames: number;
  outFrames: number;
  /** Frames of the take's media at the project rate. */
  mediaFrames: number;
  /** The stored out point (null = to the media's end), to tell "unchanged" apart. */
  storedOut: number | null;
}

export interface TrimPreview {
  shotId: string;
  edge: TrimEdge;
  inFrames: number;
  outFrames: number;
  /** Where the clip is drawn while trimming: the moved edge follows the pointer. */
  start: number;
  frames: number;
  snap: SnapGuide | null;
}

export interface TrimGesture {
  readonly kind: 'trim';
  preview(): TrimPreview;
  move(p: PointerInput): TrimPreview;
  commit(): Intent | null;
  cancel(): void;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The new in/out for a total delta in frames. Pure; exported for the unit tests. */
export function trimFor(
  s: Pick<TrimSubject, 'edge' | 'inFrames' | 'outFrames' | 'mediaFrames'>,
  delta: number,
): { inFrames: number; outFrames: number } {
  if (s.edge === 'in') return { inFrames: clamp(s.inFrames + delta, 0, s.outFrames - 1), outFrames: s.outFrames };
  return {
    inFrames: s.inFrames,
    outFrames: clamp(s.outFrames + delta, s.inFrames + 1, Math.max(s.inFrames + 1, s.mediaFrames)),
  };
}

export function startTrim(ctx: GestureContext, subject: TrimSubject, origin: PointerInput): TrimGesture {
  const s = { ...subject, clip: { ...subject.clip } };
  const targets = snapTargets(ctx.clips, ctx.playhead, new Set([s.clip.id]));
  const edgeFrame0 = s.edge === 'in' ? s.clip.start : s.clip.start + s.clip.frames;
  const previewFor = (t: { inFrames: number; outFrames: number }, snap: SnapGuide | null): TrimPreview => {
    const frames = t.outFrames - t.inFrames;
    const start = s.edge === 'in' ? s.clip.start + (t.inFrames - s.inFrames) : s.clip.start;
    return { shotId: s.clip.id, edge: s.edge, inFrames: t.inFrames, outFrames: t.outFrames, start, frames, snap };
  };
  let current = previewFor(s, null);

  return {
    kind: 'trim',
    preview: () => current,
    move(p) {
      let delta = pxToFrames(p.x - origin.x, ctx.view.pxPerFrame);
      let snap: SnapGuide | null = null;
      if (!p.alt) {
        const snapped = snapFrame(edgeFrame0 + delta, targets, LAYOUT.snapPx, ctx.view.pxPerFrame);
        if (snapped.target) {
          const t = trimFor(s, snapped.frame - edgeFrame0);
          // Only show the guide when the media allows the edge to reach it.
          const reached =
            s.edge === 'in'
              ? t.inFrames - s.inFrames === snapped.frame - edgeFrame0
              : t.outFrames - s.outFrames === snapped.frame - edgeFrame0;
          if (reached) {
            delta = snapped.frame - edgeFrame0;
            snap = snapped.target;
          }
        }
      }
      current = previewFor(trimFor(s, delta), snap);
      return current;
    },
    commit() {
      if (current.inFrames === s.inFrames && current.outFrames === s.outFrames) return null;
      // "To the end of the media" stays null, so a longer take chosen later still plays fully.
      const outFrames = current.outFrames >= s.mediaFrames ? null : current.outFrames;
      if (current.inFrames === s.inFrames && outFrames === s.storedOut) return null;
      return { kind: 'trim', shotId: s.clip.id, inFrames: current.inFrames, outFrames };
    },
    cancel() {
      current = previewFor(s, null);
    },
  };
}
