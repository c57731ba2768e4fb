/** What the canvas components share, provided once by <Timeline> (stable for its lifetime). */
import { createContext } from 'react';
import type { ApiClient } from '../api/client';
import type { SelectionStore } from '../store/selection';
import { selection, viewport } from '../store/uiEditor';
import type { ViewportStore } from '../store/viewport';
import { createAudioSelection, type AudioSelectionStore } from './audioSelection';
import { createGestureStore, type GestureStore } from './gestureStore';

export interface Env {
  api: ApiClient;
  /** The project folder (media paths are relative to it). */
  dir: string;
  gesture: GestureStore;
  selection: SelectionStore;
  viewport: ViewportStore;
  audioSelection: AudioSelectionStore;
}

const nullApi = null as unknown as ApiClient;

export const TimelineEnv = createContext<Env>({
  api: nullApi,
  dir: '',
  gesture: createGestureStore(),
  selection,
  viewport,
  audioSelection: createAudioSelection(),
});
