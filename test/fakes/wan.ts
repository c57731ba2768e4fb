/**
 * A fake DashScope (Model Studio) video API for Wan (providers.md §8) on 127.0.0.1:
 * POST /api/v1/services/aigc/video-generation/video-synthesis (t2v, i2v, 2.7 media, r2v) and
 * /api/v1/services/aigc/image2video/video-synthesis (kf2v), GET /api/v1/tasks/{id},
 * POST /api/v1/tasks/{id}/cancel (PENDING -> CANCELED; else 400 UnsupportedOperation), and the
 * temporary-file upload: GET /api/v1/uploads?action=getPolicy&model= plus a separate "OSS" host
 * taking the multipart form (get-temporary-file-url page). Refuses a create without
 * `X-DashScope-Async: enable` the way DashScope does, checks `Bearer` auth and the body per
 * model (field combinations from the API references), records every request and counts creates.
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
import { wanModelProblem } from './wanRules.js';
import { throttled } from './fakeModes.js';
import { issuePolicy, startFakeOss, type OssUpload } from './wanOss.js';

export type { OssUpload } from './wanOss.js';

export const WAN_VIDEO = '/api/v1/services/aigc/video-generation/video-synthesis';
export const WAN_KF2V = '/api/v1/services/aigc/image2video/video-synthesis';
const WAN_MODELS = new Set([
  'wan2.6-t2v',
  'wan2.2-t2v-plus',
  'wanx2.1-t2v-turbo',
  'wan2.7-i2v',
  'wan2.6-i2v',
  'wan2.6-i2v-flash',
  'wan2.2-i2v-plus',
  'wan2.2-i2v-flash',
  'wan2.2-kf2v-flash',
  'wan2.7-r2v',
  'wan2.6-r2v',
  'wan2.6-r2v-flash',
]);
const IMAGE = /^(https?:\/\/|data:image\/(png|jpeg|jpg|webp|bmp);base64,[A-Za-z0-9+/]+=*$)/;
const BAD_URL =
  'InternalError.Algo.InvalidParameter: The provided URL does not appear to be valid. Ensure it is correctly formatted.';
const SIZES = new Set([
  '1280*720',
  '720*1280',
  '960*960',
  '1088*832',
  '832*1088',
  '1920*1080',
  '1080*1920',
  '1440*1440',
  '1632*1248',
  '1248*1632',
]);
const RATIOS = new Set(['16:9', '9:16', '1:1', '4:3', '3:4']);

interface CreateContext {
  uploads: readonly OssUpload[];
  ossResolve: boolean;
}

/**
 * r2v URL fields take a public http(s) URL or an `oss://` temporary URL uploaded for the same
 * model, read only with X-DashScope-OssResourceResolve (get-temporary-file-url page); no data URIs.
 */
function urlProblem(url: unknown, model: string, c: CreateContext): string | null {
  if (typeof url !== 'string') return BAD_URL;
  if (/^https?:\/\//.test(url)) return null;
  if (!url.startsWith('oss://')) return BAD_URL;
  if (!c.ossResolve) return BAD_URL;
  return c.uploads.some((u) => `oss://${u.key}` === url && u.model === model) ? null : BAD_URL;
}

function intIn(v: unknown, min: number, max: number): boolean {
  return v === undefined || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);
}

function r2vProblem(
  model: string,
  input: Record<string, unknown>,
  params: Record<string, unknown>,
  c: CreateContext,
): string | null {
  if (model.startsWith('wan2.6-r2v')) {
    // Legacy protocol: reference_urls + size "W*H" (wan2.6-r2v pages).
    if (input.media !== undefined || input.img_url !== undefined)
      return `Field not supported by ${model}: use input.reference_urls`;
    const urls = input.reference_urls;
    if (!Array.isArray(urls) || urls.length < 1 || urls.length > 5) return 'input.reference_urls must hold 1 to 5 URLs';
    for (const u of urls) if (urlProblem(u, model, c)) return urlProblem(u, model, c);
    if (params.resolution !== undefined) return 'parameters.resolution is not supported; set parameters.size as W*H';
    if (params.size !== undefined && !SIZES.has(String(params.size)))
      return `The size is not match: ${String(params.size)}`;
    if (!intIn(params.duration, 2, 10)) return 'parameters.duration must be an integer in [2, 10]';
    if (params.shot_type !== undefined && !['single', 'multi'].includes(String(params.shot_type)))
      return 'parameters.shot_type must be single or multi';
    if (params.audio !== undefined && !model.endsWith('-flash'))
      return `parameters.audio is supported by wan2.6-r2v-flash only`;
    return null;
  }
  // wan2.7-r2v: media of reference_image / reference_video (<= 5) + at most one first_frame.
  if (input.reference_urls !== undefined || params.size !== undefined) return 'Field required: input.media';
  const media = input.media as { type?: unknown; url?: unknown }[] | undefined;
  if (!Array.isArray(media)) return 'Field required: input.media';
  for (const [i, m] of media.entries()) {
    if (!['reference_image', 'reference_video', 'first_frame'].includes(String(m.type))) {
      return `Input should be 'reference_image', 'reference_video' or 'first_frame': input.media.${i}.type`;
    }
    const bad = urlProblem(m.url, model, c);
    if (bad) return bad;
  }
  const refs = media.filter((m) => String(m.type).startsWith('reference_')).length;
  if (refs < 1 || refs > 5) return 'input.media needs 1 to 5 reference_image / reference_video items';
  if (media.filter((m) => m.type === 'first_frame').length > 1) return 'input.media takes at most one first_frame';
  if (params.resolution !== undefined && !['720P', '1080P'].includes(String(params.resolution)))
    return 'parameters.resolution must be 720P or 1080P';
  if (params.ratio !== undefined && !RATIOS.has(String(params.ratio)))
    return 'parameters.ratio must be 16:9, 9:16, 1:1, 4:3 or 3:4';
  return intIn(params.duration, 2, media.some((m) => m.type === 'reference_video') ? 10 : 15)
    ? null
    : 'parameters.duration is out of range';
}

function bodyProblem(path: string, b: Record<string, unknown>, c: CreateContext): string | null {
  const input = (b.input ?? {}) as Record<string, unknown>;
  const params = (b.parameters ?? {}) as Record<string, unknown>;
  if (typeof b.model !== 'string' || !WAN_MODELS.has(b.model)) return 'Model not exist.';
  if (typeof b.input !== 'object') return 'input is required';
  const model = b.model;
  const img = (v: unknown): boolean => typeof v === 'string' && IMAGE.test(v);
  if (path === WAN_KF2V) {
    if (!model.includes('kf2v')) return `Model ${model} is not a kf2v model`;
    if (!img(input.first_frame_url)) return 'input.first_frame_url must be a URL or data URI';
  } else if (model.includes('kf2v')) {
    return 'Model not exist.'; // kf2v lives on the image2video path
  } else if (model.includes('r2v')) {
    return r2vProblem(model, input, params, c);
  } else if (model.includes('t2v')) {
    if (input.img_url !== undefined) return 't2v takes no img_url';
    if (params.size !== undefined && !/^\d+\*\d+$/.test(String(params.size))) return 'parameters.size must be W*H';
  } else if (model.startsWith('wan2.7')) {
    const media = input.media as { type?: string; url?: unknown }[] | undefined;
    if (!Array.isArray(media) || !media.some((m) => m.type === 'first_frame' && img(m.url)))
      return 'input.media needs a first_frame';
  } else if (!img(input.img_url)) {
    return 'input.img_url must be a URL or data URI';
  }
  if (params.resolution !== undefined && !['480P', '720P', '1080P'].includes(String(params.resolution)))
    return 'parameters.resolution must be 480P, 720P or 1080P';
  if (params.duration !== undefined && !Number.isInteger(params.duration))
    return 'parameters.duration must be an integer';
  // Each model's own sizes, tiers and durations (wanRules.ts).
  return wanModelProblem(model, params);
}

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
  const problem = bodyProblem(req.path, req.body ?? {}, {
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
