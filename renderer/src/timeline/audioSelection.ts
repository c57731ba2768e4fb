/**
 * Which audio item is selected on the timeline (UI state, never history). Apart from the shot
 * selection: selecting one clears the other, so Delete always means one thing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface AudioSelectionState {
  id: string | null;
  set(id: string | null): void;
}

export type AudioSelectionStore = StoreApi<AudioSelectionState>;

export function createAudioSelection(): AudioSelectionStore {
  return createStore<AudioSelectionState>()((set) => ({ id: null, set: (id) => set({ id }) }));
}
