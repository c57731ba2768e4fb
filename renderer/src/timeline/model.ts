/** The timeline's derived layout of a snapshot (memoised per snapshot object). Pure. */
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { cutList, type CutShot } from '../../../shared/model/timeline';
import { clipBoxes, type ClipBox } from './geometry';

export interface TimelineModel {
  cut: CutShot[];
  clips: ClipBox[];
  byId: Map<string, CutShot>;
  order: string[];
  /** Each shot's place in the cut (0-based), for O(1) "which shot follows" checks. */
  indexOf: Map<string, number>;
  total: number;
}

const EMPTY: TimelineModel = { cut: [], clips: [], byId: new Map(), order: [], indexOf: new Map(), total: 0 };
const cache = new WeakMap<ProjectSnapshot, TimelineModel>();

export function timelineModel(snapshot: ProjectSnapshot | null): TimelineModel {
  if (!snapshot) return EMPTY;
  let m = cache.get(snapshot);
  if (!m) {
    const cut = cutList(snapshot);
    const clips = clipBoxes(cut);
    const last = cut[cut.length - 1];
    m = {
      cut,
      clips,
      byId: new Map(cut.map((c) => [c.shot.id, c])),
      order: cut.map((c) => c.shot.id),
      indexOf: new Map(cut.map((c, i) => [c.shot.id, i])),
      total: last ? last.startFrame + last.frames : 0,
    };
    cache.set(snapshot, m);
  }
  return m;
}

/** Clips whose length comes from media can be trimmed (a shot without a take has no handles). */
export function isTrimmable(m: TimelineModel, id: string): boolean {
  return m.byId.get(id)?.trim != null;
}
