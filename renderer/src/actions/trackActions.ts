/**
 * The timeline's track header switches (shared/model/tracks.ts): `track.set` mutes, solos or
 * locks one track, ONE contract call and so ONE undo step. And the lock's other half: the
 * tracks an action declares it edits (its `tracks`, trackScopes.ts) against the locked ones, so
 * canRun refuses an edit of a locked track's items and runAction says why, translated, before
 * anything is sent.
 */
import { keyedError } from '../../../shared/errors';
import { trackLocked, type TrackId, type TrackSwitch } from '../../../shared/model/tracks';
import type { AppState } from '../store/state';
import type { ActionPayloads } from './payloads';
import type { Action, ActionId, ActionMap } from './registry';
import { applyCall } from './snapshotCall';

export interface TrackSetPayload {
  track: TrackId;
  switch: TrackSwitch;
  on: boolean;
}

const trackSet: Action<'track.set'> = {
  id: 'track.set',
  labelKey: 'tracks.set',
  place: 'audio',
  tracks: 'none',
  predicate: (s) => s.snapshot !== null,
  async perform(ctx, p) {
    const { store } = ctx;
    await applyCall(ctx, 'tracks.set', { track: p.track, switch: p.switch, on: p.on });
    // A lock refusal said in the top bar has been answered by touching the switches.
    if (store.getState().errors.app?.localized?.key.startsWith('tracks.locked.'))
      store.getState().setError('app', null);
  },
};

export const trackActions: Pick<ActionMap, 'track.set'> = { 'track.set': trackSet };

/** The first locked track among those `action` would edit with `payload` (null: none is locked). */
export function lockedTrack<Id extends ActionId>(
  action: Action<Id>,
  state: AppState,
  payload: ActionPayloads[Id],
): TrackId | null {
  const doc = state.snapshot;
  if (action.tracks === 'none' || !doc || !doc.project.trackStates) return null;
  return action.tracks(doc, payload).find((t) => trackLocked(doc.project.trackStates, t)) ?? null;
}

/**
 * The refusal of an edit that lands on a locked track (null: none locked), as an error with
 * a message key (`tracks.locked.<track>`), so it is shown translated where the action runs.
 */
export function lockedRefusal<Id extends ActionId>(
  action: Action<Id>,
  state: AppState,
  payload: ActionPayloads[Id],
): Error | null {
  const track = lockedTrack(action, state, payload);
  if (!track) return null;
  return keyedError(
    'FORBIDDEN',
    `tracks.locked.${track}`,
    {},
    `The ${track} track is locked: unlock it in its track header to edit its items.`,
  );
}
