/** Derived data for the panels. Pure: the store state in, plain values out. */
import type { JobProgress } from '../../../shared/api/contract';
import type { Asset, Job, JobState, ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { cutFrames, type CutShot } from '../../../shared/model/timeline';
import { timelineModel } from '../timeline/model';
import { framesToSeconds } from '../../../shared/model/time';
import type { AppState } from './state';
import type { JobErrorInfo } from '../../../shared/generation/jobErrors';
import { outdatedTakes, type OutdatedReason } from '../../../shared/generation/takeFreshness';
import { isInFlight } from '../../../shared/model/entities';
import { tooShortShots, type ShotDialogue } from '../../../shared/model/dialogueTiming';

export type ShotStatus =
  | { kind: 'none' }
  | { kind: 'generating'; progress: number; state: JobState }
  /** unknown: a create whose answer was lost; a paid task may exist at the provider. */
  /** providerId: the job's provider, so its error names it in the UI's language. */
  | { kind: 'failed'; error: string; errorInfo: JobErrorInfo | null; providerId: string | null; unknown?: true }
  | { kind: 'take' };

/** The newest job the snapshot knows for a shot. */
export function latestJob(snapshot: ProjectSnapshot, shotId: string): Job | null {
  let best: Job | null = null;
  for (const j of snapshot.jobs) {
    if (j.shotId === shotId && (best === null || j.createdAt >= best.createdAt)) best = j;
  }
  return best;
}

/**
 * What the card shows. Live progress events of this session win over the stored job (they
 * are newer); a running job wins over an existing take (a regeneration is in progress).
 */
export function shotStatus(shot: Shot, snapshot: ProjectSnapshot, live: JobProgress | undefined): ShotStatus {
  const stored = latestJob(snapshot, shot.id);
  const job = live
    ? { state: live.state, progress: live.progress, error: live.error, errorInfo: live.errorInfo ?? null }
    : stored
      ? { state: stored.state, progress: stored.progress, error: stored.error, errorInfo: stored.errorInfo ?? null }
      : null;
  if (job && isInFlight(job.state)) return { kind: 'generating', progress: job.progress, state: job.state };
  if (shot.selectedTakeId !== null) return { kind: 'take' };
  if (job && (job.state === 'failed' || job.state === 'unknown')) {
    const error = job.error ?? job.state;
    const errorInfo = job.error ? job.errorInfo : null;
    const providerId = stored?.provider ?? null;
    return job.state === 'unknown'
      ? { kind: 'failed', error, errorInfo, providerId, unknown: true }
      : { kind: 'failed', error, errorInfo, providerId };
  }
  return { kind: 'none' };
}

const outdatedMemo = new WeakMap<ProjectSnapshot, Map<string, OutdatedReason[]>>();

/** The outdated takes of a document (shared/generation/takeFreshness.ts), once per snapshot. */
export function outdatedOf(snapshot: ProjectSnapshot): Map<string, OutdatedReason[]> {
  let found = outdatedMemo.get(snapshot);
  if (!found) {
    found = outdatedTakes(snapshot);
    outdatedMemo.set(snapshot, found);
  }
  return found;
}

const tooShortMemo = new WeakMap<ProjectSnapshot, ShotDialogue[]>();

/** Shots too short for their dialogue (shared/model/dialogueTiming.ts), once per snapshot. */
export function tooShortOf(snapshot: ProjectSnapshot): ShotDialogue[] {
  let found = tooShortMemo.get(snapshot);
  if (!found) {
    found = tooShortShots(snapshot);
    tooShortMemo.set(snapshot, found);
  }
  return found;
}

// The timeline model is memoised per snapshot (a snapshot is immutable; every change replaces
// it): the inspector's sections, the grid and the timeline share one cut per document version
// instead of a sort of all shots each per render (UI-3).
export function orderedCut(snapshot: ProjectSnapshot): CutShot[] {
  return timelineModel(snapshot).cut;
}

/** The cut entry of one shot (its frames, trim, start), from the same memoised model. */
export function cutOf(snapshot: ProjectSnapshot, shotId: string): CutShot | undefined {
  return timelineModel(snapshot).byId.get(shotId);
}

export function cutSeconds(cut: CutShot, snapshot: ProjectSnapshot): number {
  return framesToSeconds(cut.frames, snapshot.project.fps);
}

export function totalSeconds(snapshot: ProjectSnapshot): number {
  return framesToSeconds(cutFrames(orderedCut(snapshot)), snapshot.project.fps);
}

export function assetById(snapshot: ProjectSnapshot, id: string | null): Asset | null {
  if (id === null) return null;
  return snapshot.assets.find((a) => a.id === id) ?? null;
}

export function takesOf(snapshot: ProjectSnapshot, shotId: string) {
  return snapshot.takes.filter((t) => t.shotId === shotId);
}

/** Shots that "Generate" would work on: those without a take and not already generating. */
export function shotsToGenerate(state: Pick<AppState, 'snapshot' | 'jobs'>): Shot[] {
  const snap = state.snapshot;
  if (!snap) return [];
  return snap.shots.filter((s) => {
    const st = shotStatus(s, snap, state.jobs[s.id]);
    return st.kind === 'none' || st.kind === 'failed';
  });
}

export function isGenerating(state: Pick<AppState, 'snapshot' | 'jobs'>): boolean {
  const snap = state.snapshot;
  if (!snap) return false;
  return snap.shots.some((s) => shotStatus(s, snap, state.jobs[s.id]).kind === 'generating');
}

export function isExporting(state: Pick<AppState, 'exportRun'>): boolean {
  const s = state.exportRun?.state;
  return s === 'starting' || s === 'running' || s === 'canceling';
}
