/** One Zustand store combined from the slices; created once per window (and per test). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice, createJobsSlice, createUiSlice } from './slices';
import type { AppState, Language } from './state';

export type AppStore = StoreApi<AppState>;

export function createAppStore(init: { language?: Language } = {}): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createJobsSlice(...a),
    ...createUiSlice(init.language ?? 'en')(...a),
  }));
}
