/**
 * What a right-click (or Shift+F10) on the timeline is about: a shot clip, the transition into
 * a shot (over an overlap, or within a few pixels of a plain cut), an audio item, a dialogue
 * line, or the empty area of a track. Pure: geometry and the document only, so the controller
 * and the unit tests use it alike.
 */
import type { ProjectSnapshot } from '../../../shared/model/entities';
import type { TrackId } from '../../../shared/model/tracks';
import { audioModel, hitAudio } from './audioModel';
import { frameToX, LAYOUT, type View } from './geometry';
import { timelineModel } from './model';

export type MenuTarget =
  | { kind: 'shot'; shotId: string }
  | { kind: 'transition'; shotId: string }
  | { kind: 'audio'; id: string }
  | { kind: 'dialogue'; lineId: string; shotId: string }
  | { kind: 'lane'; track: TrackId };

/** A plain cut is a transition target this close (px) to the edit point. */
export const CUT_PICK_PX = 5;

/** The lane at y (content coordinates), or null above the lanes. */
export function laneAt(y: number): TrackId | null {
  if (y < LAYOUT.shotTop) return null;
  if (y <= LAYOUT.shotTop + LAYOUT.shotHeight) return 'shots';
  const i = Math.floor((y - LAYOUT.audioTop) / LAYOUT.audioLaneHeight);
  return LAYOUT.audioLanes[Math.max(0, Math.min(LAYOUT.audioLanes.length - 1, i))] ?? null;
}

export function menuTargetAt(snapshot: ProjectSnapshot | null, x: number, y: number, view: View): MenuTarget | null {
  const lane = laneAt(y);
  if (!lane || !snapshot) return null;
  if (lane !== 'shots') {
    const hit = hitAudio(audioModel(snapshot), x, y, view);
    return hit ? { kind: 'audio', id: hit.box.id } : { kind: 'lane', track: lane };
  }
  const cut = timelineModel(snapshot).cut;
  for (let i = 1; i < cut.length; i++) {
    const c = cut[i]!;
    const left = frameToX(c.startFrame, view);
    const right = frameToX(c.startFrame + c.overlap, view);
    if (x >= left - CUT_PICK_PX && x <= right + CUT_PICK_PX) return { kind: 'transition', shotId: c.shot.id };
  }
  const frame = x / view.pxPerFrame + view.scrollFrame;
  const shot = cut.find((c) => frame >= c.startFrame && frame < c.startFrame + c.frames);
  return shot ? { kind: 'shot', shotId: shot.shot.id } : { kind: 'lane', track: 'shots' };
}
