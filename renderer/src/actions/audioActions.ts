/**
 * Audio items on the music, voice-over and sound tracks: add (the file uploaded first, placed
 * at the playhead), update (gain, fades, duck, a move or trim from the timeline), remove. ONE
 * contract call each, so one undo step each.
 */
import type { AudioLane, AudioPatch } from '../../../shared/api/contract';
import { getPlayhead } from '../player/playhead';
import type { Action, ActionMap } from './registry';
import { onAudioItem } from './trackScopes';
import { applyCall, performCall } from './snapshotCall';

export interface AddAudioPayload {
  lane: AudioLane;
  file: File;
  /** Default: the playhead. */
  startFrame?: number;
}

const exists = (s: { snapshot: { audioItems: { id: string }[] } | null }, id: string) =>
  s.snapshot?.audioItems.some((a) => a.id === id) === true;

const audioAdd: Action<'audio.add'> = {
  id: 'audio.add',
  labelKey: 'timeline.audio.add',
  place: 'audio',
  tracks: (_doc, p) => [p.lane],
  predicate: (s) => s.snapshot !== null,
  async perform(ctx, p) {
    const { api } = ctx;
    const path = await api.importFile(p.file);
    const startFrame = Math.max(0, Math.round(p.startFrame ?? getPlayhead()));
    await applyCall(ctx, 'audio.add', { path, lane: p.lane, startFrame });
  },
};

const audioUpdate: Action<'audio.update'> = {
  id: 'audio.update',
  labelKey: 'workspace.audio.update',
  place: 'audio',
  tracks: onAudioItem,
  predicate: (s, p) => {
    const item = s.snapshot?.audioItems.find((a) => a.id === p.id);
    // A patch that changes nothing is not an edit (no undo step for it).
    return !!item && Object.entries(p.patch).some(([k, v]) => v !== undefined && item[k as keyof typeof item] !== v);
  },
  perform: performCall('audio.update'),
};

const audioRemove: Action<'audio.remove'> = {
  id: 'audio.remove',
  labelKey: 'workspace.audio.remove',
  place: 'audio',
  tracks: onAudioItem,
  predicate: (s, p) => exists(s, p.id),
  perform: performCall('audio.remove'),
};

export const audioActions: Pick<ActionMap, 'audio.add' | 'audio.update' | 'audio.remove'> = {
  'audio.add': audioAdd,
  'audio.update': audioUpdate,
  'audio.remove': audioRemove,
};

export type { AudioPatch };
