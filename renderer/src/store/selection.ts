/**
 * Timeline selection: the selected shot ids (in timeline order), the anchor for Shift-ranges,
 * and the shot clipboard. UI state, never history.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

/** replace: just these; add: union; toggle: flip each; range: anchor..id (ids[0]) in order. */
export type SelectMode = 'replace' | 'add' | 'toggle' | 'range';

export interface SelectionState {
  ids: readonly string[];
  /** The last shot clicked without Shift: one end of a Shift-click range. */
  anchor: string | null;
  /** Shot ids copied with copySelection (pasted by duplicating them). */
  clipboard: readonly string[];
  select(ids: readonly string[], mode: SelectMode, order: readonly string[]): void;
  /** Drops ids that no longer exist (after a delete, undo or reload). */
  prune(existing: ReadonlySet<string>): void;
  setClipboard(ids: readonly string[]): void;
}

export type SelectionStore = StoreApi<SelectionState>;

/** The next selection. Pure; `order` is every shot id in timeline order. */
export function nextSelection(
  current: readonly string[],
  anchor: string | null,
  ids: readonly string[],
  mode: SelectMode,
  order: readonly string[],
): { ids: string[]; anchor: string | null } {
  const inOrder = (set: ReadonlySet<string>) => order.filter((id) => set.has(id));
  if (mode === 'replace') return { ids: inOrder(new Set(ids)), anchor: ids[0] ?? null };
  if (mode === 'add') return { ids: inOrder(new Set([...current, ...ids])), anchor: ids[0] ?? anchor };
  if (mode === 'toggle') {
    const set = new Set(current);
    for (const id of ids) {
      if (set.has(id)) set.delete(id);
      else set.add(id);
    }
    return { ids: inOrder(set), anchor: ids[0] ?? anchor };
  }
  const target = ids[0];
  if (target === undefined) return { ids: [...current], anchor };
  const a = anchor !== null ? order.indexOf(anchor) : -1;
  const b = order.indexOf(target);
  if (b < 0) return { ids: [...current], anchor };
  if (a < 0) return { ids: [target], anchor: target };
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return { ids: order.slice(lo, hi + 1), anchor };
}

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()((set) => ({
    ids: [],
    anchor: null,
    clipboard: [],
    select: (ids, mode, order) => set((s) => nextSelection(s.ids, s.anchor, ids, mode, order)),
    prune: (existing) =>
      set((s) => {
        if (s.ids.every((id) => existing.has(id)) && (s.anchor === null || existing.has(s.anchor))) return {};
        return { ids: s.ids.filter((id) => existing.has(id)), anchor: s.anchor !== null && existing.has(s.anchor) ? s.anchor : null };
      }),
    setClipboard: (clipboard) => set({ clipboard: [...clipboard] }),
  }));
}
