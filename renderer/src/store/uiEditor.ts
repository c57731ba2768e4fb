/**
 * Editor UI state that is never part of the document or its history: the main view, the
 * multi-selection of the grid, the player's transport, the overlays (palette, shortcuts
 * sheet, context menu). One store per window; actions and components read it through
 * `editorUi`. The window's one selection and viewport (playhead, zoom) live here too, so the
 * grid, the timeline, the player and the actions share them.
 */
import { createStore } from 'zustand/vanilla';
import type { MenuTarget } from '../timeline/menuTarget';
import { createSelectionStore } from './selection';
import { createViewportStore } from './viewport';

export type EditorView = 'grid' | 'timeline';
export type SafeGuide = 'off' | '9:16' | '1:1' | '4:5';

export interface ContextMenuRequest {
  x: number;
  y: number;
  /** The shot under the pointer (it becomes the selection), or null for the empty area. */
  shotId: string | null;
  /** What the menu is about on the timeline (actions/contextMenus.ts); absent: the shot menu. */
  target?: MenuTarget;
}

export interface EditorUiState {
  view: EditorView;
  /** 0 = paused; 1, 2, 4 forward; -1, -2, -4 backward (J/K/L). */
  rate: number;
  guide: SafeGuide;
  /** Action- and title-safe rectangles over the viewer. */
  safeAreas: boolean;
  /** The Export dialog and the jobs popover of the top bar. */
  exportOpen: boolean;
  jobsOpen: boolean;
  /** In and out marks (frames; the out mark is the last frame inside): a range for play, export and generate. */
  marks: { in: number | null; out: number | null };
  paletteOpen: boolean;
  sheetOpen: boolean;
  contextMenu: ContextMenuRequest | null;
  /** Two takes side by side in the takes gallery. */
  compare: readonly string[];
  /** Bumped to ask the add-shot form to take the focus. */
  focusAddShot: number;
}

const initial: EditorUiState = {
  view: 'timeline',
  rate: 0,
  guide: 'off',
  safeAreas: true,
  exportOpen: false,
  jobsOpen: false,
  marks: { in: null, out: null },
  paletteOpen: false,
  sheetOpen: false,
  contextMenu: null,
  compare: [],
  focusAddShot: 0,
};

export const editorUi = createStore<EditorUiState>()(() => ({ ...initial }));

export function setEditorUi(patch: Partial<EditorUiState>): void {
  editorUi.setState(patch);
}

export const selection = createSelectionStore();
export const viewport = createViewportStore();

/** Tests start from a clean editor. */
export function resetEditorUi(): void {
  editorUi.setState({ ...initial });
  selection.setState({ ids: [], anchor: null, item: null, clipboard: [] });
  viewport.setState({ playhead: 0 });
}
