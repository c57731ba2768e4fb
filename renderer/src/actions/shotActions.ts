/** Shot edits. Each returns the new document from the services (one undo step each). */
import type { AddShotInput } from '../../../shared/api/contract';
import type { Action } from './registry';
import { selectShots, selectedShotIds, orderedIds } from './selection';
import type { ListedShot } from '../../../shared/model/shotList';
import type { AppState } from '../store/state';
import { onShotTiming, onShots } from './trackScopes';
import { applyCall, applyCallWith, performCall } from './snapshotCall';

/** New shots go right after the last selected shot; null (append) with nothing selected. */
export function insertIndex(s: Pick<AppState, 'snapshot'>): number | null {
  const sel = selectedShotIds(s);
  const last = sel[sel.length - 1];
  if (!s.snapshot || last === undefined) return null;
  return orderedIds(s.snapshot).indexOf(last) + 1;
}

/** A pasted shot list: one shots.addMany (one undo step), after the selection; the new shots become the selection. */
export const shotsPaste: Action<'shots.paste'> = {
  id: 'shots.paste',
  labelKey: 'workspace.paste.submit',
  place: 'paste',
  tracks: onShots,
  predicate: (s, p) => s.snapshot !== null && p.lines.length > 0,
  async perform(ctx, p) {
    const { store } = ctx;
    const at = insertIndex(store.getState());
    const shots: ListedShot[] = p.lines.map((l) => ({ ...l }));
    const { shotIds } = await applyCallWith(ctx, 'shots.addMany', { shots, ...(at !== null ? { index: at } : {}) });
    selectShots(store.getState(), shotIds);
  },
};

export const shotAdd: Action<'shot.add'> = {
  id: 'shot.add',
  labelKey: 'addShot.submit',
  place: 'addShot',
  tracks: onShots,
  predicate: (s, p) => s.snapshot !== null && (p.prompt.trim() !== '' || p.firstFrame !== null || p.clip !== null),
  async perform(ctx, p) {
    const { api, store } = ctx;
    // Files first: a broken upload fails here, before anything is added to the document.
    const firstFramePath = p.firstFrame ? await api.importFile(p.firstFrame) : undefined;
    const videoPath = p.clip ? await api.importFile(p.clip) : undefined;
    const input: AddShotInput = { camera: p.camera };
    if (p.prompt.trim() !== '') input.prompt = p.prompt.trim();
    if (p.durationSec !== null) input.durationSec = p.durationSec;
    if (p.provider !== null) input.provider = p.provider;
    if (firstFramePath) input.firstFramePath = firstFramePath;
    if (videoPath) input.videoPath = videoPath;
    const at = insertIndex(store.getState());
    if (at !== null) input.index = at;
    const { shotId } = await applyCallWith(ctx, 'shots.add', input);
    selectShots(store.getState(), [shotId]);
  },
};

export const shotUpdate: Action<'shot.update'> = {
  id: 'shot.update',
  labelKey: 'shot.save',
  place: 'shot',
  tracks: onShotTiming,
  predicate: (_s, p) => Object.keys(p.patch).length > 0,
  perform: performCall('shots.update'),
};

export const shotRemove: Action<'shot.remove'> = {
  id: 'shot.remove',
  labelKey: 'shot.remove',
  place: 'shot',
  tracks: onShots,
  perform: performCall('shots.remove'),
};

function indexOf(shots: readonly { id: string; position: number }[], shotId: string): number {
  return [...shots].sort((a, b) => a.position - b.position).findIndex((s) => s.id === shotId);
}

export const shotMove: Action<'shot.move'> = {
  id: 'shot.move',
  labelKey: 'shot.move',
  place: 'shot',
  tracks: onShots,
  predicate: (s, p) => {
    const shots = s.snapshot?.shots ?? [];
    const i = indexOf(shots, p.shotId);
    return i >= 0 && i + p.delta >= 0 && i + p.delta < shots.length;
  },
  async perform(ctx, p) {
    const { store } = ctx;
    const shots = store.getState().snapshot?.shots ?? [];
    const toIndex = indexOf(shots, p.shotId) + p.delta;
    await applyCall(ctx, 'shots.move', { shotId: p.shotId, toIndex });
  },
};

export const shotSelectTake: Action<'shot.selectTake'> = {
  id: 'shot.selectTake',
  labelKey: 'takes.use',
  place: 'shot',
  tracks: onShots,
  predicate: (s, p) => s.snapshot?.shots.find((x) => x.id === p.shotId)?.selectedTakeId !== p.takeId,
  perform: performCall('shots.selectTake'),
};
