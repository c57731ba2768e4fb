/**
 * The window's ONE selection (UI state, never history): the selected shots in cut order, the
 * anchor for Shift-ranges, the item the inspector shows when it is not a shot (a take, a
 * transition, an audio item, an element), and the shot clipboard. The timeline, the grid, the
 * inspector, the dialogs, the context menus and the shortcuts all read and write this store.
 *
 * It belongs to one project: `follow` is called with every new document (store.ts subscribes
 * it), so a deleted shot leaves the selection and another project (or none) starts empty.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProjectSnapshot } from '../../../shared/model/entities';

/** replace: just these; add: union; toggle: flip each; range: anchor..id (ids[0]) in order. */
export type SelectMode = 'replace' | 'add' | 'toggle' | 'range';

/** What the inspector shows instead of the primary shot. A transition is named by the shot it leads into. */
export type SelectedItem =
  | { kind: 'take'; id: string }
  | { kind: 'transition'; shotId: string }
  | { kind: 'audio'; id: string }
  | { kind: 'element'; id: string };

export interface SelectionState {
  /** The project this selection belongs to (null: no project open). */
  projectId: string | null;
  ids: readonly string[];
  /** The last shot clicked without Shift: one end of a Shift-click range. */
  anchor: string | null;
  /** A non-shot item in focus; null means the inspector shows the primary shot (or the project). */
  item: SelectedItem | null;
  /** Shot ids copied with copySelection (pasted by duplicating them). */
  clipboard: readonly string[];
  select(ids: readonly string[], mode: SelectMode, order: readonly string[]): void;
  /** Puts an item in the inspector (its shot, for a take or a transition, becomes the selection). */
  focus(item: SelectedItem | null): void;
  /** Drops ids that no longer exist (after a delete, undo or reload). */
  prune(existing: ReadonlySet<string>): void;
  /** Follows a new document: another project (or none) clears everything; the same project prunes. */
  follow(snapshot: ProjectSnapshot | null): void;
  setClipboard(ids: readonly string[]): void;
}

export type SelectionStore = StoreApi<SelectionState>;

/** The shot the inspector and single-shot commands use: the anchor when selected, else the first. */
export function primaryShot(s: Pick<SelectionState, 'ids' | 'anchor'>): string | null {
  return s.anchor !== null && s.ids.includes(s.anchor) ? s.anchor : (s.ids[0] ?? null);
}

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

/** Whether an item still exists in the document. */
export function itemExists(item: SelectedItem, snapshot: ProjectSnapshot): boolean {
  switch (item.kind) {
    case 'take':
      return snapshot.takes.some((t) => t.id === item.id);
    case 'transition':
      return snapshot.shots.some((s) => s.id === item.shotId);
    case 'audio':
      return snapshot.audioItems.some((a) => a.id === item.id);
    case 'element':
      return snapshot.elements.some((e) => e.id === item.id);
  }
}

const EMPTY = { ids: [] as readonly string[], anchor: null, item: null, clipboard: [] as readonly string[] };

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()((set, get) => ({
    projectId: null,
    ...EMPTY,
    select: (ids, mode, order) => set((s) => ({ ...nextSelection(s.ids, s.anchor, ids, mode, order), item: null })),
    focus: (item) =>
      set(() => {
        if (item?.kind === 'transition') return { item, ids: [item.shotId], anchor: item.shotId };
        return { item };
      }),
    prune: (existing) =>
      set((s) => {
        if (s.ids.every((id) => existing.has(id)) && (s.anchor === null || existing.has(s.anchor))) return {};
        return {
          ids: s.ids.filter((id) => existing.has(id)),
          anchor: s.anchor !== null && existing.has(s.anchor) ? s.anchor : null,
        };
      }),
    follow: (snapshot) => {
      const projectId = snapshot?.project.id ?? null;
      if (projectId !== get().projectId) {
        set({ projectId, ...EMPTY });
        return;
      }
      if (!snapshot) return;
      get().prune(new Set(snapshot.shots.map((s) => s.id)));
      const { item, clipboard } = get();
      const shots = new Set(snapshot.shots.map((s) => s.id));
      const keep = clipboard.filter((id) => shots.has(id));
      if (item && !itemExists(item, snapshot)) set({ item: null });
      if (keep.length !== clipboard.length) set({ clipboard: keep });
    },
    setClipboard: (clipboard) => set({ clipboard: [...clipboard] }),
  }));
}
