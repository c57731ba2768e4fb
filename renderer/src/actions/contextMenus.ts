/**
 * The context menu of every timeline item (and of the grid's shots): which registry actions
 * apply to a target, with their payloads, in order (null: a separator). The menu component
 * (panels/ContextMenu.tsx) only shows and runs these; each entry is an action like any button,
 * so a refusal (a locked track, nothing to paste) is the action's own.
 */
import { MAX_TRANSITION_FRAMES } from '../../../shared/api/contract';
import { secondsToFrames } from '../../../shared/model/time';
import type { TransitionKind } from '../../../shared/model/transitionKinds';
import { trackState, TRACK_SWITCHES, type TrackId } from '../../../shared/model/tracks';
import type { MenuTarget } from '../timeline/menuTarget';
import type { AppState } from '../store/state';
import type { ActionPayloads } from './payloads';
import { SHOT_MENU } from './catalog';
import type { ActionId } from './registry';

export type { MenuTarget };

export interface MenuEntry<Id extends ActionId = ActionId> {
  id: Id;
  payload: ActionPayloads[Id];
  /** The entry's own label: an i18n key, with parameters that are themselves i18n keys; default: the action's label. */
  label?: { key: string; keyParams?: Record<string, string> };
  /** A check mark (the switch or setting is on). */
  checked?: boolean;
}

export type MenuLine = MenuEntry | null;

const entry = <Id extends ActionId>(
  id: Id,
  payload: ActionPayloads[Id],
  extra: Omit<MenuEntry<Id>, 'id' | 'payload'> = {},
): MenuEntry => ({ id, payload, ...extra }) as MenuEntry;

/** Mute, solo and lock of one track, each a check item (`track.set`, one undo step). */
function trackSwitches(state: AppState, track: TrackId): MenuLine[] {
  const s = trackState(state.snapshot?.project.trackStates, track);
  const name = track === 'dialogue' ? 'workspace.tracks.dialogue' : `timeline.lanes.${track}`;
  const key = { muted: 'tracks.menu.mute', solo: 'tracks.menu.solo', locked: 'tracks.menu.lock' } as const;
  return TRACK_SWITCHES.map((sw) =>
    entry(
      'track.set',
      { track, switch: sw, on: !s[sw] },
      { label: { key: key[sw], keyParams: { track: name } }, checked: s[sw] },
    ),
  );
}

const TRANSITIONS: readonly TransitionKind[] = ['cut', 'crossfade', 'dip_to_black'];

function transitionMenu(state: AppState, shotId: string): MenuLine[] {
  const shot = state.snapshot?.shots.find((s) => s.id === shotId);
  if (!shot || !state.snapshot) return [];
  const fps = state.snapshot.project.fps;
  const length = shot.transitionIn.frames > 0 ? shot.transitionIn.frames : secondsToFrames(0.5, fps);
  return TRANSITIONS.map((kind) =>
    entry(
      'shot.update',
      {
        shotId,
        patch: { transitionIn: { kind, frames: kind === 'cut' ? 0 : Math.min(MAX_TRANSITION_FRAMES, length) } },
      },
      {
        label: { key: `editor.inspector.transitions.${kind}` },
        checked: shot.transitionIn.kind === kind,
      },
    ),
  );
}

function audioMenu(state: AppState, id: string): MenuLine[] {
  const item = state.snapshot?.audioItems.find((a) => a.id === id);
  if (!item) return [];
  return [
    ...(item.lane === 'voiceover'
      ? []
      : [
          entry(
            'audio.update',
            { id, patch: { duck: !item.duck } },
            { label: { key: 'tracks.menu.duck' }, checked: item.duck },
          ),
        ]),
    entry('audio.update', { id, patch: { gainDb: 0 } }, { label: { key: 'tracks.menu.resetGain' } }),
    entry(
      'audio.update',
      { id, patch: { fadeInFrames: 0, fadeOutFrames: 0 } },
      { label: { key: 'tracks.menu.removeFades' } },
    ),
    null,
    ...trackSwitches(state, item.lane),
    null,
    entry('audio.remove', { id }),
  ];
}

/** The entries for a target (the caller selected it first: one selection model). */
export function menuFor(target: MenuTarget, state: AppState): MenuLine[] {
  switch (target.kind) {
    case 'shot':
      return SHOT_MENU.map((id) => (id === null ? null : entry(id as ActionId, undefined as never)));
    case 'transition':
      return transitionMenu(state, target.shotId);
    case 'audio':
      return audioMenu(state, target.id);
    case 'dialogue':
      return [
        entry('dialogue.voice', { shotIds: [target.shotId] }),
        entry('dialogue.fit', { shotIds: [target.shotId] }),
        null,
        ...trackSwitches(state, 'dialogue'),
      ];
    case 'lane':
      return [
        ...(target.track === 'shots' ? [entry('edit.paste', undefined), entry('shot.new', undefined), null] : []),
        ...trackSwitches(state, target.track),
        null,
        entry('timeline.zoomFit', undefined),
      ];
  }
}
