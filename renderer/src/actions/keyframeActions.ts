/**
 * "Make keyframe from references" from the inspector and the command palette: the image models
 * on offer, the estimate asked again right before starting (nothing is sent over the budget),
 * the variations made as image takes through the durable job queue (progress in the jobs
 * panel), picking one as the shot's first or last frame (ONE undo step: keyframes.pick), and the
 * "what will be sent" view. Without a payload they work on the selected shot with the choice in
 * keyframeUi (the palette's form).
 */
import { keyedError } from '../../../shared/errors';
import { keyframeRequest, keyframeUi, setKeyframeUi } from '../store/keyframeUi';
import { primaryShot } from '../store/selection';
import { selection } from '../store/uiEditor';
import type { AppState } from '../store/state';
import { refreshJobs } from './generationActions';
import type { Action } from './registry';
import { performCall, reloadSnapshot } from './snapshotCall';

export interface KeyframeMakePayload {
  shotId: string;
  provider: string;
  model?: string;
  variations: number;
}

/** The action payloads of this file (payloads.ts extends it). */
export interface KeyframePayloads {
  /** Without a payload: the selected shot with the inspector's current choice. */
  'keyframe.make': KeyframeMakePayload | undefined;
  'keyframe.pick': { takeId: string; which: 'first' | 'last' };
  'keyframe.providers': undefined;
  'keyframe.toggleSent': undefined;
}

const selectedShot = (s: AppState): string | null => {
  const id = primaryShot(selection.getState());
  return id !== null && s.snapshot?.shots.some((x) => x.id === id) ? id : null;
};

export const keyframeMake: Action<'keyframe.make'> = {
  id: 'keyframe.make',
  labelKey: 'keyframe.make',
  place: 'keyframes',
  tracks: 'none',
  global: true,
  group: 'file',
  predicate: (s, p) => (p ? s.snapshot !== null : selectedShot(s) !== null),
  async perform(ctx, p) {
    const { api, store } = ctx;
    const shotId = p?.shotId ?? selectedShot(store.getState());
    if (!shotId) throw keyedError('INVALID_INPUT', 'keyframe.errors.noShot', {}, 'Select a shot to make its keyframe.');
    const input = p ?? keyframeRequest(shotId, keyframeUi.getState());
    // Asked again right before starting: a job may have finished or the budget changed since.
    const est = await api.call('keyframes.estimate', input);
    if (est.overBudget)
      throw keyedError(
        'INVALID_INPUT',
        'keyframe.errors.overBudget',
        {},
        'These keyframes are over the project budget. Nothing was sent.',
      );
    await api.call('keyframes.make', input);
    await reloadSnapshot(ctx);
    await refreshJobs(api, store);
  },
};

export const keyframePick: Action<'keyframe.pick'> = {
  id: 'keyframe.pick',
  labelKey: 'keyframe.useFirst',
  place: 'keyframes',
  tracks: 'none',
  predicate: (s, p) => s.snapshot?.takes.some((t) => t.id === p.takeId && t.kind === 'image') === true,
  perform: performCall('keyframes.pick'),
};

export const keyframeProviders: Action<'keyframe.providers'> = {
  id: 'keyframe.providers',
  labelKey: 'keyframe.title',
  place: 'keyframes',
  tracks: 'none',
  async perform({ api }) {
    const providers = await api.call('keyframes.providers', {});
    const { provider } = keyframeUi.getState();
    // A provider no longer offered falls back to the first (the offline keyframe card).
    setKeyframeUi({
      providers,
      ...(providers.some((x) => x.id === provider) ? {} : { provider: providers[0]?.id ?? provider, model: null }),
    });
  },
};

export const keyframeToggleSent: Action<'keyframe.toggleSent'> = {
  id: 'keyframe.toggleSent',
  labelKey: 'keyframe.sent.toggle',
  place: 'keyframes',
  tracks: 'none',
  global: true,
  group: 'view',
  predicate: (s) => selectedShot(s) !== null,
  async perform() {
    setKeyframeUi({ sentOpen: !keyframeUi.getState().sentOpen });
  },
};

export const keyframeActions = {
  'keyframe.make': keyframeMake,
  'keyframe.pick': keyframePick,
  'keyframe.providers': keyframeProviders,
  'keyframe.toggleSent': keyframeToggleSent,
};
