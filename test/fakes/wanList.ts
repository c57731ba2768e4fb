/**
 * The DashScope task list for the fake Wan API: GET /api/v1/tasks with page_no, page_size,
 * start_time / end_time (YYYYMMDDhhmmss), model_name and status, the parameters of the official
 * Python SDK's `list` (dashscope/client/base_api.py). The answer
 * `{request_id, data:[{task_id, status, model_name, gmt_create, ...}], total, total_page,
 * page_no, page_size}` follows the batch-query section of the async task page (secondary: the
 * SDK passes the body through untyped). The fake reads the times as UTC.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CloudFake } from './cloudTaskFake.js';
import { sendJson } from './cloudTaskFake.js';

const STAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

function stampMs(v: string | null): number | null {
  const m = v === null ? null : STAMP.exec(v);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : null;
}

/** Answers the list route; false when `path` is not it. */
export function wanList(fake: CloudFake, statusOf: (id: string) => string, path: string, res: ServerResponse): boolean {
  const url = new URL(path, 'http://fake');
  if (url.pathname !== '/api/v1/tasks' && url.pathname !== '/api/v1/tasks/') return false;
  const q = url.searchParams;
  const pageNo = Number(q.get('page_no') ?? 1);
  const pageSize = Number(q.get('page_size') ?? 10);
  const from = q.has('start_time') ? stampMs(q.get('start_time')) : Date.now() - 24 * 3600_000;
  const to = q.has('end_time') ? stampMs(q.get('end_time')) : Date.now();
  if (!(pageNo >= 1 && pageSize >= 1 && pageSize <= 100) || from === null || to === null) {
    sendJson(res, 400, {
      request_id: randomUUID(),
      code: 'InvalidParameter',
      message: 'page_no, page_size (1-100) or start_time/end_time (YYYYMMDDhhmmss) invalid',
    });
    return true;
  }
  const model = q.get('model_name');
  const status = q.get('status');
  const rows = [...fake.tasks.values()]
    .filter(
      (t) =>
        t.createdAt >= from &&
        t.createdAt <= to &&
        (!model || t.body.model === model) &&
        (!status || statusOf(t.id) === status),
    )
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((t) => ({
      task_id: t.id,
      status: statusOf(t.id),
      model_name: t.body.model,
      gmt_create: t.createdAt,
      region: 'ap-southeast-1',
      request_id: randomUUID(),
    }));
  sendJson(res, 200, {
    request_id: randomUUID(),
    data: rows.slice((pageNo - 1) * pageSize, pageNo * pageSize),
    total: rows.length,
    total_page: Math.ceil(rows.length / pageSize),
    page_no: pageNo,
    page_size: pageSize,
  });
  return true;
}
