/**
 * Every user command is an action: buttons, keyboard shortcuts and tests all run them by id
 * (codebases.md, Synthesis 5). An action says where it runs (its Place): while it runs that
 * place is busy (its buttons disabled) and a failure is shown there, never only in a console.
 */
import { uiErrorOf } from '../components/serviceText';
import type { ApiClient } from '../api/client';
import type { AppStore } from '../store/store';
import type { AppState, Place } from '../store/state';
import type { ActionPayloads } from './payloads';
import { canonicalShortcut, matchShortcut, type KeyLike } from './shortcuts';
import { lockedRefusal, lockedTrack } from './trackActions';
import type { TrackScope } from './trackScopes';

export type ActionId = keyof ActionPayloads;
export type ActionGroup = 'file' | 'edit' | 'view' | 'playback' | 'help';

export interface ActionContext {
  api: ApiClient;
  store: AppStore;
}

export interface Action<Id extends ActionId = ActionId> {
  id: Id;
  /** i18n key of the button label. */
  labelKey: string;
  /** e.g. 'Mod+Z' (Mod = Cmd on macOS, Ctrl elsewhere); the first is shown in tooltips. */
  shortcuts?: readonly string[];
  place: Place;
  /**
   * The tracks whose items this action edits ('none': no track item): while one is locked the
   * action cannot run (trackScopes.ts). Required, so a new edit cannot leave the lock out.
   */
  tracks: TrackScope<ActionPayloads[Id]>;
  /**
   * Runs without a payload (from a shortcut, the menu, the palette or the context menu);
   * such actions are listed in the command palette and the shortcuts sheet under `group`.
   */
  global?: boolean;
  group?: ActionGroup;
  /** Whether the action can run now (its button is disabled otherwise). */
  predicate?(state: AppState, payload: ActionPayloads[Id]): boolean;
  perform(ctx: ActionContext, payload: ActionPayloads[Id]): Promise<void>;
}

export type ActionMap = { [Id in ActionId]: Action<Id> };

/**
 * The registry is built through this: a key combination bound to two actions is refused here,
 * when the registry is made (at start-up and in every test), not found later as a key press that
 * silently runs whichever action comes first.
 */
export function registerActions<M extends Partial<ActionMap>>(map: M): M {
  const owner = new Map<string, string>();
  for (const [id, action] of Object.entries(map) as [string, Action | undefined][]) {
    if (action && action.id !== id) throw new Error(`action ${action.id} is registered as ${id}`);
    for (const spec of action?.shortcuts ?? []) {
      const key = canonicalShortcut(spec);
      const other = owner.get(key);
      if (other !== undefined && other !== id) throw new Error(`shortcut ${spec} is bound to both ${other} and ${id}`);
      owner.set(key, id);
    }
  }
  return map;
}

export function canRun<Id extends ActionId>(action: Action<Id>, state: AppState, payload: ActionPayloads[Id]): boolean {
  if (state.busy[action.place]) return false;
  if (lockedTrack(action, state, payload) !== null) return false;
  return action.predicate ? action.predicate(state, payload) : true;
}

/**
 * Runs an action if it can run. Resolves true when it ran and succeeded; failures are stored
 * under the action's place (and the promise still resolves, with false).
 */
export async function runAction<Id extends ActionId>(
  ctx: ActionContext,
  action: Action<Id>,
  payload: ActionPayloads[Id],
): Promise<boolean> {
  const { store } = ctx;
  // An edit of a locked track's items cannot run (canRun); one that is asked for anyway (a
  // shortcut, a gesture) is answered with the reason, translated, before anything is sent —
  // in the top bar, since a timeline gesture's place may have no message on screen.
  const refused = store.getState().busy[action.place] ? null : lockedRefusal(action, store.getState(), payload);
  if (refused) {
    fail(store, 'app', refused);
    return false;
  }
  if (!canRun(action, store.getState(), payload)) return false;
  store.getState().setError(action.place, null);
  store.getState().setBusy(action.place, true);
  try {
    await action.perform(ctx, payload);
    return true;
  } catch (err) {
    fail(store, action.place, err);
    return false;
  } finally {
    store.getState().setBusy(action.place, false);
  }
}

function fail(store: AppStore, place: Place, err: unknown): void {
  store.getState().setError(place, uiErrorOf(err));
}

/** The action (without payload) bound to this key press, if any. */
export function actionForKey(actions: ActionMap, event: KeyLike, mac: boolean): Action | null {
  for (const action of Object.values(actions) as Action[]) {
    if (action.shortcuts?.some((s) => matchShortcut(s, event, mac))) return action;
  }
  return null;
}
