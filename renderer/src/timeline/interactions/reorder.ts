/** Drag to reorder: the grabbed shots follow the pointer; the drop index comes from the pointer. */
import { pxToFrames, snapFrame, snapTargets, xToFrame, LAYOUT, type ClipBox } from '../geometry';
import type { GestureContext, Intent, PointerInput, SnapGuide } from './types';

export interface ReorderPreview {
  shotIds: readonly string[];
  /** How far the dragged shots are drawn from where they sit, in frames (total delta, snapped). */
  offsetFrames: number;
  /** Index among the other shots where the dragged ones would land. */
  dropIndex: number;
  /** Timeline frame of the insertion marker. */
  dropFrame: number;
  snap: SnapGuide | null;
}

export interface ReorderGesture {
  readonly kind: 'reorder';
  preview(): ReorderPreview;
  move(p: PointerInput): ReorderPreview;
  commit(): Intent | null;
  cancel(): void;
}

/** Order after removing `moved` and inserting them (in their order) at `toIndex` of the rest. */
export function applyMove(order: readonly string[], moved: readonly string[], toIndex: number): string[] {
  const set = new Set(moved);
  const rest = order.filter((id) => !set.has(id));
  const group = order.filter((id) => set.has(id));
  const at = Math.min(Math.max(0, toIndex), rest.length);
  return [...rest.slice(0, at), ...group, ...rest.slice(at)];
}

/** Index among `rest` before which a pointer at `frame` drops: past each clip's midpoint counts. */
export function dropIndexAt(rest: readonly ClipBox[], frame: number): number {
  let i = 0;
  while (i < rest.length) {
    const c = rest[i] as ClipBox;
    if (frame < c.start + c.frames / 2) break;
    i++;
  }
  return i;
}

/**
 * @param grabbed the clip under the pointer at press time
 * @param selected the selection in timeline order; it moves as a group when it holds `grabbed`
 */
export function startReorder(
  ctx: GestureContext,
  grabbed: ClipBox,
  selected: readonly string[],
  origin: PointerInput,
): ReorderGesture {
  // Snapshot at start: every later position is computed from these, never accumulated.
  const clips = [...ctx.clips];
  const order = clips.map((c) => c.id);
  const shotIds = selected.includes(grabbed.id) ? order.filter((id) => selected.includes(id)) : [grabbed.id];
  const moving = new Set(shotIds);
  const rest = clips.filter((c) => !moving.has(c.id));
  const targets = snapTargets(clips, ctx.playhead, moving);
  const fromIndex = rest.filter((c) => c.start < grabbed.start).length;

  const dropFrameOf = (index: number): number => {
    if (rest.length === 0) return 0;
    if (index <= 0) return (rest[0] as ClipBox).start;
    const prev = rest[index - 1] as ClipBox;
    return prev.start + prev.frames;
  };
  let current: ReorderPreview = {
    shotIds,
    offsetFrames: 0,
    dropIndex: fromIndex,
    dropFrame: dropFrameOf(fromIndex),
    snap: null,
  };

  return {
    kind: 'reorder',
    preview: () => current,
    move(p) {
      const raw = pxToFrames(p.x - origin.x, ctx.view.pxPerFrame);
      let offsetFrames = raw;
      let snap: SnapGuide | null = null;
      if (!p.alt) {
        // Either edge of the grabbed clip may snap; the nearer one wins.
        const startEdge = snapFrame(grabbed.start + raw, targets, LAYOUT.snapPx, ctx.view.pxPerFrame);
        const endEdge = snapFrame(grabbed.start + grabbed.frames + raw, targets, LAYOUT.snapPx, ctx.view.pxPerFrame);
        const dStart = startEdge.target ? Math.abs(startEdge.frame - (grabbed.start + raw)) : Infinity;
        const dEnd = endEdge.target ? Math.abs(endEdge.frame - (grabbed.start + grabbed.frames + raw)) : Infinity;
        if (startEdge.target && dStart <= dEnd) {
          offsetFrames = startEdge.frame - grabbed.start;
          snap = startEdge.target;
        } else if (endEdge.target) {
          offsetFrames = endEdge.frame - grabbed.start - grabbed.frames;
          snap = endEdge.target;
        }
      }
      const pointerFrame = xToFrame(p.x, ctx.view);
      const dropIndex = dropIndexAt(rest, pointerFrame);
      current = { shotIds, offsetFrames, dropIndex, dropFrame: dropFrameOf(dropIndex), snap };
      return current;
    },
    commit() {
      const next = applyMove(order, shotIds, current.dropIndex);
      if (next.every((id, i) => id === order[i])) return null;
      return { kind: 'move', shotIds: [...shotIds], toIndex: current.dropIndex };
    },
    cancel() {
      current = { shotIds, offsetFrames: 0, dropIndex: fromIndex, dropFrame: dropFrameOf(fromIndex), snap: null };
    },
  };
}
