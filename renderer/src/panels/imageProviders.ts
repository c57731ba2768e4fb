/** The image models the services offer (keyframes.providers) and their names in the UI's language. */
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { keyframeUi, type ImageProviderInfo } from '../store/keyframeUi';

/** The image models, fetched once per window (an action, so a failure shows in this section). */
export function useImageProviders(): ImageProviderInfo[] | null {
  const ctx = useAppContext();
  const providers = useStore(keyframeUi, (s) => s.providers);
  useEffect(() => {
    if (providers === null) void runAction(ctx, actions['keyframe.providers'], undefined);
  }, [ctx, providers]);
  return providers;
}

export function imageProviderLabel(t: TFunction, p: Pick<ImageProviderInfo, 'id' | 'label'>): string {
  return t(`keyframe.providers.${p.id}`, { defaultValue: p.label });
}
