/**
 * What commands act on: the window's one selection (store/selection.ts), read the same way by
 * every action, dialog, menu and shortcut. Ids of shots that are gone are never returned.
 */
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { primaryShot, type SelectMode } from '../store/selection';
import { selection } from '../store/uiEditor';
import type { AppState } from '../store/state';

/** The selected shots that exist in the document, in cut order. */
export function selectedShotIds(state: Pick<AppState, 'snapshot'>): string[] {
  const shots = new Set(state.snapshot?.shots.map((s) => s.id) ?? []);
  return selection.getState().ids.filter((id) => shots.has(id));
}

/** The one shot single-shot commands use (the inspector's shot), if it exists. */
export function selectedShotId(state: Pick<AppState, 'snapshot'>): string | null {
  const id = primaryShot(selection.getState());
  return id !== null && state.snapshot?.shots.some((s) => s.id === id) ? id : null;
}

/** Shot ids in cut order. */
export function orderedIds(snapshot: ProjectSnapshot): string[] {
  return [...snapshot.shots].sort((a, b) => a.position - b.position).map((s) => s.id);
}

/** Selects shots of this document (replace by default). */
export function selectShots(
  state: Pick<AppState, 'snapshot'>,
  ids: readonly string[],
  mode: SelectMode = 'replace',
): void {
  selection.getState().select(ids, mode, state.snapshot ? orderedIds(state.snapshot) : [...ids]);
}
