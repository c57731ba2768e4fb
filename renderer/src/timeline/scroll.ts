/**
 * Panning without React: each layer puts its content in one group at content x
 * (frame * pxPerFrame) and this hook moves that group to the scroll on every viewport change,
 * imperatively, then asks the layer for one batched draw. React renders a layer only when its
 * mounted range (drawWindow.ts, in coarse buckets; mountedWindow.ts moves it ahead of a pan in
 * idle time) or the zoom changes.
 */
import Konva from 'konva';
import { useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ViewportState, ViewportStore } from '../store/viewport';
import { bucketWindow, scrollX, type DrawWindow } from './drawWindow';
import { mountedWindow } from './mountedWindow';

/**
 * Zoom and the bucketed range: primitives, so a pan inside a bucket re-renders nothing. The
 * range is the viewport's mounted one (mountedWindow.ts), moved ahead of a pan in idle time.
 */
export function useDrawWindow(vp: ViewportStore, contentW: number): DrawWindow & { pxPerFrame: number } {
  const mounted = mountedWindow(vp);
  const pxPerFrame = useStore(vp, (s) => s.pxPerFrame);
  const lo = useStore(mounted, (m) => bucketWindow(m.bucket, m.pxPerFrame, contentW).lo);
  const hi = useStore(mounted, (m) => bucketWindow(m.bucket, m.pxPerFrame, contentW).hi);
  return { pxPerFrame, lo, hi };
}

/**
 * Runs `apply` after every render (before paint: a node mounted by that render is placed at
 * once) and on every viewport change in between. For what follows the scroll imperatively: a
 * Konva group's x, a DOM box's transform, a redraw.
 */
export function useViewportEffect(vp: ViewportStore, apply: (s: ViewportState) => void): void {
  const latest = useRef(apply);
  useLayoutEffect(() => {
    latest.current = apply;
    apply(vp.getState());
  });
  useLayoutEffect(() => vp.subscribe((s) => latest.current(s)), [vp]);
}

/** A ref for the scrolled group of a layer: its x follows the scroll with no React render. */
export function useScrolledGroup(vp: ViewportStore): React.RefObject<Konva.Group | null> {
  const ref = useRef<Konva.Group | null>(null);
  useViewportEffect(vp, (s) => {
    const g = ref.current;
    if (!g) return;
    const x = scrollX(s);
    if (g.x() === x) return;
    if (g.hasChildren()) {
      g.x(x);
      g.getLayer()?.batchDraw();
      return;
    }
    // An empty group (nothing selected) shows nothing wherever it is: it moves without asking
    // its layer for a redraw, so a pan repaints no empty canvas (each repainted canvas is
    // copied to the compositor every frame).
    const auto = Konva.autoDrawEnabled;
    Konva.autoDrawEnabled = false;
    g.x(x);
    Konva.autoDrawEnabled = auto;
  });
  return ref;
}
