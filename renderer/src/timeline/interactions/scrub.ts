/** Playhead scrub: frame-accurate (the frame whose pixels are under the pointer). UI state only. */
import { xToFrame } from '../geometry';
import type { GestureContext, PointerInput } from './types';

export interface ScrubGesture {
  readonly kind: 'scrub';
  frame(): number;
  move(p: PointerInput): number;
  /** Where the playhead was before the scrub (Escape puts it back). */
  readonly originFrame: number;
}

/** The frame under x, clamped to 0..lastFrame. */
export function frameAtX(x: number, ctx: Pick<GestureContext, 'view'>, lastFrame: number): number {
  return Math.min(Math.max(0, lastFrame), Math.max(0, Math.floor(xToFrame(x, ctx.view))));
}

export function startScrub(ctx: GestureContext, p: PointerInput, lastFrame: number): ScrubGesture {
  let current = frameAtX(p.x, ctx, lastFrame);
  return {
    kind: 'scrub',
    originFrame: ctx.playhead,
    frame: () => current,
    move(q) {
      current = frameAtX(q.x, ctx, lastFrame);
      return current;
    },
  };
}
