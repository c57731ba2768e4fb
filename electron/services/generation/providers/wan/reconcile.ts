/**
 * Finds a DashScope task whose create answer was lost (reconcileList.ts has the rules).
 * `GET /api/v1/tasks?page_no&page_size&start_time&end_time&model_name` lists the account's
 * tasks (the official SDK's `list`, dashscope/client/base_api.py; times as YYYYMMDDhhmmss), but
 * a listed task carries no prompt, and the list's time zone is not stated. So: the list only
 * names the candidates (our model, a range widened by 14 h either way so no zone can cut the
 * window), each candidate is read (`GET /api/v1/tasks/{id}`) and is ours when its
 * `output.orig_prompt` (the prompt as sent; present once the task has run) is exactly ours. A
 * task that has not echoed its prompt yet leaves the job unknown; tasks are kept 24 hours
 * (async task page), so an older window is never called absent. Candidates are all tasks of
 * the model in the range, so a prompt sent twice that day (a regenerated shot) stays unknown.
 */
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import type { Job } from '../../../../../shared/model/entities.js';
import { jobWindow, reconcileFromList, type ListedTask, type Reconciled } from '../reconcileList.js';
import { wanSent } from './create.js';

export interface WanListPage {
  data?: { task_id?: string; model_name?: string }[];
  total?: number;
}

export interface WanTaskView {
  output?: { task_id?: string; task_status?: string; orig_prompt?: string };
}

export const WAN_LIST_PAGE = 20;
const ZONE_MARGIN_MS = 14 * 3600_000;
/** DashScope keeps finished tasks 24 h; a little less, so a window at the edge is not "absent". */
const RETENTION_MS = 20 * 3600_000;

/** A DashScope list time: YYYYMMDDhhmmss (UTC digits; the margin covers any zone). */
export function wanStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export interface WanListQuery {
  pageNo: number;
  pageSize: number;
  startTime: string;
  endTime: string;
  modelName: string;
}

export async function reconcileWan(
  job: Job,
  list: (q: WanListQuery) => Promise<WanListPage>,
  read: (taskId: string) => Promise<WanTaskView | null>,
  now = Date.now(),
  known?: ReadonlySet<string>,
): Promise<Reconciled> {
  const req = job.request as unknown as GenerationRequest;
  if (typeof req?.prompt !== 'string') return null;
  let sent: { model: string; prompt: string };
  try {
    sent = wanSent(req);
  } catch {
    return null;
  }
  const { from, to } = jobWindow(job);
  const range = { startTime: wanStamp(from - ZONE_MARGIN_MS), endTime: wanStamp(Math.max(to, now) + ZONE_MARGIN_MS) };
  return reconcileFromList({
    job,
    ...(known ? { known } : {}),
    now,
    newestFirst: false,
    maxPages: 2,
    retentionMs: RETENTION_MS,
    page: async (i) => {
      const res = await list({ pageNo: i + 1, pageSize: WAN_LIST_PAGE, modelName: sent.model, ...range });
      const rows = (res.data ?? []).filter((r) => typeof r.task_id === 'string');
      const tasks: ListedTask[] = [];
      for (const r of rows) {
        if (r.model_name !== undefined && r.model_name !== sent.model) continue; // the filter says not ours
        const t = await read(r.task_id as string);
        const echoed = t?.output?.orig_prompt;
        // Times in the list have no stated zone: every candidate counts as inside the window.
        tasks.push({
          id: r.task_id as string,
          createdAtMs: null,
          ours: typeof echoed === 'string' ? echoed === sent.prompt : null,
        });
      }
      const total = typeof res.total === 'number' ? res.total : null;
      return { tasks, last: total === null ? rows.length < WAN_LIST_PAGE : (i + 1) * WAN_LIST_PAGE >= total };
    },
  });
}
