/** What edit commands work on: the grid's multi-selection, else the shot in the inspector. */
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { selection } from '../store/uiEditor';
import type { AppState } from '../store/state';

export function selectedShotIds(state: Pick<AppState, 'snapshot' | 'selectedShotId'>): string[] {
  const shots = new Set(state.snapshot?.shots.map((s) => s.id) ?? []);
  const multi = selection.getState().ids.filter((id) => shots.has(id));
  if (multi.length > 0) return multi;
  return state.selectedShotId !== null && shots.has(state.selectedShotId) ? [state.selectedShotId] : [];
}

/** Shot ids in cut order. */
export function orderedIds(snapshot: ProjectSnapshot): string[] {
  return [...snapshot.shots].sort((a, b) => a.position - b.position).map((s) => s.id);
}
