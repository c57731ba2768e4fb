/**
 * Timeline viewport: zoom, scroll, playhead and the stage width. UI state, never history
 * (codebases.md, Synthesis 6): it changes freely and no undo step is recorded for it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface ViewportState {
  /** Zoom: CSS pixels per frame. */
  pxPerFrame: number;
  /** The (fractional) frame at the left edge of the content. */
  scrollFrame: number;
  /** The playhead, an integer frame. */
  playhead: number;
  /** Width of the content area in CSS px (set by the view when it is measured). */
  width: number;
  /** False until the first zoom-to-fit, so a newly opened film starts fitted. */
  fitted: boolean;
  setView(view: { pxPerFrame: number; scrollFrame: number }): void;
  setPlayhead(frame: number): void;
  setWidth(width: number): void;
  setFitted(fitted: boolean): void;
}

export type ViewportStore = StoreApi<ViewportState>;

export function createViewportStore(
  init: Partial<Pick<ViewportState, 'pxPerFrame' | 'scrollFrame' | 'playhead' | 'width'>> = {},
): ViewportStore {
  return createStore<ViewportState>()((set) => ({
    pxPerFrame: init.pxPerFrame ?? 2,
    scrollFrame: init.scrollFrame ?? 0,
    playhead: init.playhead ?? 0,
    width: init.width ?? 800,
    fitted: false,
    setView: ({ pxPerFrame, scrollFrame }) => set({ pxPerFrame, scrollFrame }),
    setPlayhead: (frame) => set({ playhead: Math.max(0, Math.round(frame)) }),
    setWidth: (width) => set({ width: Math.max(1, width) }),
    setFitted: (fitted) => set({ fitted }),
  }));
}
