/**
 * Document edits from the keyboard, menus, palette and context menu. Each is one contract
 * call, so the services record exactly one undo step per command (a multi-shot delete or a
 * drop of several shots included).
 */
import { locate, playSegments } from '../player/cutPosition';
import { getPlayhead } from '../player/playhead';
import i18next from 'i18next';
import { AppError } from '../../../shared/errors';
import { editorUi, selection, setEditorUi } from '../store/uiEditor';
import type { AppState } from '../store/state';
import type { Action } from './registry';
import { orderedIds, selectedShotIds } from './selection';
import { onShots } from './trackScopes';
import { applyCall, performCall } from './snapshotCall';

const someSelected = (s: AppState) => selectedShotIds(s).length > 0;

/** The shot under the playhead and the playhead's offset into it. */
function atPlayhead(s: AppState) {
  if (!s.snapshot) return null;
  return locate(playSegments(s.snapshot), getPlayhead());
}

export const editDelete: Action<'edit.delete'> = {
  id: 'edit.delete',
  labelKey: 'editor.edit.delete',
  group: 'edit',
  global: true,
  place: 'shot',
  tracks: onShots,
  shortcuts: ['Delete', 'Backspace'],
  predicate: someSelected,
  async perform(ctx) {
    const { store } = ctx;
    const shotIds = selectedShotIds(store.getState());
    await applyCall(ctx, 'shots.removeMany', { shotIds });
  },
};

export const editDuplicate: Action<'edit.duplicate'> = {
  id: 'edit.duplicate',
  labelKey: 'editor.edit.duplicate',
  group: 'edit',
  global: true,
  place: 'shot',
  tracks: onShots,
  shortcuts: ['Mod+D'],
  predicate: someSelected,
  async perform(ctx) {
    const { store } = ctx;
    const shotIds = selectedShotIds(store.getState());
    await applyCall(ctx, 'shots.duplicate', { shotIds });
  },
};

export const editCopy: Action<'edit.copy'> = {
  id: 'edit.copy',
  labelKey: 'editor.edit.copy',
  group: 'edit',
  global: true,
  place: 'shot',
  tracks: 'none',
  shortcuts: ['Mod+C'],
  predicate: someSelected,
  perform: async ({ store }) => selection.getState().setClipboard(selectedShotIds(store.getState())),
};

export const editPaste: Action<'edit.paste'> = {
  id: 'edit.paste',
  labelKey: 'editor.edit.paste',
  group: 'edit',
  global: true,
  place: 'shot',
  tracks: onShots,
  shortcuts: ['Mod+V'],
  predicate: (s) => {
    const ids = new Set(s.snapshot?.shots.map((x) => x.id) ?? []);
    return selection.getState().clipboard.some((id) => ids.has(id));
  },
  async perform(ctx) {
    const { store } = ctx;
    const s = store.getState();
    const ids = new Set(s.snapshot?.shots.map((x) => x.id) ?? []);
    const shotIds = selection.getState().clipboard.filter((id) => ids.has(id));
    // Pasted after the shot under the playhead (at the end when the playhead is past the cut).
    const here = atPlayhead(s);
    const toIndex = here ? here.index + 1 : ids.size;
    await applyCall(ctx, 'shots.duplicate', { shotIds, toIndex });
  },
};

export const editSplit: Action<'edit.split'> = {
  id: 'edit.split',
  labelKey: 'editor.edit.split',
  group: 'edit',
  global: true,
  place: 'shot',
  tracks: onShots,
  // Ctrl/Cmd+K as in Premiere Pro and Ctrl/Cmd+B as in Resolve and CapCut; the command
  // palette moved to Ctrl/Cmd+Shift+P (README, Keyboard).
  shortcuts: ['S', 'Mod+K', 'Mod+B'],
  predicate: (s) => {
    const here = atPlayhead(s);
    return here !== null && here.offset > 0 && here.offset < here.segment.frames;
  },
  async perform(ctx) {
    const { store } = ctx;
    const here = atPlayhead(store.getState());
    if (!here) return;
    await applyCall(ctx, 'shots.split', { shotId: here.segment.shotId, atFrame: here.offset });
  },
};

/**
 * Q / W: the SELECTED shot starts (Q) or ends (W) at the playhead — the NLE's "trim to
 * playhead", where the playhead sits between frames: W keeps the frames before it. Refused
 * with a reason (shown in the inspector) when nothing or more than one shot is selected, when
 * the playhead is outside that shot, or when the trim would leave no frame. One undo step.
 */
export function trimPlan(
  s: AppState,
  which: 'in' | 'out',
  playhead: number,
):
  | {
      ok: true;
      shotId: string;
      call: { kind: 'trim'; inFrames: number; outFrames: number | null } | { kind: 'duration'; frames: number };
    }
  | { ok: false; reason: 'selectOne' | 'outside' | 'zeroLength' | 'nothing' } {
  const ids = selectedShotIds(s);
  if (!s.snapshot || ids.length !== 1) return { ok: false, reason: 'selectOne' };
  const shotId = ids[0] as string;
  const seg = playSegments(s.snapshot).find((x) => x.shotId === shotId);
  const shot = s.snapshot.shots.find((x) => x.id === shotId);
  if (!seg || !shot) return { ok: false, reason: 'selectOne' };
  const offset = playhead - seg.startFrame;
  if (offset < 0 || offset > seg.frames) return { ok: false, reason: 'outside' };
  if (which === 'out' && offset === 0) return { ok: false, reason: 'zeroLength' };
  if (which === 'in' && offset === seg.frames) return { ok: false, reason: 'zeroLength' };
  if ((which === 'in' && offset === 0) || (which === 'out' && offset === seg.frames))
    return { ok: false, reason: 'nothing' };
  if (seg.mediaPath === null) {
    // A shot without a take has no media to trim: its length is what changes.
    return { ok: true, shotId, call: { kind: 'duration', frames: which === 'in' ? seg.frames - offset : offset } };
  }
  const inFrames = seg.inFrames;
  const outFrames = inFrames + seg.frames;
  return which === 'in'
    ? {
        ok: true,
        shotId,
        call: { kind: 'trim', inFrames: inFrames + offset, outFrames: shot.trimOutFrames === null ? null : outFrames },
      }
    : { ok: true, shotId, call: { kind: 'trim', inFrames, outFrames: inFrames + offset } };
}

function trimTo(which: 'in' | 'out'): Action<'trim.in' | 'trim.out'> {
  return {
    id: which === 'in' ? 'trim.in' : 'trim.out',
    labelKey: which === 'in' ? 'workspace.trim.start' : 'workspace.trim.end',
    group: 'edit',
    global: true,
    place: 'shot',
    tracks: onShots,
    shortcuts: [which === 'in' ? 'Q' : 'W'],
    // Always runnable with a project: a refusal is explained, never a silent no-op.
    predicate: someSelected,
    async perform(ctx) {
      const plan = trimPlan(ctx.store.getState(), which, getPlayhead());
      if (!plan.ok) throw new AppError('INVALID_INPUT', i18next.t(`workspace.trim.refused.${plan.reason}`));
      const { shotId, call } = plan;
      await (call.kind === 'trim'
        ? applyCall(ctx, 'shots.setTrim', { shotId, inFrames: call.inFrames, outFrames: call.outFrames })
        : applyCall(ctx, 'shots.update', { shotId, patch: { durationFrames: call.frames } }));
    },
  };
}
export const trimIn = trimTo('in') as Action<'trim.in'>;
export const trimOut = trimTo('out') as Action<'trim.out'>;

/** I / O: the in and out marks at the playhead (UI state: a range for play, export and generate). */
function markAt(which: 'in' | 'out'): Action<'mark.in' | 'mark.out'> {
  return {
    id: which === 'in' ? 'mark.in' : 'mark.out',
    labelKey: which === 'in' ? 'workspace.marks.setIn' : 'workspace.marks.setOut',
    group: 'edit',
    global: true,
    place: 'app',
    tracks: 'none',
    shortcuts: [which === 'in' ? 'I' : 'O'],
    predicate: (s) => (s.snapshot?.shots.length ?? 0) > 0,
    async perform() {
      const at = getPlayhead();
      const m = editorUi.getState().marks;
      // A mark past the other one moves that one out of the way (the range is never inverted).
      const marks =
        which === 'in'
          ? { in: at, out: m.out !== null && m.out < at ? null : m.out }
          : { in: m.in !== null && m.in > at ? null : m.in, out: at };
      setEditorUi({ marks });
    },
  };
}
export const markIn = markAt('in') as Action<'mark.in'>;
export const markOut = markAt('out') as Action<'mark.out'>;

export const markClear: Action<'mark.clear'> = {
  id: 'mark.clear',
  labelKey: 'workspace.marks.clear',
  group: 'edit',
  global: true,
  place: 'app',
  tracks: 'none',
  shortcuts: ['Alt+X'],
  predicate: () => editorUi.getState().marks.in !== null || editorUi.getState().marks.out !== null,
  perform: async () => setEditorUi({ marks: { in: null, out: null } }),
};

export const shotsMoveMany: Action<'shots.moveMany'> = {
  id: 'shots.moveMany',
  labelKey: 'editor.grid.move',
  place: 'shot',
  tracks: onShots,
  predicate: (s, p) => {
    if (!s.snapshot || p.shotIds.length === 0) return false;
    // A drop that changes nothing is not an edit (and must not add an undo step).
    const order = orderedIds(s.snapshot);
    const moving = new Set(p.shotIds);
    const rest = order.filter((id) => !moving.has(id));
    const next = [...rest.slice(0, p.toIndex), ...order.filter((id) => moving.has(id)), ...rest.slice(p.toIndex)];
    return next.some((id, i) => id !== order[i]);
  },
  perform: performCall('shots.moveMany'),
};
