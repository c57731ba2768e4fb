/**
 * A fake Vidu API (providers.md §7) on 127.0.0.1: POST /ent/v2/{text2video, img2video,
 * start-end2video, reference2video}, GET /ent/v2/tasks/{id}/creations, POST
 * /ent/v2/tasks/{id}/cancel (only while created/queueing, as platform.vidu.com documents). Checks the
 * `Authorization: Token <key>` header and the body shape each endpoint documents (images as
 * URLs or data URIs; img2video one, start-end two, reference 1-7), records every request and
 * counts creates. Modes (fake.set): runMs (slow), failWith (task `failed` + err_code),
 * moderation (create refused), throttle (429 + Retry-After), expired (output URL 404).
 * Error bodies follow Vidu's `{code, reason, message, metadata}` (cancel-generation page).
 */
import type { ServerResponse } from 'node:http';
import type { CloudFake, CloudFakeBehaviour, FakeTask, RecordedCloudRequest } from './cloudTaskFake.js';
import { addTask, sendJson, startCloudFake } from './cloudTaskFake.js';
import { viduModelProblem } from './viduRules.js';
import { throttled } from './fakeModes.js';

export type FakeVidu = CloudFake & { baseUrl: string };

const IMAGE = /^(https?:\/\/|data:image\/(png|jpeg|jpg|webp);base64,[A-Za-z0-9+/]+=*$)/;
const IMAGES: Record<string, [number, number]> = {
  '/text2video': [0, 0],
  '/img2video': [1, 1],
  '/start-end2video': [2, 2],
  '/reference2video': [1, 7],
};

function bodyProblem(path: string, b: Record<string, unknown>): string | null {
  if (typeof b.model !== 'string' || !b.model) return 'model is required';
  if (path === '/text2video' && (typeof b.prompt !== 'string' || !b.prompt)) return 'prompt is required';
  if (typeof b.prompt === 'string' && b.prompt.length > 5000) return 'prompt is longer than 5000 characters';
  const [min, max] = IMAGES[path]!;
  const images = b.images;
  if (max === 0 && images !== undefined) return `${path} takes no images`;
  if (max > 0) {
    if (!Array.isArray(images) || images.length < min || images.length > max)
      return `images must have ${min === max ? min : `${min}-${max}`} items`;
    if (!images.every((x) => typeof x === 'string' && IMAGE.test(x)))
      return 'images must be URLs or data:image/...;base64, URIs';
  }
  if (b.duration !== undefined && !Number.isInteger(b.duration)) return 'duration must be an integer';
  if (b.aspect_ratio !== undefined && !['16:9', '9:16', '3:4', '4:3', '1:1'].includes(b.aspect_ratio as string))
    return 'bad aspect_ratio';
  if (b.resolution !== undefined && !['540p', '720p', '1080p'].includes(b.resolution as string))
    return 'bad resolution';
  if (
    b.movement_amplitude !== undefined &&
    !['auto', 'small', 'medium', 'large'].includes(b.movement_amplitude as string)
  )
    return 'bad movement_amplitude';
  // Which model each endpoint takes, and each model's durations and resolutions (viduRules.ts).
  return viduModelProblem(path, b);
}

function creations(fake: CloudFake, t: FakeTask): Record<string, unknown> {
  const s = fake.stateOf(t);
  const state = { queued: 'queueing', running: 'processing', done: 'success', failed: 'failed' }[s];
  return {
    id: t.id,
    state,
    err_code: s === 'failed' ? t.failWith : '',
    credits: 4,
    payload: t.body.payload ?? '',
    creations:
      s === 'done' ? [{ id: `c-${t.id}`, url: fake.fileUrl(t.id), cover_url: `${fake.url}/__files/${t.id}.jpg` }] : [],
  };
}

async function handle(fake: CloudFake, req: RecordedCloudRequest, res: ServerResponse): Promise<boolean> {
  const auth = String(req.headers.authorization ?? '');
  if (!/^Token \S+$/.test(auth) || auth === 'Token bad-key') {
    sendJson(res, 401, { code: 401, reason: 'Unauthorized', message: 'invalid api key' });
    return true;
  }
  const create = /^\/ent\/v2(\/(text2video|img2video|start-end2video|reference2video))$/.exec(req.path);
  if (req.method === 'POST' && create) {
    const b = fake.behaviour;
    const wait = throttled(b);
    if (wait) {
      sendJson(res, 429, { code: 429, reason: 'TooManyRequests', message: 'concurrency limit reached' }, wait);
      return true;
    }
    const path = create[1]!;
    const problem = bodyProblem(path, req.body ?? {});
    if (problem) {
      sendJson(res, 400, { code: 400, reason: 'BadRequest', message: problem, metadata: { trace_id: 'fake' } });
      return true;
    }
    if (b.moderation) {
      sendJson(res, 400, {
        code: 400,
        reason: 'AuditSubmitIllegal',
        message: 'the prompt did not pass content review',
      });
      return true;
    }
    const t = addTask(fake, path, req.body!);
    const { images: _images, ...echo } = req.body!;
    sendJson(res, 200, { task_id: t.id, state: 'created', ...echo, created_at: new Date(t.createdAt).toISOString() });
    return true;
  }
  const c = /^\/ent\/v2\/tasks\/([^/]+)\/cancel$/.exec(req.path);
  if (req.method === 'POST' && c) {
    const t = fake.tasks.get(decodeURIComponent(c[1]!));
    if (!t || req.body?.id !== t.id)
      sendJson(res, 400, {
        code: 400,
        reason: 'BadRequest',
        message: 'task not found',
        metadata: { trace_id: 'fake' },
      });
    else if (fake.stateOf(t) !== 'queued')
      sendJson(res, 400, {
        code: 400,
        reason: 'BadRequest',
        message: 'task state is scheduled, can not cancel',
        metadata: { trace_id: 'fake' },
      });
    else {
      fake.tasks.delete(t.id);
      sendJson(res, 200, {});
    }
    return true;
  }
  const q = /^\/ent\/v2\/tasks\/([^/]+)\/creations$/.exec(req.path);
  if (req.method === 'GET' && q) {
    const t = fake.tasks.get(decodeURIComponent(q[1]!));
    if (!t) sendJson(res, 404, { code: 404, reason: 'NotFound', message: 'task not found' });
    else sendJson(res, 200, creations(fake, t));
    return true;
  }
  return false;
}

export async function startFakeVidu(initial: Partial<CloudFakeBehaviour> = {}): Promise<FakeVidu> {
  const fake = await startCloudFake({ handle }, initial);
  return Object.assign(fake, { baseUrl: `${fake.url}/ent/v2` });
}
