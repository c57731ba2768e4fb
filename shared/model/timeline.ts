/** Pure timeline operations over the document. No I/O; unit tested in test/unit. */
import type { Asset, ProjectSnapshot, Shot, Take } from './entities.js';
import { floorFrames, type Fps } from './time.js';

/** Frames of a take's media at the project rate (a still image has no length of its own). */
export function takeFrames(asset: Asset, fps: Fps): number {
  return floorFrames(asset.info.durationSec, fps);
}

export interface ResolvedTrim {
  inFrames: number;
  outFrames: number;
  frames: number;
}

/**
 * The part of a take the cut uses. The in point is clamped inside the media and the out
 * point to its end, so a trim saved against a longer take never reads past the file.
 */
export function resolveTrim(shot: Pick<Shot, 'trimInFrames' | 'trimOutFrames'>, mediaFrames: number): ResolvedTrim {
  const end = Math.max(1, mediaFrames);
  const outFrames = Math.min(shot.trimOutFrames ?? end, end);
  const inFrames = Math.min(Math.max(0, shot.trimInFrames), outFrames - 1);
  return { inFrames, outFrames, frames: outFrames - inFrames };
}

export interface CutShot {
  shot: Shot;
  take: Take | null;
  asset: Asset | null;
  /** Length on the timeline: the trimmed take, or the target duration while there is no take. */
  frames: number;
  trim: ResolvedTrim | null;
  startFrame: number;
}

/** Shots in order with where each starts on the timeline. */
export function cutList(doc: Pick<ProjectSnapshot, 'project' | 'shots' | 'takes' | 'assets'>): CutShot[] {
  const takes = new Map(doc.takes.map((t) => [t.id, t]));
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const ordered = [...doc.shots].sort((a, b) => a.position - b.position);
  let start = 0;
  return ordered.map((shot) => {
    const take = shot.selectedTakeId ? (takes.get(shot.selectedTakeId) ?? null) : null;
    const asset = take ? (assets.get(take.assetId) ?? null) : null;
    const trim = asset ? resolveTrim(shot, takeFrames(asset, doc.project.fps)) : null;
    const frames = trim ? trim.frames : shot.durationFrames;
    const item: CutShot = { shot, take, asset, frames, trim, startFrame: start };
    start += frames;
    return item;
  });
}

export function totalFrames(doc: Pick<ProjectSnapshot, 'project' | 'shots' | 'takes' | 'assets'>): number {
  return cutList(doc).reduce((sum, c) => sum + c.frames, 0);
}

/**
 * New order of shot ids after moving `shotId` to `toIndex` (clamped). Returns null when the
 * id is unknown, so callers can report it instead of silently doing nothing.
 */
export function reorder(ids: readonly string[], shotId: string, toIndex: number): string[] | null {
  const from = ids.indexOf(shotId);
  if (from < 0) return null;
  const next = ids.filter((id) => id !== shotId);
  const to = Math.min(Math.max(0, Math.trunc(toIndex)), next.length);
  next.splice(to, 0, shotId);
  return next;
}
