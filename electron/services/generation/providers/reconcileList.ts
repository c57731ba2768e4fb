/**
 * Reconcile by listing (design.md §5, JOB-3), shared by the cloud adapters whose provider can
 * list its tasks but takes no client id (Luma, Replicate, Seedance, Wan). A create whose answer
 * was lost may or may not exist at the provider; we look for it in the provider's own list.
 *
 * The rules keep money and shots safe, in that order:
 * - A match attaches a video to a shot, so it must be certain: the adapter says per listed task
 *   whether it is ours (model + the exact prompt / fingerprint we sent), provably not ours, or
 *   unknown (the provider removed the input, the task has not echoed it yet). Exactly one task
 *   that is ours and no unknown one in the job's time window -> found; anything else -> null,
 *   and the user decides (a missed match costs a question, a wrong one someone else's video).
 * - "Surely absent" re-sends the job, which pays again if we are wrong, so it needs the list to
 *   be complete for the window (the whole list read, or newest-first pages that already reach
 *   past the window's start), every task in the window provably not ours, a window the provider
 *   still keeps tasks for, and a job that has been quiet for SETTLE_MS: a create sent just
 *   before a crash may still be landing at the provider.
 * - Pages are bounded (maxPages); running out of pages means "cannot tell" (null).
 */
import type { Job } from '../../../../shared/model/entities.js';

/** Provider clocks differ from ours: the window opens this much before the job row... */
export const WINDOW_BEFORE_MS = 2 * 60_000;
/** ...and closes this much after its last update. */
export const WINDOW_AFTER_MS = 10 * 60_000;
/** How long a job must have been quiet before "absent" may re-send it. */
export const SETTLE_MS = 2 * 60_000;

export type Reconciled = { taskId: string } | { absent: true } | null;

export interface ListedTask {
  id: string;
  /** When the provider created it (epoch ms); null when it does not say. */
  createdAtMs: number | null;
  /** true: what we sent; false: provably not; null: cannot tell (input removed or not echoed yet). */
  ours: boolean | null;
}

export interface ListedPage {
  tasks: ListedTask[];
  /** True when no page follows this one. */
  last: boolean;
}

export interface ListReconcileOptions {
  job: Pick<Job, 'createdAt' | 'updatedAt'>;
  /** Page `index` (0-based) of the provider's list, already narrowed to the model where it can filter. */
  page(index: number): Promise<ListedPage>;
  /** The provider documents newest-first order (checked on the data: out of order -> null). */
  newestFirst: boolean;
  maxPages?: number;
  /** How long the provider keeps tasks listed (e.g. DashScope 24 h); older windows are never "absent". */
  retentionMs?: number;
  now?: number;
  /** Task ids other jobs of the project hold (ProviderContext.knownTaskIds): provably not this job's. */
  known?: ReadonlySet<string>;
}

export function jobWindow(job: Pick<Job, 'createdAt' | 'updatedAt'>): { from: number; to: number } {
  const created = Date.parse(job.createdAt);
  const updated = Date.parse(job.updatedAt);
  return { from: Math.min(created, updated) - WINDOW_BEFORE_MS, to: Math.max(created, updated) + WINDOW_AFTER_MS };
}

export async function reconcileFromList(o: ListReconcileOptions): Promise<Reconciled> {
  const now = o.now ?? Date.now();
  const { from, to } = jobWindow(o.job);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  const seen: ListedTask[] = [];
  let complete = false;
  for (let i = 0; i < (o.maxPages ?? 5) && !complete; i++) {
    const page = await o.page(i);
    seen.push(...page.tasks.map((t) => (o.known?.has(t.id) ? { ...t, ours: false } : t)));
    if (page.last) complete = true;
    else if (o.newestFirst) {
      const oldest = page.tasks.at(-1)?.createdAtMs;
      if (oldest !== undefined && oldest !== null && oldest < from) complete = true;
      if (page.tasks.length === 0) return null; // "more pages" yet an empty one: cannot tell
    }
  }
  if (!complete) return null;
  if (o.newestFirst && !newestFirstOrder(seen)) return null;
  const inWindow = seen.filter((t) => t.createdAtMs === null || (t.createdAtMs >= from && t.createdAtMs <= to));
  const ours = inWindow.filter((t) => t.ours === true);
  const unsure = inWindow.filter((t) => t.ours === null);
  if (ours.length === 1 && unsure.length === 0 && ours[0]) return { taskId: ours[0].id };
  if (ours.length > 0 || unsure.length > 0) return null;
  const settled = now - Date.parse(o.job.updatedAt) >= SETTLE_MS;
  const retained = o.retentionMs === undefined || now - from < o.retentionMs;
  return settled && retained ? { absent: true } : null;
}

function newestFirstOrder(tasks: readonly ListedTask[]): boolean {
  let prev = Number.POSITIVE_INFINITY;
  for (const t of tasks) {
    if (t.createdAtMs === null) continue;
    if (t.createdAtMs > prev) return false;
    prev = t.createdAtMs;
  }
  return true;
}

/** Epoch ms from an ISO string or epoch seconds/ms; null when absent or unreadable. */
export function timeMs(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e12 ? v * 1000 : v;
  if (typeof v === 'string' && v) {
    const ms = Date.parse(v);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}
