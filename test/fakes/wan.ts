/**
 * A fake DashScope (Model Studio) video API for Wan (providers.md §8) on 127.0.0.1:
 * POST /api/v1/services/aigc/video-generation/video-synthesis (t2v, i2v, 2.7 media) and
 * /api/v1/services/aigc/image2video/video-synthesis (kf2v), GET /api/v1/tasks/{id}. Refuses a
 * create without `X-DashScope-Async: enable` the way DashScope does, checks `Bearer` auth and
 * the `{model, input, parameters}` shape, records every request and counts creates.
 * Modes (fake.set): runMs, failWith (FAILED + output.code), moderation (DataInspectionFailed),
 * throttle (429 Throttling.RateQuota + Retry-After), expired (output URL 404).
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CloudFake, CloudFakeBehaviour, RecordedCloudRequest } from './cloudTaskFake.js';
import { addTask, sendJson, startCloudFake } from './cloudTaskFake.js';

export const WAN_VIDEO = '/api/v1/services/aigc/video-generation/video-synthesis';
export const WAN_KF2V = '/api/v1/services/aigc/image2video/video-synthesis';
const IMAGE = /^(https?:\/\/|data:image\/(png|jpeg|jpg|webp|bmp);base64,[A-Za-z0-9+/]+=*$)/;

function bodyProblem(path: string, b: Record<string, unknown>): string | null {
  const input = (b.input ?? {}) as Record<string, unknown>;
  const params = (b.parameters ?? {}) as Record<string, unknown>;
  if (typeof b.model !== 'string') return 'Model not exist.';
  if (typeof b.input !== 'object') return 'input is required';
  const model = b.model;
  const img = (v: unknown): boolean => typeof v === 'string' && IMAGE.test(v);
  if (path === WAN_KF2V) {
    if (!model.includes('kf2v')) return `Model ${model} is not a kf2v model`;
    if (!img(input.first_frame_url)) return 'input.first_frame_url must be a URL or data URI';
  } else if (model.includes('kf2v')) {
    return 'Model not exist.'; // kf2v lives on the image2video path
  } else if (model.includes('t2v')) {
    if (input.img_url !== undefined) return 't2v takes no img_url';
    if (params.size !== undefined && !/^\d+\*\d+$/.test(String(params.size))) return 'parameters.size must be W*H';
  } else if (model.startsWith('wan2.7')) {
    const media = input.media as { type?: string; url?: unknown }[] | undefined;
    if (!Array.isArray(media) || !media.some((m) => m.type === 'first_frame' && img(m.url))) return 'input.media needs a first_frame';
  } else if (!img(input.img_url)) {
    return 'input.img_url must be a URL or data URI';
  }
  if (params.resolution !== undefined && !['480P', '720P', '1080P'].includes(String(params.resolution))) return 'parameters.resolution must be 480P, 720P or 1080P';
  if (params.duration !== undefined && !Number.isInteger(params.duration)) return 'parameters.duration must be an integer';
  return null;
}

function task(fake: CloudFake, id: string): Record<string, unknown> {
  const t = fake.tasks.get(id);
  if (!t) return { request_id: randomUUID(), output: { task_id: id, task_status: 'UNKNOWN' } };
  const s = fake.stateOf(t);
  const status = { queued: 'PENDING', running: 'RUNNING', done: 'SUCCEEDED', failed: 'FAILED' }[s];
  const output: Record<string, unknown> = { task_id: id, task_status: status, submit_time: new Date(t.createdAt).toISOString() };
  if (s === 'done') output.video_url = fake.fileUrl(id);
  if (s === 'failed') Object.assign(output, { code: t.failWith, message: `The task failed: ${t.failWith}` });
  return { request_id: randomUUID(), output, ...(s === 'done' ? { usage: { video_count: 1 } } : {}) };
}

function handle(fake: CloudFake, req: RecordedCloudRequest, res: ServerResponse): boolean {
  const auth = String(req.headers.authorization ?? '');
  if (!/^Bearer \S+$/.test(auth) || auth === 'Bearer bad-key') {
    sendJson(res, 401, { request_id: randomUUID(), code: 'InvalidApiKey', message: 'Invalid API-key provided.' });
    return true;
  }
  if (req.method === 'POST' && (req.path === WAN_VIDEO || req.path === WAN_KF2V)) {
    if (req.headers['x-dashscope-async'] !== 'enable') {
      sendJson(res, 403, { request_id: randomUUID(), code: 'AccessDenied', message: 'current user api does not support synchronous calls' });
      return true;
    }
    const b = fake.behaviour;
    if (b.throttle > 0) {
      b.throttle--;
      sendJson(res, 429, { request_id: randomUUID(), code: 'Throttling.RateQuota', message: 'Requests rate limit exceeded, please try again later.' },
        { 'retry-after': String(b.retryAfterSec) });
      return true;
    }
    const problem = bodyProblem(req.path, req.body ?? {});
    if (problem) {
      sendJson(res, 400, { request_id: randomUUID(), code: 'InvalidParameter', message: problem });
      return true;
    }
    if (b.moderation) {
      sendJson(res, 400, { request_id: randomUUID(), code: 'DataInspectionFailed', message: 'Input data may contain inappropriate content.' });
      return true;
    }
    const t = addTask(fake, req.path, req.body!);
    sendJson(res, 200, { request_id: randomUUID(), output: { task_id: t.id, task_status: 'PENDING' } });
    return true;
  }
  const q = /^\/api\/v1\/tasks\/([^/?]+)$/.exec(req.path);
  if (req.method === 'GET' && q) {
    sendJson(res, 200, task(fake, decodeURIComponent(q[1]!)));
    return true;
  }
  return false;
}

export function startFakeWan(initial: Partial<CloudFakeBehaviour> = {}): Promise<CloudFake> {
  return startCloudFake({ handle }, initial);
}
