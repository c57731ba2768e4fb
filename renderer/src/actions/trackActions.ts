/**
 * The timeline's track header switches (shared/model/tracks.ts): `track.set` mutes, solos or
 * locks one track, ONE contract call and so ONE undo step. And the lock's other half: which
 * tracks an action's edit lands on (`editedTracks`), so runAction refuses an edit of a locked
 * track's items with a translated message before anything is sent.
 */
import { keyedError } from '../../../shared/errors';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import {
  audioItemTracks,
  dialogueVoiceItems,
  trackLocked,
  type TrackId,
  type TrackSwitch,
} from '../../../shared/model/tracks';
import type { AppState } from '../store/state';
import type { ActionPayloads } from './payloads';
import type { Action, ActionId, ActionMap } from './registry';

export interface TrackSetPayload {
  track: TrackId;
  switch: TrackSwitch;
  on: boolean;
}

const trackSet: Action<'track.set'> = {
  id: 'track.set',
  labelKey: 'tracks.set',
  place: 'audio',
  predicate: (s) => s.snapshot !== null,
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('tracks.set', { track: p.track, switch: p.switch, on: p.on }));
    // A lock refusal said in the top bar has been answered by touching the switches.
    if (store.getState().errors.app?.localized?.key.startsWith('tracks.locked.'))
      store.getState().setError('app', null);
  },
};

export const trackActions: Pick<ActionMap, 'track.set'> = { 'track.set': trackSet };

function audioTracks(doc: ProjectSnapshot, id: string): TrackId[] {
  const item = doc.audioItems.find((a) => a.id === id);
  return item ? audioItemTracks(item, dialogueVoiceItems(doc)) : [];
}

const SHOTS = (): TrackId[] => ['shots'];

/** The tracks whose items each editing action changes (actions not listed edit no track item). */
const EDITS: { [Id in ActionId]?: (doc: ProjectSnapshot, p: ActionPayloads[Id]) => TrackId[] } = {
  'audio.add': (_d, p) => [p.lane],
  'audio.update': (d, p) => audioTracks(d, p.id),
  'audio.remove': (d, p) => audioTracks(d, p.id),
  'shot.add': SHOTS,
  'shots.paste': SHOTS,
  'shot.move': SHOTS,
  'shot.remove': SHOTS,
  'shots.moveMany': SHOTS,
  'shot.setTrim': SHOTS,
  'edit.delete': SHOTS,
  'edit.duplicate': SHOTS,
  'edit.paste': SHOTS,
  'edit.split': SHOTS,
  'trim.in': SHOTS,
  'trim.out': SHOTS,
  'shot.update': (_d, p) =>
    p.patch.transitionIn !== undefined || p.patch.durationFrames !== undefined ? ['shots'] : [],
  'dialogue.setLines': () => ['dialogue'],
  'dialogue.voice': () => ['dialogue'],
  'dialogue.fit': () => ['dialogue', 'shots'],
};

/**
 * The refusal of an edit that lands on a locked track (null: none locked), as an error with
 * a message key (`tracks.locked.<track>`), so it is shown translated where the action runs.
 */
export function lockedRefusal<Id extends ActionId>(id: Id, state: AppState, payload: ActionPayloads[Id]): Error | null {
  const doc = state.snapshot;
  const edits = EDITS[id] as ((d: ProjectSnapshot, p: ActionPayloads[Id]) => TrackId[]) | undefined;
  if (!doc || !edits) return null;
  const track = edits(doc, payload).find((t) => trackLocked(doc.project.trackStates, t));
  if (!track) return null;
  return keyedError(
    'FORBIDDEN',
    `tracks.locked.${track}`,
    {},
    `The ${track} track is locked: unlock it in its track header to edit its items.`,
  );
}
