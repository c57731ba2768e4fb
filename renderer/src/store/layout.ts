/**
 * The workspace layout: pane sizes, which panes are collapsed, the library's tab. UI state,
 * never history: remembered per window in localStorage (key LAYOUT_KEY), never in a project.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type LibraryTab = 'shots' | 'elements' | 'media' | 'audio';
export type Pane = 'library' | 'inspector' | 'timeline';

export interface Layout {
  /** Widths and height in CSS px. */
  libraryWidth: number;
  inspectorWidth: number;
  timelineHeight: number;
  collapsed: Record<Pane, boolean>;
  libraryTab: LibraryTab;
}

export interface LayoutState extends Layout {
  resize(pane: Pane, px: number): void;
  toggle(pane: Pane): void;
  setTab(tab: LibraryTab): void;
}

export const LAYOUT_KEY = 'storyboard.layout';

export const DEFAULT_LAYOUT: Layout = {
  libraryWidth: 300,
  inspectorWidth: 340,
  timelineHeight: 284,
  collapsed: { library: false, inspector: false, timeline: false },
  libraryTab: 'shots',
};

/** Each pane's size limits (px); the centre keeps at least CENTRE_MIN of width and height. */
export const LIMITS: Record<Pane, { min: number; max: number }> = {
  library: { min: 220, max: 560 },
  inspector: { min: 280, max: 620 },
  timeline: { min: 180, max: 640 },
};
export const CENTRE_MIN = { width: 320, height: 200 };
/** Top bar height and a collapsed pane's rail (px), as drawn by workspace.css. */
export const CHROME = { topbar: 48, rail: 28, splitter: 5 };

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * Sizes that fit a window of `win` px: each pane within its limits, and the panes together
 * leaving the centre its minimum. Pure (unit tested); used on load and on every resize.
 */
export function fitLayout(l: Layout, win: { width: number; height: number }): Layout {
  const maxSide = win.width - CENTRE_MIN.width - 2 * CHROME.splitter;
  let libraryWidth = clamp(l.libraryWidth, LIMITS.library.min, LIMITS.library.max);
  let inspectorWidth = clamp(l.inspectorWidth, LIMITS.inspector.min, LIMITS.inspector.max);
  const sides = (l.collapsed.library ? 0 : libraryWidth) + (l.collapsed.inspector ? 0 : inspectorWidth);
  if (sides > maxSide && sides > 0) {
    const k = Math.max(0, maxSide) / sides;
    libraryWidth = Math.max(LIMITS.library.min, Math.floor(libraryWidth * k));
    inspectorWidth = Math.max(LIMITS.inspector.min, Math.floor(inspectorWidth * k));
  }
  const maxTimeline = win.height - CHROME.topbar - CENTRE_MIN.height - CHROME.splitter;
  const timelineHeight = clamp(l.timelineHeight, LIMITS.timeline.min, Math.min(LIMITS.timeline.max, maxTimeline));
  return { ...l, libraryWidth, inspectorWidth, timelineHeight };
}

/** A stored layout, or the default for anything missing or malformed. */
export function parseLayout(raw: string | null): Layout {
  if (!raw) return DEFAULT_LAYOUT;
  try {
    const v = JSON.parse(raw) as Partial<Layout>;
    const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) ? x : d);
    const tabs: readonly LibraryTab[] = ['shots', 'elements', 'media', 'audio'];
    const c = (v.collapsed ?? {}) as Partial<Record<Pane, unknown>>;
    return {
      libraryWidth: num(v.libraryWidth, DEFAULT_LAYOUT.libraryWidth),
      inspectorWidth: num(v.inspectorWidth, DEFAULT_LAYOUT.inspectorWidth),
      timelineHeight: num(v.timelineHeight, DEFAULT_LAYOUT.timelineHeight),
      collapsed: { library: c.library === true, inspector: c.inspector === true, timeline: c.timeline === true },
      libraryTab: tabs.includes(v.libraryTab as LibraryTab) ? (v.libraryTab as LibraryTab) : 'shots',
    };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

/** The window's localStorage, or null where there is none (tests, a locked-down host). */
export function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function createLayoutStore(
  initial: Layout = parseLayout(storage()?.getItem(LAYOUT_KEY) ?? null),
): StoreApi<LayoutState> {
  const store = createStore<LayoutState>()((set) => ({
    ...initial,
    resize: (pane, px) =>
      set(() => {
        const { min, max } = LIMITS[pane];
        const v = Math.round(clamp(px, min, max));
        return pane === 'library'
          ? { libraryWidth: v }
          : pane === 'inspector'
            ? { inspectorWidth: v }
            : { timelineHeight: v };
      }),
    toggle: (pane) => set((s) => ({ collapsed: { ...s.collapsed, [pane]: !s.collapsed[pane] } })),
    setTab: (libraryTab) => set({ libraryTab }),
  }));
  store.subscribe((s) => {
    const { libraryWidth, inspectorWidth, timelineHeight, collapsed, libraryTab } = s;
    try {
      storage()?.setItem(
        LAYOUT_KEY,
        JSON.stringify({ libraryWidth, inspectorWidth, timelineHeight, collapsed, libraryTab }),
      );
    } catch {
      // Storage can be full or disabled: the layout then lasts for this session.
    }
  });
  return store;
}

export const layout = createLayoutStore();
