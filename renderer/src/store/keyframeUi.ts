/**
 * Window UI state of "make keyframe from references" (never part of a document or of history):
 * the image models the services offer, the choice of provider, model and number of variations,
 * and whether the "what will be sent" view is open.
 */
import { createStore } from 'zustand/vanilla';
import type { MethodOutput } from '../../../shared/api/contract';

export type ImageProviderInfo = MethodOutput<'keyframes.providers'>[number];

/** The offline default: the animatic keyframe card (electron/services/generation/images/index.ts). */
export const OFFLINE_IMAGE_PROVIDER = 'keyframe-card';
export const MAX_KEYFRAME_VARIATIONS = 8;

export interface KeyframeUiState {
  providers: ImageProviderInfo[] | null;
  provider: string;
  /** null: the provider's first (default) model. */
  model: string | null;
  variations: number;
  /** The "what will be sent" view in the inspector. */
  sentOpen: boolean;
}

export const keyframeUi = createStore<KeyframeUiState>()(() => ({
  providers: null,
  provider: OFFLINE_IMAGE_PROVIDER,
  model: null,
  variations: 1,
  sentOpen: false,
}));

export function setKeyframeUi(patch: Partial<KeyframeUiState>): void {
  keyframeUi.setState(patch);
}

/** What keyframes.* is asked for the current choice on a shot. */
export function keyframeRequest(shotId: string, s: Pick<KeyframeUiState, 'provider' | 'model' | 'variations'>) {
  return {
    shotId,
    provider: s.provider,
    ...(s.model ? { model: s.model } : {}),
    variations: s.variations,
  };
}
