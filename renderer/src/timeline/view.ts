/**
 * The timeline's view: zoom, fit and scroll. UI state only (the viewport store), never the
 * document or its history. The registry's timeline.* actions, the wheel and the benchmarks use
 * these; the window's viewport unless a test passes its own.
 */
import type { AppStore } from '../store/store';
import { viewport as appViewport } from '../store/uiEditor';
import type { ViewportStore } from '../store/viewport';
import { audioModel } from './audioModel';
import { clampScroll, fitView, zoomAround } from './geometry';
import { timelineModel } from './model';

export interface ViewCtx {
  store: AppStore;
  viewport?: ViewportStore;
}

const vpOf = (ctx: ViewCtx) => ctx.viewport ?? appViewport;
/** How far the view may fit and scroll: the film, or an audio item ending after it. */
function extentOf(ctx: ViewCtx): number {
  const snapshot = ctx.store.getState().snapshot;
  return audioModel(snapshot).reduce((end, b) => Math.max(end, b.start + b.frames), timelineModel(snapshot).total);
}

export function zoomToFit(ctx: ViewCtx): void {
  const vp = vpOf(ctx).getState();
  vp.setView(fitView(extentOf(ctx), vp.width));
  vp.setFitted(true);
}

/** Zoom by `factor` (> 1 zooms in) keeping `anchorFrame` (default: the playhead) in place. */
export function zoomBy(ctx: ViewCtx, factor: number, anchorFrame?: number): void {
  const vp = vpOf(ctx).getState();
  const next = zoomAround(vp, factor, anchorFrame ?? vp.playhead);
  vp.setView({
    pxPerFrame: next.pxPerFrame,
    scrollFrame: clampScroll(next.scrollFrame, next, vp.width, extentOf(ctx)),
  });
}

/** Horizontal scroll by a distance on screen. */
export function scrollBy(ctx: ViewCtx, dxPx: number): void {
  const vp = vpOf(ctx).getState();
  const scrollFrame = clampScroll(vp.scrollFrame + dxPx / vp.pxPerFrame, vp, vp.width, extentOf(ctx));
  if (scrollFrame !== vp.scrollFrame) vp.setView({ pxPerFrame: vp.pxPerFrame, scrollFrame });
}
