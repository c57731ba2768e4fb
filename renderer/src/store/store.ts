/** One Zustand store combined from the slices; created once per window (and per test). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SelectionStore } from './selection';
import { createDocumentSlice, createJobsSlice, createUiSlice } from './slices';
import type { AppState, Language } from './state';
import { selection as windowSelection } from './uiEditor';

export type AppStore = StoreApi<AppState>;

/**
 * `selection` (default: the window's) follows every document this store receives, in the same
 * turn: a deleted shot leaves it, another project or a closed one clears it. Whoever applies a
 * snapshot (an action, an event, a gesture) therefore never has to remember to.
 */
export function createAppStore(init: { language?: Language; selection?: SelectionStore } = {}): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createJobsSlice(...a),
    ...createUiSlice(init.language ?? 'en')(...a),
  }));
  const sel = init.selection ?? windowSelection;
  sel.getState().follow(null);
  store.subscribe((s, prev) => {
    if (s.snapshot !== prev.snapshot) sel.getState().follow(s.snapshot);
  });
  return store;
}
