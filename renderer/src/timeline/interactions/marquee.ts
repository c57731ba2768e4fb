/** Marquee select: a rubber band on the shot lane; Shift or Ctrl/Cmd adds to the selection. */
import { clipsInRect, normalizeRect, type Rect } from '../geometry';
import type { GestureContext, PointerInput } from './types';

export interface MarqueePreview {
  rect: Rect;
  ids: readonly string[];
}

export interface MarqueeGesture {
  readonly kind: 'marquee';
  preview(): MarqueePreview;
  move(p: PointerInput): MarqueePreview;
  /** The selection before the marquee (Escape restores it). */
  readonly before: readonly string[];
}

export function startMarquee(ctx: GestureContext, origin: PointerInput, before: readonly string[]): MarqueeGesture {
  const additive = origin.shift === true || origin.mod === true;
  const order = ctx.clips.map((c) => c.id);
  let current: MarqueePreview = {
    rect: normalizeRect(origin.x, origin.y, origin.x, origin.y),
    ids: additive ? [...before] : [],
  };
  return {
    kind: 'marquee',
    before: [...before],
    preview: () => current,
    move(p) {
      const rect = normalizeRect(origin.x, origin.y, p.x, p.y);
      const hit = new Set(clipsInRect(ctx.clips, rect, ctx.view));
      if (additive) for (const id of before) hit.add(id);
      current = { rect, ids: order.filter((id) => hit.has(id)) };
      return current;
    },
  };
}
