/**
 * Where a popover anchored to a small element goes in the window (pure): below the anchor when
 * it fits, else above, else pinned to the window's bottom edge (it then scrolls inside, its
 * height capped by CSS); centred on the anchor, never past the window's sides.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const POPOVER_MARGIN = 8;
const GAP = 6;

export function popoverPlace(
  anchor: Rect,
  size: { width: number; height: number },
  win: { width: number; height: number },
): { left: number; top: number; side: 'below' | 'above' } {
  const m = POPOVER_MARGIN;
  const left = Math.max(m, Math.min(anchor.left + anchor.width / 2 - size.width / 2, win.width - size.width - m));
  const below = anchor.top + anchor.height + GAP;
  if (below + size.height <= win.height - m) return { left, top: below, side: 'below' };
  const above = anchor.top - GAP - size.height;
  if (above >= m) return { left, top: above, side: 'above' };
  return { left, top: Math.max(m, win.height - size.height - m), side: 'above' };
}
