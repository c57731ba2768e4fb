/**
 * A fake DashScope (Model Studio) video API for Wan (providers.md §8) on 127.0.0.1:
 * POST /api/v1/services/aigc/video-generation/video-synthesis (t2v, i2v, 2.7 media, r2v) and
 * /api/v1/services/aigc/image2video/video-synthesis (kf2v), GET /api/v1/tasks/{id},
 * POST /api/v1/tasks/{id}/cancel (PENDING -> CANCELED; else 400 UnsupportedOperation), and the
 * temporary-file upload: GET /api/v1/uploads?action=getPolicy&model= plus a separate "OSS" host
 * taking the multipart form (get-temporary-file-url page). Refuses a create without
 * `X-DashScope-Async: enable` the way DashScope does, checks `Bearer` auth and the body per
 * model (wanBody.ts, from the API references), records every request and counts creates.
 * Modes (fake.set): runMs, failWith (FAILED + output.code), moderation (DataInspectionFailed),
 * throttle (429 Throttling.RateQuota + Retry-After), expired (output URL 404); and
 * `fake.hold` = 'PENDING' | 'RUNNING' pins every live task in that state (for cancel tests);
 * dropCreate (the next N creates are made, then the connection is cut), loseCreate (cut before
 * anything is made). GET /api/v1/tasks lists tasks (wanList.ts); a SUCCEEDED task echoes
 * `output.orig_prompt` (the prompt as sent), as DashScope's video tasks do.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CloudFake, CloudFakeBehaviour, RecordedCloudRequest } from './cloudTaskFake.js';
import { addTask, sendJson, startCloudFake } from './cloudTaskFake.js';
import { wanList } from './wanList.js';
import { WAN_KF2V, WAN_MODELS, WAN_VIDEO, wanBodyProblem } from './wanBody.js';
import { throttled } from './fakeModes.js';
import { issuePolicy, startFakeOss, type OssUpload } from './wanOss.js';

export type { OssUpload } from './wanOss.js';
export { WAN_KF2V, WAN_VIDEO } from './wanBody.js';

export const CANCEL_REFUSED = 'Failed to cancel the task, please confirm if the task is in PENDING status.';

export interface WanFake extends CloudFake {
  /** Pins every task that is not canceled in this state (null: states follow runMs). */
  hold: 'PENDING' | 'RUNNING' | null;
  canceled: Set<string>;
  /** Files stored through the upload flow, in order. */
  uploads: OssUpload[];
  dropCreate: number;
  loseCreate: number;
  /** Another task with the same request as the newest one (not counted as a create); its id. */
  duplicateLast(): string;
}

function statusOf(fake: WanFake, id: string): string {
  const t = fake.tasks.get(id);
  if (!t) return 'UNKNOWN';
  if (fake.canceled.has(id)) return 'CANCELED';
  if (fake.hold) return fake.hold;
  return { queued: 'PENDING', running: 'RUNNING', done: 'SUCCEEDED', failed: 'FAILED' }[fake.stateOf(t)];
}

function task(fake: WanFake, id: string): Record<string, unknown> {
  const t = fake.tasks.get(id);
  const status = statusOf(fake, id);
  if (!t) return { request_id: randomUUID(), output: { task_id: id, task_status: status } };
  const output: Record<string, unknown> = {
    task_id: id,
    task_status: status,
    submit_time: new Date(t.createdAt).toISOString(),
  };
  if (status === 'SUCCEEDED')
    Object.assign(output, {
      video_url: fake.fileUrl(id),
      orig_prompt: (t.body.input as { prompt?: string } | undefined)?.prompt,
    });
  if (status === 'FAILED') Object.assign(output, { code: t.failWith, message: `The task failed: ${t.failWith}` });
  return { request_id: randomUUID(), output, ...(status === 'SUCCEEDED' ? { usage: { video_count: 1 } } : {}) };
}

function create(fake: WanFake, req: RecordedCloudRequest, res: ServerResponse): void {
  if (req.headers['x-dashscope-async'] !== 'enable') {
    sendJson(res, 403, {
      request_id: randomUUID(),
      code: 'AccessDenied',
      message: 'current user api does not support synchronous calls',
    });
    return;
  }
  const b = fake.behaviour;
  const wait = throttled(b);
  if (wait) {
    const message = 'Requests rate limit exceeded, please try again later.';
    sendJson(res, 429, { request_id: randomUUID(), code: 'Throttling.RateQuota', message }, wait);
    return;
  }
  const problem = wanBodyProblem(req.path, req.body ?? {}, {
    uploads: fake.uploads,
    ossResolve: req.headers['x-dashscope-ossresourceresolve'] === 'enable',
  });
  if (problem) {
    sendJson(res, 400, { request_id: randomUUID(), code: 'InvalidParameter', message: problem });
    return;
  }
  if (b.moderation) {
    sendJson(res, 400, {
      request_id: randomUUID(),
      code: 'DataInspectionFailed',
      message: 'Input data may contain inappropriate content.',
    });
    return;
  }
  if (fake.loseCreate > 0) {
    fake.loseCreate--;
    res.socket?.destroy();
    return;
  }
  const t = addTask(fake, req.path, req.body!);
  if (fake.dropCreate > 0) {
    fake.dropCreate--;
    res.socket?.destroy();
    return;
  }
  sendJson(res, 200, { request_id: randomUUID(), output: { task_id: t.id, task_status: 'PENDING' } });
}

function handle(fake: WanFake, ossUrl: string, req: RecordedCloudRequest, res: ServerResponse): boolean {
  const auth = String(req.headers.authorization ?? '');
  if (!/^Bearer \S+$/.test(auth) || auth === 'Bearer bad-key') {
    sendJson(res, 401, { request_id: randomUUID(), code: 'InvalidApiKey', message: 'Invalid API-key provided.' });
    return true;
  }
  if (req.method === 'POST' && (req.path === WAN_VIDEO || req.path === WAN_KF2V)) {
    create(fake, req, res);
    return true;
  }
  const url = new URL(req.path, 'http://fake');
  if (req.method === 'GET' && url.pathname === '/api/v1/uploads') {
    const model = url.searchParams.get('model') ?? '';
    if (url.searchParams.get('action') !== 'getPolicy' || !WAN_MODELS.has(model)) {
      sendJson(res, 400, { request_id: randomUUID(), code: 'InvalidParameter', message: `Model not exist: ${model}` });
      return true;
    }
    sendJson(res, 200, { request_id: randomUUID(), data: issuePolicy(ossUrl, model) });
    return true;
  }
  const cancel = /^\/api\/v1\/tasks\/([^/?]+)\/cancel$/.exec(req.path);
  if (req.method === 'POST' && cancel) {
    const id = decodeURIComponent(cancel[1]!);
    if (statusOf(fake, id) !== 'PENDING') {
      sendJson(res, 400, { request_id: randomUUID(), code: 'UnsupportedOperation', message: CANCEL_REFUSED });
      return true;
    }
    fake.canceled.add(id);
    sendJson(res, 200, { request_id: randomUUID() });
    return true;
  }
  if (req.method === 'GET' && wanList(fake, (id) => statusOf(fake, id), req.path, res)) return true;
  const q = /^\/api\/v1\/tasks\/([^/?]+)$/.exec(req.path);
  if (req.method === 'GET' && q) {
    sendJson(res, 200, task(fake, decodeURIComponent(q[1]!)));
    return true;
  }
  return false;
}

export async function startFakeWan(initial: Partial<CloudFakeBehaviour> = {}): Promise<WanFake> {
  const uploads: OssUpload[] = [];
  const oss = await startFakeOss(uploads);
  let wan: WanFake | null = null;
  const base = await startCloudFake({ handle: (_f, req, res) => handle(wan!, oss.url, req, res) }, initial);
  const closeBase = base.close.bind(base);
  const resetBase = base.reset.bind(base);
  wan = Object.assign(base, {
    hold: null,
    canceled: new Set<string>(),
    uploads,
    dropCreate: 0,
    loseCreate: 0,
    reset() {
      resetBase();
      wan!.hold = null;
      wan!.canceled.clear();
      uploads.length = 0;
      wan!.dropCreate = 0;
      wan!.loseCreate = 0;
    },
    duplicateLast() {
      const last = [...base.tasks.values()].at(-1);
      if (!last) throw new Error('no task to duplicate');
      const twin = { ...last, id: randomUUID(), createdAt: Date.now() };
      base.tasks.set(twin.id, twin);
      return twin.id;
    },
    close: async () => {
      await Promise.all([closeBase(), oss.close()]);
    },
  }) as WanFake;
  return wan;
}
