/**
 * A fake Kling API (providers.md §5) on 127.0.0.1 for tests, written from the official pages
 * (commonInfo, imageToVideo, multiImageToVideo): POST /v1/videos/{text2video|image2video|
 * multi-image2video|video-extend|omni-video}, GET /v1/videos/{family}/{task_id | external_task_id},
 * GET /v1/videos/{family}?pageNum&pageSize (list), and the CDN link of each output (/cdn/...).
 * Every request must carry `Authorization: Bearer <JWT>` signed HS256 with the secret key,
 * iss = access key, nbf <= now < exp; otherwise 401 code 1000/1004, like Kling. Creates are
 * checked against Kling's per-model rules (klingRules.ts): anything else is 400 code 1201.
 * It records every request (method, path, headers, body) and counts creates. Modes:
 *   runMs (slow), fail (task `failed` with task_status_msg), moderation (create refused with
 *   code 1301), throttle (next N creates: 429 code 1303 + Retry-After), expired (CDN 404).
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { klingJwt } from '../../electron/services/generation/providers/kling/jwt.js';
import { klingOmniRefusal } from './klingOmniRules.js';
import { klingRefusal } from './klingRules.js';
import { listenLocal, readBody, TASK_FAKE_DEFAULTS, type TaskFakeBehaviour } from './recordingHttp.js';
import { spend, throttled } from './fakeModes.js';
import { realMedia } from '../helpers/realMedia.js';

export const FAKE_KLING_CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
const FAMILIES = ['text2video', 'image2video', 'multi-image2video', 'video-extend', 'omni-video', 'lip-sync'];

/** clip: the file every output link serves (default FAKE_KLING_CLIP; a multi-shot test serves one with cuts). */
export type FakeKlingBehaviour = TaskFakeBehaviour & { clip?: string };

export interface KlingRecorded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
  status: number;
  /** The verified JWT's header and payload. */
  jwt?: { header: Record<string, unknown>; payload: Record<string, unknown> };
}

interface Task {
  id: string;
  family: string;
  externalId: string | null;
  createdAt: number;
  body: Record<string, unknown>;
}

export interface FakeKling {
  url: string;
  accessKey: string;
  secretKey: string;
  /** "accessKey:secretKey", the form the settings key field takes. */
  apiKey: string;
  requests: KlingRecorded[];
  readonly creates: number;
  behaviour: FakeKlingBehaviour;
  set(patch: Partial<FakeKlingBehaviour>): void;
  close(): Promise<void>;
}

function verifyJwt(
  token: string,
  ak: string,
  sk: string,
): { ok: true; header: Record<string, unknown>; payload: Record<string, unknown> } | { ok: false; code: number } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, code: 1002 };
  const [h, p, s] = parts as [string, string, string];
  const want = createHmac('sha256', sk).update(`${h}.${p}`).digest();
  const got = Buffer.from(s, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, code: 1000 };
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>;
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  const now = Date.now() / 1000;
  if (header.alg !== 'HS256' || payload.iss !== ak) return { ok: false, code: 1000 };
  if (typeof payload.nbf === 'number' && payload.nbf > now) return { ok: false, code: 1003 };
  if (typeof payload.exp !== 'number' || payload.exp <= now) return { ok: false, code: 1004 };
  return { ok: true, header, payload };
}

export async function startFakeKling(opts: Partial<FakeKlingBehaviour> = {}): Promise<FakeKling> {
  const accessKey = 'ak-test';
  const secretKey = 'sk-测试 secret';
  let behaviour: FakeKlingBehaviour = { ...TASK_FAKE_DEFAULTS, ...opts };
  const requests: KlingRecorded[] = [];
  const tasks: Task[] = [];
  let creates = 0;
  // Each task read signs its output link afresh (a new ?sig=), as a CDN signature would.
  let signed = 0;
  let url = '';

  // An extension's video is the whole clip: its source's length plus ~5 s.
  const durationOf = (t: Task): number =>
    t.family === 'video-extend'
      ? 5 + durationOf(tasks.find((x) => `v-${x.id}` === t.body.video_id) ?? t)
      : Number(t.body.duration ?? 5);
  const view = (t: Task): Record<string, unknown> => {
    const done = Date.now() - t.createdAt >= behaviour.runMs;
    const status = !done
      ? Date.now() - t.createdAt > behaviour.runMs / 2
        ? 'processing'
        : 'submitted'
      : behaviour.fail
        ? 'failed'
        : 'succeed';
    return {
      task_id: t.id,
      task_status: status,
      task_status_msg: status === 'failed' ? behaviour.fail : '',
      task_info: { external_task_id: t.externalId ?? '' },
      created_at: t.createdAt,
      updated_at: Date.now(),
      ...(status === 'succeed'
        ? {
            task_result: {
              videos: [
                {
                  id: `v-${t.id}`,
                  url: `${url}/cdn/${t.id}.mp4?sig=${++signed}`,
                  // watermark_info.enabled: Kling also answers a watermarked copy (@ai-sdk/klingai's status schema).
                  ...((t.body.watermark_info as { enabled?: boolean } | undefined)?.enabled
                    ? { watermark_url: `${url}/cdn/${t.id}.mp4?wm=1&sig=${signed}` }
                    : {}),
                  duration: String(durationOf(t)),
                },
              ],
            },
          }
        : {}),
    };
  };

  async function route(req: IncomingMessage, res: ServerResponse, rec: KlingRecorded): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://fake');
    const reply = (
      status: number,
      code: number,
      message: string,
      data?: unknown,
      headers: Record<string, string> = {},
    ): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ code, message, request_id: randomUUID(), ...(data !== undefined ? { data } : {}) }));
    };
    if (u.pathname.startsWith('/cdn/')) {
      // The output CDN: public signed links, no Authorization.
      if (behaviour.expired) return reply(404, 404, 'expired');
      if (spend(behaviour, 'staleLinks')) return reply(403, 403, 'link expired');
      rec.status = 200;
      res.writeHead(200, { 'content-type': 'video/mp4' });
      createReadStream(behaviour.clip ?? FAKE_KLING_CLIP).pipe(res);
      return;
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!auth) return reply(401, 1001, 'Authorization is empty');
    const v = verifyJwt(auth[1] ?? '', accessKey, secretKey);
    if (!v.ok) return reply(401, v.code, 'Authorization failed');
    rec.jwt = { header: v.header, payload: v.payload };
    const m = /^\/v1\/videos\/([a-z0-9-]+)(?:\/([^/]+))?$/.exec(u.pathname);
    const family = m?.[1] ?? '';
    if (!m || !FAMILIES.includes(family)) return reply(404, 1203, 'resource not exist');
    if (req.method === 'POST' && !m[2]) {
      const body = rec.body ?? {};
      const wait = throttled(behaviour);
      if (wait) return reply(429, 1303, 'parallel task over resource pack limit', undefined, wait);
      if (family === 'lip-sync') {
        // Lip sync (Kling lip-sync reference): {input: {video_id | video_url, mode, audio_type, audio_file | audio_url}}.
        const input = (body.input ?? {}) as Record<string, unknown>;
        const extra = Object.keys(body).find((k) => !['input', 'callback_url', 'external_task_id'].includes(k));
        if (extra) return reply(400, 1201, `unknown field ${extra}`);
        const src = tasks.find((x) => `v-${x.id}` === input.video_id);
        if (!src || Date.now() - src.createdAt < behaviour.runMs)
          return reply(400, 1201, 'video_id is invalid or the video is not finished');
        if (input.mode !== 'audio2video' || input.audio_type !== 'file')
          return reply(400, 1201, 'mode must be audio2video with audio_type file here');
        const audio = typeof input.audio_file === 'string' ? Buffer.from(input.audio_file, 'base64') : Buffer.alloc(0);
        if (audio.length < 44 || audio.length > 5 * 1024 * 1024)
          return reply(400, 1201, 'audio_file must be a base64 audio file up to 5MB');
      } else if (family !== 'video-extend' && typeof body.model_name !== 'string')
        return reply(400, 1201, 'model_name is required');
      if (family === 'video-extend' && typeof body.video_id !== 'string')
        return reply(400, 1201, 'video_id is required');
      if (family === 'video-extend') {
        // The video id of a finished task (task_result.videos[].id, not the task id) made by a
        // V1-family model or by an earlier extension (Kling spec changelog: V1 models' videos).
        const src = tasks.find((x) => `v-${x.id}` === body.video_id);
        const srcModel = (t: Task | undefined): string =>
          t?.family === 'video-extend'
            ? srcModel(tasks.find((x) => `v-${x.id}` === t.body.video_id))
            : String(t?.body.model_name ?? '');
        if (!src || Date.now() - src.createdAt < behaviour.runMs)
          return reply(400, 1201, 'video_id is invalid or the video is not finished');
        if (!/^kling-v1(-5|-6)?$/.test(srcModel(src)))
          return reply(400, 1201, 'video extension supports only videos made by kling-v1 models');
      }
      // Every per-model rule (fields, model ids, modes, durations, image_tail, sound, camera_control).
      // Omni (/v1/videos/omni-video) has its own rules (klingOmniRules.ts).
      const refused =
        family === 'lip-sync'
          ? null
          : family === 'omni-video'
            ? klingOmniRefusal(body)
            : klingRefusal(family as Parameters<typeof klingRefusal>[0], body);
      if (refused) return reply(400, 1201, refused);
      for (const img of [body.image, body.image_tail]) {
        if (typeof img === 'string' && img.startsWith('data:'))
          return reply(400, 1201, 'image must be raw base64 or a URL');
      }
      if (behaviour.moderation) return reply(400, 1301, 'Failure to pass the risk control system');
      const ext = typeof body.external_task_id === 'string' ? body.external_task_id : null;
      if (ext && tasks.some((t) => t.externalId === ext)) return reply(400, 1201, 'external_task_id already exists');
      const t: Task = {
        id: String(800_000_000_000 + tasks.length),
        family,
        externalId: ext,
        createdAt: Date.now(),
        body,
      };
      tasks.push(t);
      creates++;
      return reply(200, 0, 'SUCCEED', {
        task_id: t.id,
        task_info: { external_task_id: ext ?? '' },
        task_status: 'submitted',
        created_at: t.createdAt,
        updated_at: t.createdAt,
      });
    }
    if (req.method === 'GET' && m[2]) {
      const id = decodeURIComponent(m[2]);
      const t = tasks.find((x) => x.family === family && (x.id === id || x.externalId === id));
      return t ? reply(200, 0, 'SUCCEED', view(t)) : reply(404, 1203, 'task not found');
    }
    if (req.method === 'GET') {
      const size = Number(u.searchParams.get('pageSize') ?? 30);
      return reply(
        200,
        0,
        'SUCCEED',
        tasks
          .filter((t) => t.family === family)
          .slice(0, size)
          .map(view),
      );
    }
    return reply(405, 1202, 'method not allowed');
  }

  const server = await listenLocal(async (req, res) => {
    const { body } = await readBody(req, () => null);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const rec: KlingRecorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers, body, status: 0 };
    requests.push(rec);
    try {
      await route(req, res, rec);
    } catch (err) {
      rec.status = 500;
      throw err;
    }
  });
  url = server.origin;
  return {
    url,
    accessKey,
    secretKey,
    apiKey: `${accessKey}:${secretKey}`,
    requests,
    get creates() {
      return creates;
    },
    get behaviour() {
      return behaviour;
    },
    set(patch) {
      behaviour = { ...behaviour, ...patch };
    },
    close: server.close,
  };
}

/** A create sent straight to the fake with a valid JWT (tests of what the fake refuses). */
export async function postToFakeKling(
  fake: FakeKling,
  family: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: { code: number; message: string; request_id: string } }> {
  const res = await fetch(`${fake.url}/v1/videos/${family}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${klingJwt(fake.accessKey, fake.secretKey)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { code: number; message: string; request_id: string } };
}
