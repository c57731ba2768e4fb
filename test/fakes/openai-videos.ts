/**
 * A fake OpenAI-compatible `/v1/videos` gateway (providers.md §1; shapes from openai-node
 * src/resources/videos.ts and its OpenAPI spec): POST /v1/videos (multipart/form-data, or
 * JSON), GET /v1/videos/{id}, GET /v1/videos/{id}/content?variant=video, GET /v1/videos (list).
 * Bearer auth; errors as `{"error":{message,type,param,code}}`. Records every request (method,
 * path, headers, parsed body — multipart files as {name, type, size, sha}) and counts creates.
 * Modes: runMs (slow), failWith (status failed + error), moderation (400 moderation_blocked at
 * create), throttle (429 + Retry-After), expired (content 404), dropCreate (create the video, then destroy the
 * socket without answering). An input_reference is decoded (system ffprobe, as the real API
 * decodes it) and must be an image of exactly `size` (the Sora quirk); a mismatch or an
 * undecodable file is refused with the gateway's error shape.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { listenLocal } from './recordingHttp.js';
import { realMedia } from '../helpers/realMedia.js';
import { throttled } from './fakeModes.js';
import { parseBody, type FileField } from './openaiVideosForm.js';

export type { FileField } from './openaiVideosForm.js';

export const OPENAI_VIDEOS_CLIP = realMedia('ai-clip-kitten-720x480-8fps.mp4');

export interface OpenAIVideosMode {
  runMs: number;
  failWith: { code: string; message: string } | null;
  moderation: boolean;
  throttle: number;
  retryAfterSec: number;
  expired: boolean;
  dropCreate: number;
}

export interface OpenAIVideosRecorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, string | FileField> | unknown;
}

interface V {
  id: string;
  started: number;
  prompt: string;
  model: string;
  seconds: string;
  size: string;
  created_at: number;
}

const DEFAULTS: OpenAIVideosMode = {
  runMs: 100,
  failWith: null,
  moderation: false,
  throttle: 0,
  retryAfterSec: 2,
  expired: false,
  dropCreate: 0,
};
const SIZES = ['720x1280', '1280x720', '1024x1792', '1792x1024'];

export interface FakeOpenAIVideos {
  url: string;
  requests: OpenAIVideosRecorded[];
  /** The bytes of every multipart file received, by sha256 (to look at what was sent). */
  files: Map<string, Buffer>;
  readonly creates: number;
  /** Videos retrieved at least once (their id reached the client and was stored). */
  readonly polled: number;
  mode: OpenAIVideosMode;
  set(m: Partial<OpenAIVideosMode>): void;
  reset(): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
const oaError = (
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
  headers: Record<string, string> = {},
) => send(res, status, { error: { message, type, param, code } }, headers);

export async function startFakeOpenAIVideos(
  opts: Partial<OpenAIVideosMode> & { key?: string } = {},
): Promise<FakeOpenAIVideos> {
  const key = opts.key ?? 'test-key';
  const clip = readFileSync(OPENAI_VIDEOS_CLIP);
  const videos = new Map<string, V>();
  let creates = 0;
  const polled = new Set<string>();
  const fake = {
    url: '',
    requests: [] as OpenAIVideosRecorded[],
    files: new Map<string, Buffer>(),
    mode: { ...DEFAULTS, ...opts },
    get creates() {
      return creates;
    },
    get polled() {
      return polled.size;
    },
    set(m: Partial<OpenAIVideosMode>) {
      Object.assign(fake.mode, m);
    },
    reset() {
      fake.mode = { ...DEFAULTS, ...opts };
      fake.requests.length = 0;
      fake.files.clear();
      creates = 0;
      polled.clear();
    },
    close: () => server.close(),
  };
  const view = (v: V) => {
    const done = Date.now() - v.started >= fake.mode.runMs;
    const failed = done && fake.mode.failWith;
    return {
      id: v.id,
      object: 'video',
      model: v.model,
      prompt: v.prompt,
      seconds: v.seconds,
      size: v.size,
      created_at: v.created_at,
      status: failed
        ? 'failed'
        : done
          ? 'completed'
          : Date.now() - v.started < fake.mode.runMs / 4
            ? 'queued'
            : 'in_progress',
      progress: done ? 100 : Math.floor(((Date.now() - v.started) / fake.mode.runMs) * 100),
      completed_at: done ? Math.floor(Date.now() / 1000) : null,
      expires_at: null,
      remixed_from_video_id: null,
      error: failed ? fake.mode.failWith : null,
    };
  };

  const server = await listenLocal(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await parseBody(req, fake.files);
    fake.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: req.headers, body });
    const wait = throttled(fake.mode);
    if (wait)
      return oaError(res, 429, 'Rate limit reached for requests.', 'requests', 'rate_limit_exceeded', null, wait);
    if (req.headers.authorization !== `Bearer ${key}`)
      return oaError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    const p = url.pathname;
    if (p === '/v1/videos' && req.method === 'POST') {
      const b = (body ?? {}) as Record<string, string | FileField>;
      const prompt = b.prompt;
      if (typeof prompt !== 'string' || !prompt)
        return oaError(
          res,
          400,
          "Missing required parameter: 'prompt'.",
          'invalid_request_error',
          'missing_required_parameter',
          'prompt',
        );
      const size = typeof b.size === 'string' ? b.size : '720x1280';
      if (!SIZES.includes(size))
        return oaError(res, 400, `Invalid value: '${size}'.`, 'invalid_request_error', 'invalid_value', 'size');
      const seconds = typeof b.seconds === 'string' ? b.seconds : '4';
      if (!['4', '8', '12'].includes(seconds))
        return oaError(res, 400, `Invalid value: '${seconds}'.`, 'invalid_request_error', 'invalid_value', 'seconds');
      const ref = b.input_reference;
      if (ref !== undefined && (typeof ref === 'string' || ref.decoded === null)) {
        return oaError(
          res,
          400,
          'Invalid input_reference: the file could not be decoded as an image.',
          'invalid_request_error',
          'invalid_image',
          'input_reference',
        );
      }
      if (ref && ref.decoded !== size) {
        return oaError(
          res,
          400,
          'Inpaint image must match the requested width and height',
          'invalid_request_error',
          'invalid_value',
          'input_reference',
        );
      }
      if (fake.mode.moderation)
        return oaError(
          res,
          400,
          'Your request was blocked by our moderation system.',
          'invalid_request_error',
          'moderation_blocked',
        );
      const v: V = {
        id: `video_${randomUUID().replace(/-/g, '')}`,
        started: Date.now(),
        prompt,
        model: typeof b.model === 'string' ? b.model : 'sora-2',
        seconds,
        size,
        created_at: Math.floor(Date.now() / 1000),
      };
      videos.set(v.id, v);
      creates++;
      if (fake.mode.dropCreate > 0) {
        fake.mode.dropCreate--;
        return req.socket.destroy();
      }
      return send(res, 200, view(v));
    }
    if (p === '/v1/videos' && req.method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const all = [...videos.values()]
        .sort((a, b) => b.started - a.started)
        .slice(0, limit)
        .map(view);
      return send(res, 200, {
        object: 'list',
        data: all,
        first_id: all[0]?.id ?? null,
        last_id: all.at(-1)?.id ?? null,
        has_more: false,
      });
    }
    let m = /^\/v1\/videos\/([^/]+)$/.exec(p);
    if (m && req.method === 'GET') {
      const v = videos.get(m[1] ?? '');
      if (v) polled.add(v.id);
      return v
        ? send(res, 200, view(v))
        : oaError(res, 404, `Video '${m[1]}' not found.`, 'invalid_request_error', null);
    }
    m = /^\/v1\/videos\/([^/]+)\/content$/.exec(p);
    if (m && req.method === 'GET') {
      const v = videos.get(m[1] ?? '');
      if (!v || fake.mode.expired)
        return oaError(res, 404, `Video '${m[1]}' not found.`, 'invalid_request_error', null);
      if (view(v).status !== 'completed')
        return oaError(res, 400, 'Video is not ready yet.', 'invalid_request_error', null);
      if ((url.searchParams.get('variant') ?? 'video') !== 'video')
        return oaError(res, 400, 'Only variant=video is faked.', 'invalid_request_error', null, 'variant');
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) });
      return res.end(clip);
    }
    return oaError(res, 404, `Unknown route ${req.method} ${p}`, 'invalid_request_error', null);
  });
  fake.url = `${server.origin}/v1`;
  return fake;
}
