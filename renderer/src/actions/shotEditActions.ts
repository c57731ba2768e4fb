/**
 * Document edits from the keyboard, menus, palette and context menu. Each is one contract
 * call, so the services record exactly one undo step per command (a multi-shot delete or a
 * drop of several shots included).
 */
import { locate, playSegments } from '../player/cutPosition';
import { getPlayhead } from '../player/playhead';
import { selection } from '../store/uiEditor';
import type { AppState } from '../store/state';
import type { Action } from './registry';
import { orderedIds, selectedShotIds } from './selection';

const someSelected = (s: AppState) => selectedShotIds(s).length > 0;

/** The shot under the playhead and the playhead's offset into it. */
function atPlayhead(s: AppState) {
  if (!s.snapshot) return null;
  return locate(playSegments(s.snapshot), getPlayhead());
}

export const editDelete: Action<'edit.delete'> = {
  id: 'edit.delete', labelKey: 'editor.edit.delete', group: 'edit', global: true, place: 'shot',
  shortcuts: ['Delete', 'Backspace'],
  predicate: someSelected,
  async perform({ api, store }) {
    const shotIds = selectedShotIds(store.getState());
    store.getState().setSnapshot(await api.call('shots.removeMany', { shotIds }));
  },
};

export const editDuplicate: Action<'edit.duplicate'> = {
  id: 'edit.duplicate', labelKey: 'editor.edit.duplicate', group: 'edit', global: true, place: 'shot',
  shortcuts: ['Mod+D'],
  predicate: someSelected,
  async perform({ api, store }) {
    const shotIds = selectedShotIds(store.getState());
    store.getState().setSnapshot(await api.call('shots.duplicate', { shotIds }));
  },
};

export const editCopy: Action<'edit.copy'> = {
  id: 'edit.copy', labelKey: 'editor.edit.copy', group: 'edit', global: true, place: 'shot',
  shortcuts: ['Mod+C'],
  predicate: someSelected,
  perform: async ({ store }) => selection.getState().setClipboard(selectedShotIds(store.getState())),
};

export const editPaste: Action<'edit.paste'> = {
  id: 'edit.paste', labelKey: 'editor.edit.paste', group: 'edit', global: true, place: 'shot',
  shortcuts: ['Mod+V'],
  predicate: (s) => {
    const ids = new Set(s.snapshot?.shots.map((x) => x.id) ?? []);
    return selection.getState().clipboard.some((id) => ids.has(id));
  },
  async perform({ api, store }) {
    const s = store.getState();
    const ids = new Set(s.snapshot?.shots.map((x) => x.id) ?? []);
    const shotIds = selection.getState().clipboard.filter((id) => ids.has(id));
    // Pasted after the shot under the playhead (at the end when the playhead is past the cut).
    const here = atPlayhead(s);
    const toIndex = here ? here.index + 1 : ids.size;
    store.getState().setSnapshot(await api.call('shots.duplicate', { shotIds, toIndex }));
  },
};

export const editSplit: Action<'edit.split'> = {
  id: 'edit.split', labelKey: 'editor.edit.split', group: 'edit', global: true, place: 'shot',
  shortcuts: ['S'],
  predicate: (s) => {
    const here = atPlayhead(s);
    return here !== null && here.offset > 0 && here.offset < here.segment.frames;
  },
  async perform({ api, store }) {
    const here = atPlayhead(store.getState());
    if (!here) return;
    store.getState().setSnapshot(await api.call('shots.split', { shotId: here.segment.shotId, atFrame: here.offset }));
  },
};

/** I / O: the shot under the playhead starts (or ends) at the playhead. One undo step. */
function trimAt(which: 'in' | 'out'): Action<'trim.in' | 'trim.out'> {
  return {
    id: which === 'in' ? 'trim.in' : 'trim.out',
    labelKey: which === 'in' ? 'editor.trim.in' : 'editor.trim.out',
    group: 'edit', global: true, place: 'shot',
    shortcuts: [which === 'in' ? 'I' : 'O'],
    predicate: (s) => {
      const here = atPlayhead(s);
      if (!here || here.segment.mediaPath === null) return false;
      return which === 'in' ? here.offset > 0 : here.offset < here.segment.frames - 1;
    },
    async perform({ api, store }) {
      const s = store.getState();
      const here = atPlayhead(s);
      const shot = s.snapshot?.shots.find((x) => x.id === here?.segment.shotId);
      if (!here || !shot) return;
      const inFrames = here.segment.inFrames;
      const outFrames = inFrames + here.segment.frames;
      const next = which === 'in'
        ? { inFrames: inFrames + here.offset, outFrames: shot.trimOutFrames === null ? null : outFrames }
        : { inFrames, outFrames: inFrames + here.offset + 1 };
      store.getState().setSnapshot(await api.call('shots.setTrim', { shotId: shot.id, ...next }));
    },
  };
}
export const trimIn = trimAt('in') as Action<'trim.in'>;
export const trimOut = trimAt('out') as Action<'trim.out'>;

export const shotsMoveMany: Action<'shots.moveMany'> = {
  id: 'shots.moveMany', labelKey: 'editor.grid.move', place: 'shot',
  predicate: (s, p) => {
    if (!s.snapshot || p.shotIds.length === 0) return false;
    // A drop that changes nothing is not an edit (and must not add an undo step).
    const order = orderedIds(s.snapshot);
    const moving = new Set(p.shotIds);
    const rest = order.filter((id) => !moving.has(id));
    const next = [...rest.slice(0, p.toIndex), ...order.filter((id) => moving.has(id)), ...rest.slice(p.toIndex)];
    return next.some((id, i) => id !== order[i]);
  },
  async perform({ api, store }, p) {
    store.getState().setSnapshot(await api.call('shots.moveMany', p));
  },
};
