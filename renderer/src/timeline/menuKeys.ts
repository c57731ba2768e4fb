/**
 * The keyboard's context menu on the timeline (Shift+F10, the context-menu key): the menu of
 * the selected item, opened beside that item. Pure: the selection and geometry in, a target and
 * a window point out.
 */
import type { ProjectSnapshot } from '../../../shared/model/entities';
import type { SelectionState } from '../store/selection';
import { primaryShot } from '../store/selection';
import { audioModel, laneTop } from './audioModel';
import { frameToX, LAYOUT, type View } from './geometry';
import type { MenuTarget } from './menuTarget';
import { timelineModel } from './model';

/** The selected audio item, else a focused transition, else the primary shot, else the shot lane. */
export function selectedTarget(
  snapshot: ProjectSnapshot | null,
  sel: Pick<SelectionState, 'ids' | 'anchor' | 'item'>,
  audioId: string | null,
): MenuTarget {
  if (audioId && snapshot?.audioItems.some((a) => a.id === audioId)) return { kind: 'audio', id: audioId };
  if (sel.item?.kind === 'transition') return { kind: 'transition', shotId: sel.item.shotId };
  const shot = primaryShot(sel);
  return shot ? { kind: 'shot', shotId: shot } : { kind: 'lane', track: 'shots' };
}

/** Where the menu opens (window coordinates): at the item's start, clamped into the timeline box. */
export function targetPoint(
  target: MenuTarget,
  box: { left: number; top: number; width: number },
  view: View,
  snapshot: ProjectSnapshot | null,
): { x: number; y: number } {
  let frame = view.scrollFrame;
  let y = LAYOUT.shotTop + LAYOUT.shotHeight / 2;
  if (target.kind === 'audio') {
    const b = audioModel(snapshot).find((a) => a.id === target.id);
    if (b) {
      frame = b.start;
      y = laneTop(b.lane) + 10;
    }
  } else if (target.kind === 'shot' || target.kind === 'transition') {
    const c = timelineModel(snapshot).cut.find((x) => x.shot.id === target.shotId);
    if (c) frame = c.startFrame;
  }
  const x = Math.min(Math.max(LAYOUT.gutter + frameToX(frame, view) + 12, LAYOUT.gutter), box.width - 20);
  return { x: box.left + x, y: box.top + y };
}
