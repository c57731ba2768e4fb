/**
 * Panning without React: each layer puts its content in one group at content x
 * (frame * pxPerFrame) and this hook moves that group to the scroll on every viewport change,
 * imperatively, then asks the layer for one batched draw. React renders a layer only when its
 * mounted range (drawWindow.ts, in coarse buckets; mountedWindow.ts moves it ahead of a pan in
 * idle time) or the zoom changes.
 */
import Konva from 'konva';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ViewportState, ViewportStore } from '../store/viewport';
import { bucketWindow, scrollX, type DrawWindow } from './drawWindow';
import { whenIdle } from './idle';
import { mountedWindow, type Mounted } from './mountedWindow';

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

/** How long a DOM overlay may lag a busy zoom at most (ms) before it renders inside a frame. */
export const SETTLE_WITHIN_MS = 300;

const windowOf = (m: Mounted, contentW: number) => ({
  pxPerFrame: m.pxPerFrame,
  ...bucketWindow(m.bucket, m.pxPerFrame, contentW),
});

/**
 * The draw window for DOM overlays over the canvas (transition handles): a pan's new bucket
 * at once (mountedWindow.ts already moves it in idle time), a zoom's in the next idle period.
 * Between, the overlay keeps its elements and follows the zoom through one CSS property
 * (--ppf), so a zoom step mounts, unmounts and re-renders no element inside its frame. In the
 * UI bench's zoom, the handles' re-render and DOM churn were a fifth of each frame's work.
 */
export function useSettledDrawWindow(vp: ViewportStore, contentW: number): DrawWindow & { pxPerFrame: number } {
  const mounted = mountedWindow(vp);
  const [win, setWin] = useState(() => windowOf(mounted.getState(), contentW));
  useEffect(() => {
    let idle: number | null = null;
    const apply = () => {
      idle = null;
      const next = windowOf(mounted.getState(), contentW);
      setWin((cur) => (cur.pxPerFrame === next.pxPerFrame && cur.lo === next.lo && cur.hi === next.hi ? cur : next));
    };
    apply();
    const stop = mounted.subscribe((m, prev) => {
      if (m.pxPerFrame !== prev.pxPerFrame) {
        idle ??= whenIdle.request(apply, SETTLE_WITHIN_MS);
        return;
      }
      if (idle !== null) whenIdle.cancel(idle);
      apply();
    });
    return () => {
      stop();
      if (idle !== null) whenIdle.cancel(idle);
    };
  }, [mounted, contentW]);
  return win;
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
