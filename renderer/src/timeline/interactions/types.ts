/**
 * Gestures are small pure state machines (codebases.md, Synthesis 7): start() snapshots what
 * they change, move() recomputes from that snapshot plus the total pointer delta (never by
 * adding increments), cancel() leaves nothing behind, and commit() returns the single intent
 * to send to the services (one contract call = one undo step) or null when nothing changed.
 */
import type { AudioPatch } from '../audioApi';
import type { ClipBox, SnapTarget, View } from '../geometry';

/** Pointer position in timeline content coordinates (CSS px), with modifier keys. */
export interface PointerInput {
  x: number;
  y: number;
  shift?: boolean;
  /** Ctrl, or Cmd on macOS. */
  mod?: boolean;
  /** Alt/Option: turns snapping off while held. */
  alt?: boolean;
  /** Viewport coordinates of the event (where a context menu opens). */
  client?: { x: number; y: number };
}

export type Intent =
  | { kind: 'move'; shotIds: string[]; toIndex: number }
  | { kind: 'trim'; shotId: string; inFrames: number; outFrames: number | null }
  | { kind: 'audio'; id: string; patch: AudioPatch }
  | { kind: 'audio-remove'; id: string };

/** What every gesture reads at start: the layout, the zoom and the playhead, frozen. */
export interface GestureContext {
  clips: readonly ClipBox[];
  view: View;
  playhead: number;
}

export interface SnapGuide {
  frame: number;
  kind: SnapTarget['kind'];
}
