/**
 * Finds an Ark task whose create answer was lost (reconcileList.ts has the rules).
 *
 * Ark echoes no prompt: a task is `{id, model, status, error, content, usage, created_at,
 * updated_at (epoch s), seed, revised_prompt}` (volcengine-python-sdk
 * volcenginesdkarkruntime/types/content_generation/content_generation_task.py), and
 * `GET /contents/generations/tasks?page_num&page_size&filter.model&filter.status&filter.task_ids`
 * lists them with `{items, total}` for the last 7 days only (resources/content_generation/
 * tasks.py `list`; Volcengine doc "查询视频生成任务列表"); no order is documented, so every page
 * is read. The fingerprint is the seed instead: a shot with no seed of its own is sent the seed
 * `jobSeed(job id)` (submit), a 31-bit number no other task is likely to share, so the one task
 * in the window with that seed is ours. A seed the user chose (often 42) may be anyone's: such a
 * job is never matched, only found surely absent when no task of its seed exists.
 */
import { createHash } from 'node:crypto';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import type { Job } from '../../../../../shared/model/entities.js';
import { reconcileFromList, timeMs, type ListedTask, type Reconciled } from '../reconcileList.js';

/** The seed sent for a job whose shot has none: a positive 31-bit number from the job id. */
export function jobSeed(jobId: string): number {
  return createHash('sha256').update(`storyboard-job:${jobId}`).digest().readUInt32BE(0) & 0x7fffffff || 1;
}

/** Jobs created before submit sent jobSeed() did not carry it: no absent claim for them. */
export const JOB_SEED_SINCE = Date.parse('2026-11-21T00:00:00Z');

export interface ArkListed {
  id?: string;
  model?: string;
  seed?: number;
  created_at?: number;
}

export interface ArkListPage {
  items?: ArkListed[];
  total?: number;
}

export const ARK_PAGE_SIZE = 100;
/** Ark lists the last 7 days; a little less, so a window at the edge is not called absent. */
const ARK_RETENTION_MS = 6.5 * 24 * 3600_000;

export function arkIsOurs(t: ArkListed, modelId: string, seed: number, derived: boolean): boolean | null {
  if (typeof t.seed !== 'number') return null;
  if (t.seed !== seed) return false; // Ark echoes the seed it used, and we sent ours
  if (t.model !== undefined && t.model !== modelId) return null; // a spelling we do not know: cannot tell
  return derived ? true : null;
}

export async function reconcileSeedance(
  job: Job,
  modelId: string,
  list: (pageNum: number) => Promise<ArkListPage>,
  known?: ReadonlySet<string>,
): Promise<Reconciled> {
  const req = job.request as unknown as GenerationRequest;
  if (typeof req?.prompt !== 'string') return null;
  const derived = req.seed === null || req.seed === undefined || req.seed === jobSeed(job.id);
  if (derived && Date.parse(job.createdAt) < JOB_SEED_SINCE) return null;
  const seed = derived ? jobSeed(job.id) : (req.seed as number);
  return reconcileFromList({
    job,
    ...(known ? { known } : {}),
    newestFirst: false,
    retentionMs: ARK_RETENTION_MS,
    page: async (i) => {
      const res = await list(i + 1);
      const items = res.items ?? [];
      const tasks: ListedTask[] = items
        .filter((t) => typeof t.id === 'string')
        .map((t) => ({
          id: t.id as string,
          createdAtMs: timeMs(t.created_at),
          ours: arkIsOurs(t, modelId, seed, derived),
        }));
      const total = typeof res.total === 'number' ? res.total : null;
      return { tasks, last: total === null ? items.length < ARK_PAGE_SIZE : (i + 1) * ARK_PAGE_SIZE >= total };
    },
  });
}
