/**
 * The timeline's tracks and their header switches (mute / solo / lock), as editors have them
 * (Premiere "Toggle Track Output / Solo / Lock", Resolve's M/S/lock track header buttons).
 * Stored with the project (Project.trackStates, one JSON column); each toggle is one undo step.
 *
 * Sound: a track sounds unless it is muted, and, once any track is soloed, only soloed tracks
 * sound (solo wins over other tracks' state; a soloed and muted track stays silent, as in
 * Resolve). The shot track's sound is the takes' own sound; the dialogue track's sound is the
 * voice-over items that speak a dialogue line (they sit on the voice-over lane too: either
 * track silences them). Lock: the track's items refuse edits (renderer actions say why).
 *
 * Pure: the export plan (shared/export/plan.ts) and the preview (renderer/src/player) both
 * apply `audibleDocument`, so both hear the same mix.
 */
import { z } from 'zod';
import type { AudioItem, ProjectSnapshot, Take } from './entities.js';

export const TRACKS = ['shots', 'dialogue', 'music', 'voiceover', 'sfx'] as const;
export const TrackIdSchema = z.enum(TRACKS);
export type TrackId = z.infer<typeof TrackIdSchema>;

export const TRACK_SWITCHES = ['muted', 'solo', 'locked'] as const;
export type TrackSwitch = (typeof TRACK_SWITCHES)[number];

export const TrackStateSchema = z
  .object({ muted: z.boolean().optional(), solo: z.boolean().optional(), locked: z.boolean().optional() })
  .strict();
export type TrackState = z.infer<typeof TrackStateSchema>;

/** Only tracks with a switch on are stored; absent: all off. */
export const TrackStatesSchema = z.partialRecord(TrackIdSchema, TrackStateSchema);
export type TrackStates = z.infer<typeof TrackStatesSchema>;

export function trackState(states: TrackStates | undefined, track: TrackId): Required<TrackState> {
  const s = states?.[track];
  return { muted: s?.muted === true, solo: s?.solo === true, locked: s?.locked === true };
}

/** The states with one switch set; a track with every switch off is dropped (canonical form). */
export function withTrackSwitch(
  states: TrackStates | undefined,
  track: TrackId,
  name: TrackSwitch,
  on: boolean,
): TrackStates {
  const next: TrackStates = {};
  for (const t of TRACKS) {
    const s = { ...trackState(states, t), ...(t === track ? { [name]: on } : {}) };
    const kept: TrackState = {};
    for (const k of TRACK_SWITCHES) if (s[k]) kept[k] = true;
    if (Object.keys(kept).length > 0) next[t] = kept;
  }
  return next;
}

function anySolo(states: TrackStates | undefined): boolean {
  return TRACKS.some((t) => trackState(states, t).solo);
}

/**
 * Whether something on these tracks is heard: none of them muted, and, when any track is
 * soloed, one of them soloed.
 */
export function tracksSound(states: TrackStates | undefined, tracks: readonly TrackId[]): boolean {
  if (tracks.some((t) => trackState(states, t).muted)) return false;
  return !anySolo(states) || tracks.some((t) => trackState(states, t).solo);
}

export function trackLocked(states: TrackStates | undefined, track: TrackId): boolean {
  return trackState(states, track).locked;
}

/** The voice-over items that speak a dialogue line (the dialogue track's sound). */
export function dialogueVoiceItems(doc: Pick<ProjectSnapshot, 'dialogueLines'>): Set<string> {
  return new Set((doc.dialogueLines ?? []).flatMap((l) => (l.voiceItemId ? [l.voiceItemId] : [])));
}

/** The tracks an audio item belongs to: its lane, and the dialogue track when it speaks a line. */
export function audioItemTracks(item: Pick<AudioItem, 'id' | 'lane'>, voices: ReadonlySet<string>): TrackId[] {
  return voices.has(item.id) ? [item.lane, 'dialogue'] : [item.lane];
}

type Mixable = Pick<ProjectSnapshot, 'project' | 'audioItems' | 'takes' | 'dialogueLines'>;

/**
 * The document as the mix hears it: audio items of silent tracks left out, and every take's
 * own sound muted when the shot track is silent. The same object back when nothing is silenced.
 */
export function audibleDocument<D extends Mixable>(doc: D): D {
  const states = doc.project.trackStates;
  if (!states || Object.keys(states).length === 0) return doc;
  const voices = dialogueVoiceItems(doc);
  const audioItems = doc.audioItems.filter((item) => tracksSound(states, audioItemTracks(item, voices)));
  const shotsSound = tracksSound(states, ['shots']);
  const takes: Take[] = shotsSound ? doc.takes : doc.takes.map((t) => ({ ...t, audioMuted: true }));
  if (audioItems.length === doc.audioItems.length && shotsSound) return doc;
  return { ...doc, audioItems, takes };
}
