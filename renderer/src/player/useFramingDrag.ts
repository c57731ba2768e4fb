/**
 * Drag the picture in the viewer to set the shot's crop position (fill) or where it sits
 * between its bars (fit). While the pointer moves, only the <video> elements of that shot are
 * re-placed (no document edit, no history); on release ONE `shot.setFraming` action runs, so a
 * drag is one undo step. The numbers are the export's: dragFraming + frameGeometry.
 */
import { useCallback, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import {
  dragFraming,
  frameGeometry,
  frameSourceOf,
  type FrameSource,
  type Framing,
  type FrameGeometry,
} from '../../../shared/model/framing';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { boxOf, placeVideo, shotFraming } from './framingBox';
import { locate, type PlaySegment } from './cutPosition';
import { getPlayhead } from './playhead';

/** Pointer travel (CSS px) below which a press is a click, not a drag. */
const DRAG_THRESHOLD = 3;

interface DragState {
  shotId: string;
  pointerId: number;
  startX: number;
  startY: number;
  /** Canvas pixels per CSS pixel of the stage. */
  scale: number;
  start: Framing;
  source: FrameSource;
  geometry: FrameGeometry;
  last: Framing;
  moved: boolean;
}

/** Re-places the shot's <video> elements for a framing (the document is not touched). */
function preview(stage: HTMLElement, d: DragState, framing: Framing, canvas: { width: number; height: number }): void {
  const box = boxOf(frameGeometry(d.source, canvas, framing), canvas);
  for (const v of stage.querySelectorAll<HTMLVideoElement>('video[data-shot]')) {
    if (v.dataset.shot === d.shotId) placeVideo(v, box);
  }
}

export function useFramingDrag(snapshot: ProjectSnapshot | null, segments: readonly PlaySegment[]) {
  const ctx = useAppContext();
  const drag = useRef<DragState | null>(null);

  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLElement>) => {
      if (!snapshot || e.button !== 0) return;
      const pos = locate(segments, getPlayhead());
      const shot = pos && pos.segment.mediaPath ? snapshot.shots.find((s) => s.id === pos.segment.shotId) : undefined;
      const take = shot ? snapshot.takes.find((t) => t.id === shot.selectedTakeId) : undefined;
      const asset = take ? snapshot.assets.find((a) => a.id === take.assetId) : undefined;
      if (!shot || !asset) return;
      const rect = e.currentTarget.getBoundingClientRect();
      if (rect.width <= 0) return;
      const canvas = { width: snapshot.project.width, height: snapshot.project.height };
      const start = shotFraming(shot, snapshot.project.aspect);
      const source = frameSourceOf(asset.info);
      drag.current = {
        shotId: shot.id,
        pointerId: e.pointerId,
        startX: e.clientX,
        startY: e.clientY,
        scale: canvas.width / rect.width,
        start,
        last: start,
        moved: false,
        source,
        geometry: frameGeometry(source, canvas, start),
      };
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    [snapshot, segments],
  );

  const onPointerMove = useCallback(
    (e: ReactPointerEvent<HTMLElement>) => {
      const d = drag.current;
      if (!d || e.pointerId !== d.pointerId || !snapshot) return;
      const dx = e.clientX - d.startX;
      const dy = e.clientY - d.startY;
      if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      d.moved = true;
      const canvas = { width: snapshot.project.width, height: snapshot.project.height };
      d.last = dragFraming(d.start, d.geometry, canvas, dx * d.scale, dy * d.scale);
      preview(e.currentTarget, d, d.last, canvas);
    },
    [snapshot],
  );

  const end = useCallback(
    (e: ReactPointerEvent<HTMLElement>, commit: boolean) => {
      const d = drag.current;
      if (!d || e.pointerId !== d.pointerId) return;
      drag.current = null;
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
      const changed = d.last.x !== d.start.x || d.last.y !== d.start.y;
      if (!commit && snapshot)
        preview(e.currentTarget, d, d.start, { width: snapshot.project.width, height: snapshot.project.height });
      if (commit && d.moved && changed)
        void runAction(ctx, actions['shot.setFraming'], { shotId: d.shotId, framing: d.last });
    },
    [ctx, snapshot],
  );

  return {
    onPointerDown,
    onPointerMove,
    onPointerUp: useCallback((e: ReactPointerEvent<HTMLElement>) => end(e, true), [end]),
    onPointerCancel: useCallback((e: ReactPointerEvent<HTMLElement>) => end(e, false), [end]),
  };
}
