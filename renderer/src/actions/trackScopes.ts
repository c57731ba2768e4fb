/**
 * What an action declares as `tracks` in its registration (registry.ts): the tracks whose items
 * its edit changes. `canRun` refuses it while one of them is locked (so its button, menu item and
 * palette entry are disabled, and a shortcut or gesture is answered with the translated reason),
 * before anything is sent. 'none': the action changes no track item (a view, a job, a setting,
 * or a switch itself). Every action declares one, so a new edit cannot forget the lock
 * (test/unit/renderer/actions/trackLock.test.tsx checks the whole registry). Only the app
 * refuses: the CLI and the job runner write results to locked tracks (a paid voice job's audio).
 */
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { audioItemTracks, dialogueVoiceItems, type TrackId } from '../../../shared/model/tracks';

// Method syntax: checked bivariantly in its payload, as `predicate` is, so an Action<'x'> is
// still an Action (the registry's lists hold actions of every id).
export type TrackScope<P> = 'none' | { scope(doc: ProjectSnapshot, payload: P): readonly TrackId[] }['scope'];

const SHOTS: readonly TrackId[] = ['shots'];
const DIALOGUE: readonly TrackId[] = ['dialogue'];
const NONE: readonly TrackId[] = [];

/** Adds, removes, moves, trims or replaces shots on the shot track. */
export const onShots = (): readonly TrackId[] => SHOTS;

/** Lines and voices of the dialogue track. */
export const onDialogue = (): readonly TrackId[] => DIALOGUE;

/** The track(s) an audio item sits on (a dialogue line's voice is on the dialogue track too). */
export function onAudioItem(doc: ProjectSnapshot, p: { id: string }): readonly TrackId[] {
  const item = doc.audioItems.find((a) => a.id === p.id);
  return item ? audioItemTracks(item, dialogueVoiceItems(doc)) : NONE;
}

/** A take removed from a shot that cuts with it changes that shot's clip on the shot track. */
export function onTakeOfCut(doc: ProjectSnapshot, p: { takeId: string }): readonly TrackId[] {
  return doc.shots.some((s) => s.selectedTakeId === p.takeId) ? SHOTS : NONE;
}

/** A shot's fields: only its length and transition change the shot track (a prompt does not). */
export function onShotTiming(
  _doc: ProjectSnapshot,
  p: { patch: { durationFrames?: unknown; transitionIn?: unknown } },
) {
  return p.patch.transitionIn !== undefined || p.patch.durationFrames !== undefined ? SHOTS : NONE;
}
