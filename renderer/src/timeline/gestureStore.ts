/**
 * What the gesture in progress shows: the overlay (ghost, insertion marker, snap guide,
 * marquee) and the one clip being dragged or trimmed read it. Transient UI state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AudioPreview } from './interactions/audioEdit';
import type { MarqueePreview } from './interactions/marquee';
import type { ReorderPreview } from './interactions/reorder';
import type { TrimPreview } from './interactions/trim';

export interface GestureState {
  reorder: ReorderPreview | null;
  trim: TrimPreview | null;
  marquee: MarqueePreview | null;
  /** An audio item being moved or trimmed. */
  audio: AudioPreview | null;
  /** The cursor the pointer should show where it is. */
  cursor: string;
}

export type GestureStore = StoreApi<GestureState>;

export const IDLE: GestureState = { reorder: null, trim: null, marquee: null, audio: null, cursor: 'default' };

export function createGestureStore(): GestureStore {
  return createStore<GestureState>()(() => ({ ...IDLE }));
}
