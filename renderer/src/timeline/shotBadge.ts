/**
 * The status badge of a shot clip: which label (timeline.status.*) and colour. Pure, so the
 * mapping is unit tested; ShotClip subscribes to the status key alone.
 */
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import type { JobProgress } from '../../../shared/api/contract';
import { outdatedOf, shotStatus } from '../store/selectors';
import { THEME } from './theme';

/**
 * A job whose create call lost its answer: it may be running (and billed) at the provider.
 * Not the failed red (nothing is known to have failed) nor the queued amber (nothing here is
 * waiting): a colour of its own, so it reads as "go and check".
 */
export const UNKNOWN_COLOR = '#b88cf0';

/** `labelKey`: an i18n key of its own (else timeline.status.<key>). */
export type Badge = { key: string; color: string; progress?: number; labelKey?: string };

/** A string that changes only when the badge does (cheap to compare in a store selector). */
export function statusKey(shot: Shot, snapshot: ProjectSnapshot | null, live: JobProgress | undefined): string {
  if (!snapshot) return 'none';
  const st = shotStatus(shot, snapshot, live);
  if (st.kind === 'generating')
    return st.state === 'queued' || st.state === 'submitting'
      ? 'queued'
      : `generating:${Math.round(st.progress * 100)}`;
  if (st.kind === 'failed' && st.unknown) return 'unknown';
  // A take made from an older prompt or older frames (shared/generation/takeFreshness.ts).
  if (st.kind === 'take' && shot.selectedTakeId && outdatedOf(snapshot).has(shot.selectedTakeId)) return 'outdated';
  return st.kind;
}

/** The badge of a status key; with a take, its provider says how it was made. */
export function badgeOf(status: string, takeProvider: string | undefined): Badge {
  if (status === 'none') return { key: 'none', color: THEME.textMuted };
  if (status === 'failed') return { key: 'failed', color: THEME.danger };
  if (status === 'unknown') return { key: 'unknown', color: UNKNOWN_COLOR };
  if (status === 'queued') return { key: 'queued', color: THEME.warn };
  if (status === 'outdated') return { key: 'outdated', color: THEME.warn, labelKey: 'outdated.badge' };
  if (status.startsWith('generating:'))
    return { key: 'generating', color: THEME.accent, progress: Number(status.slice(11)) };
  if (takeProvider === 'animatic') return { key: 'animatic', color: THEME.warn };
  return takeProvider === 'import'
    ? { key: 'imported', color: THEME.textMuted }
    : { key: 'generated', color: THEME.ok };
}
