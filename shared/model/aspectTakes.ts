/**
 * Takes made for one delivery aspect (pure). The variant matrix generates a shot again at an
 * output aspect its model can make natively (Take.aspect records it) instead of cropping the
 * project-aspect picture. An export at an aspect then uses, per shot, the take whose aspect is
 * closest to it: that aspect's own take when there is one, else the nearest of the shot's
 * chosen take (counted at the project's aspect) and its aspect takes, reframed with the shot's
 * fit/crop for that aspect (framing.ts). A shot without aspect takes exports its chosen take,
 * as before.
 */
import type { Project, ProjectSnapshot, Shot, Take } from './entities.js';
import { takeKind } from './entities.js';
import type { Aspect } from './format.js';

const RATIO: Record<Aspect, number> = { '16:9': 16 / 9, '9:16': 9 / 16, '1:1': 1, '4:5': 4 / 5, '21:9': 21 / 9 };

/** How far two aspects are apart: the log of their ratio (9:16 is as far from 1:1 as 16:9). */
export function aspectDistance(a: Aspect, b: Aspect): number {
  return Math.abs(Math.log(RATIO[a] / RATIO[b]));
}

/** The aspect of `available` nearest to `target`; the first of equals wins (null: none given). */
export function nearestAspect(target: Aspect, available: readonly Aspect[]): Aspect | null {
  let best: Aspect | null = null;
  for (const a of available) if (best === null || aspectDistance(a, target) < aspectDistance(best, target)) best = a;
  return best;
}

const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);

/**
 * The project's picture size at another aspect: the same short side, the long side from the
 * aspect, even (H.264 4:2:0). A 1280x720 project at 9:16 is 720x1280, at 4:5 720x900.
 */
export function sizeAtAspect(
  project: Pick<Project, 'width' | 'height'>,
  aspect: Aspect,
): { width: number; height: number } {
  const short = Math.min(project.width, project.height);
  const r = RATIO[aspect];
  return r >= 1 ? { width: even(short * r), height: even(short) } : { width: even(short), height: even(short / r) };
}

/** The aspect a take shows: its own, else the project's (the shot's ordinary takes). */
export function takeAspect(take: Pick<Take, 'aspect'>, projectAspect: Aspect): Aspect {
  return take.aspect ?? projectAspect;
}

/**
 * The take a shot shows at `aspect`: of the chosen take and the newest clip made for each
 * other aspect, the one nearest `aspect` (the chosen take on a tie). Null: the shot has no
 * chosen take (the export reports that).
 */
export function takeForAspect(
  shot: Pick<Shot, 'id' | 'selectedTakeId'>,
  takes: readonly Take[],
  projectAspect: Aspect,
  aspect: Aspect,
): Take | null {
  const chosen = takes.find((t) => t.id === shot.selectedTakeId) ?? null;
  if (!chosen) return null;
  const newest = new Map<Aspect, Take>();
  for (const t of takes) {
    if (t.shotId !== shot.id || !t.aspect || takeKind(t) !== 'video') continue;
    const seen = newest.get(t.aspect);
    if (!seen || t.createdAt >= seen.createdAt) newest.set(t.aspect, t);
  }
  const chosenAspect = takeAspect(chosen, projectAspect);
  let best = chosen;
  let bestDistance = aspectDistance(chosenAspect, aspect);
  for (const [a, t] of newest) {
    const d = aspectDistance(a, aspect);
    if (d < bestDistance - 1e-9) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The document as an export at `aspect` sees it: each shot's chosen take swapped for the take
 * it shows at that aspect (takeForAspect). The same object when nothing changes.
 */
export function snapshotForAspect(doc: ProjectSnapshot, aspect: Aspect): ProjectSnapshot {
  if (!doc.takes.some((t) => t.aspect)) return doc;
  let changed = false;
  const shots = doc.shots.map((s) => {
    const take = takeForAspect(s, doc.takes, doc.project.aspect, aspect);
    if (!take || take.id === s.selectedTakeId) return s;
    changed = true;
    return { ...s, selectedTakeId: take.id };
  });
  return changed ? { ...doc, shots } : doc;
}

/** Which shots show a take other than their chosen one at `aspect` (a key: equal keys export alike). */
export function aspectTakeKey(doc: ProjectSnapshot, aspect: Aspect): string {
  const view = snapshotForAspect(doc, aspect);
  if (view === doc) return '';
  return view.shots.map((s) => s.selectedTakeId ?? '').join(',');
}
