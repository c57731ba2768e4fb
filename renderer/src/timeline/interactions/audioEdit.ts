/**
 * Drag an audio item along the timeline, or trim its in/out edge. A pure machine like the
 * others (types.ts): positions are recomputed from the start snapshot plus the total pointer
 * delta; commit() gives ONE audio.update intent, or null when nothing changed.
 */
import type { AudioBox } from '../audioModel';
import { pxToFrames, snapFrame, LAYOUT, type SnapTarget } from '../geometry';
import type { Intent, PointerInput, SnapGuide } from './types';

export type AudioEditKind = 'move' | 'trim-in' | 'trim-out';

export interface AudioPreview {
  id: string;
  kind: AudioEditKind;
  start: number;
  inFrame: number;
  outFrame: number;
  snap: SnapGuide | null;
}

export interface AudioEditGesture {
  readonly kind: 'audio';
  preview(): AudioPreview;
  move(p: PointerInput): AudioPreview;
  commit(): Intent | null;
  cancel(): void;
}

export interface AudioEditContext {
  pxPerFrame: number;
  /** Shot edges and the playhead (snapSnapTargets of the shot clips). */
  targets: readonly SnapTarget[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The item after a total delta in frames: never before frame 0, bounded by the media. Pure. */
export function audioEditFor(
  b: AudioBox,
  kind: AudioEditKind,
  delta: number,
): { start: number; inFrame: number; outFrame: number } {
  if (kind === 'move') return { start: Math.max(0, b.start + delta), inFrame: b.inFrame, outFrame: b.outFrame };
  if (kind === 'trim-in') {
    // The sound stays where it is on the timeline: the start moves with the in point.
    const d = clamp(delta, Math.max(-b.inFrame, -b.start), b.outFrame - 1 - b.inFrame);
    return { start: b.start + d, inFrame: b.inFrame + d, outFrame: b.outFrame };
  }
  return { start: b.start, inFrame: b.inFrame, outFrame: clamp(b.outFrame + delta, b.inFrame + 1, b.mediaFrames) };
}

export function startAudioEdit(
  ctx: AudioEditContext,
  box: AudioBox,
  kind: AudioEditKind,
  origin: PointerInput,
): AudioEditGesture {
  const b = { ...box };
  const previewOf = (
    e: { start: number; inFrame: number; outFrame: number },
    snap: SnapGuide | null,
  ): AudioPreview => ({ id: b.id, kind, ...e, snap });
  let current = previewOf({ start: b.start, inFrame: b.inFrame, outFrame: b.outFrame }, null);
  /** Edges that may snap for this edit, as frames at delta 0. */
  const edges = kind === 'move' ? [b.start, b.start + b.frames] : kind === 'trim-in' ? [b.start] : [b.start + b.frames];

  return {
    kind: 'audio',
    preview: () => current,
    move(p) {
      let delta = pxToFrames(p.x - origin.x, ctx.pxPerFrame);
      let snap: SnapGuide | null = null;
      if (!p.alt) {
        let best: { d: number; frame: number; target: SnapTarget } | null = null;
        for (const edge of edges) {
          const s = snapFrame(edge + delta, ctx.targets, LAYOUT.snapPx, ctx.pxPerFrame);
          const d = Math.abs(s.frame - (edge + delta));
          if (s.target && (!best || d < best.d)) best = { d, frame: s.frame - edge, target: s.target };
        }
        if (best) {
          const e = audioEditFor(b, kind, best.frame);
          // Only when the bounds let the edge reach the target.
          const reached =
            kind === 'trim-out' ? e.outFrame - b.outFrame === best.frame : e.start - b.start === best.frame;
          if (reached) {
            delta = best.frame;
            snap = best.target;
          }
        }
      }
      current = previewOf(audioEditFor(b, kind, delta), snap);
      return current;
    },
    commit() {
      if (kind === 'move')
        return current.start === b.start ? null : { kind: 'audio', id: b.id, patch: { startFrame: current.start } };
      if (kind === 'trim-in') {
        return current.inFrame === b.inFrame
          ? null
          : { kind: 'audio', id: b.id, patch: { startFrame: current.start, inFrame: current.inFrame } };
      }
      // "To the end of the file" stays null.
      const outFrame = current.outFrame >= b.mediaFrames ? null : current.outFrame;
      return outFrame === b.storedOut ? null : { kind: 'audio', id: b.id, patch: { outFrame } };
    },
    cancel() {
      current = previewOf({ start: b.start, inFrame: b.inFrame, outFrame: b.outFrame }, null);
    },
  };
}
