/**
 * A fake MiniMax video API (providers.md §6) on 127.0.0.1 for tests, from the official OpenAPI
 * (platform.minimax.io/docs/api-reference/video/generation/api/openapi.json):
 * POST /v1/video_generation -> {task_id, base_resp}; GET /v1/query/video_generation?task_id
 * -> {task_id, status: Preparing|Queueing|Processing|Success|Fail, file_id, video_width,
 * video_height, base_resp}; GET /v1/files/retrieve?file_id -> {file:{download_url,...},
 * base_resp}; GET /v1/files/list?purpose; and the download link (/dl/...), which needs no key.
 * Errors come as HTTP 200 with base_resp.status_code, like MiniMax. Records every request and
 * counts creates. Modes: runMs (slow), fail (task Fail + status_msg), moderation (create
 * answers 1026), throttle (next N creates: 1002 rate limit, HTTP 429 + Retry-After),
 * expired (download link 404).
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal, readBody, TASK_FAKE_DEFAULTS, type TaskFakeBehaviour } from './recordingHttp.js';
import { spend, throttled } from './fakeModes.js';
import { realMedia } from '../helpers/realMedia.js';

export const FAKE_MINIMAX_CLIP = realMedia('ai-clip-kitten-720x480-8fps.mp4');
export const FAKE_MINIMAX_KEY = 'mm-test-key';

export type FakeMinimaxBehaviour = TaskFakeBehaviour;

export interface MinimaxRecorded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
}

interface Task {
  id: string;
  fileId: number;
  createdAt: number;
}

export interface FakeMinimax {
  url: string;
  requests: MinimaxRecorded[];
  readonly creates: number;
  set(patch: Partial<FakeMinimaxBehaviour>): void;
  close(): Promise<void>;
}

export async function startFakeMinimax(opts: Partial<FakeMinimaxBehaviour> = {}): Promise<FakeMinimax> {
  let behaviour: FakeMinimaxBehaviour = { ...TASK_FAKE_DEFAULTS, ...opts };
  const requests: MinimaxRecorded[] = [];
  const tasks: Task[] = [];
  let url = '';
  let signed = 0;

  const send = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };
  const base = (code = 0, msg = 'success') => ({ base_resp: { status_code: code, status_msg: msg } });

  function route(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown> | null): void {
    const u = new URL(req.url ?? '/', 'http://fake');
    if (u.pathname.startsWith('/dl/')) {
      if (behaviour.expired) return send(res, 404, { error: 'expired' });
      if (spend(behaviour, 'staleLinks')) return send(res, 404, { error: 'expired' });
      res.writeHead(200, { 'content-type': 'video/mp4' });
      createReadStream(FAKE_MINIMAX_CLIP).pipe(res);
      return;
    }
    if (req.headers.authorization !== `Bearer ${FAKE_MINIMAX_KEY}`)
      return send(res, 200, base(1004, 'login fail: Please carry the API secret key in the Authorization field'));
    if (req.method === 'POST' && u.pathname === '/v1/video_generation') {
      const wait = throttled(behaviour);
      if (wait) return send(res, 429, base(1002, 'rate limit exceeded'), wait);
      if (typeof body?.model !== 'string') return send(res, 200, base(2013, 'invalid params, model is required'));
      for (const k of ['first_frame_image', 'last_frame_image']) {
        const v = body[k];
        if (v !== undefined && (typeof v !== 'string' || !/^(data:image\/[a-z]+;base64,|https?:\/\/)/.test(v)))
          return send(res, 200, base(2013, `invalid params, ${k}`));
      }
      if (behaviour.moderation) return send(res, 200, base(1026, 'input new_sensitive'));
      const t: Task = {
        id: String(106_000_000_000_000 + tasks.length),
        fileId: 205_000_000_000 + tasks.length,
        createdAt: Date.now(),
      };
      tasks.push(t);
      return send(res, 200, { task_id: t.id, ...base() });
    }
    if (req.method === 'GET' && u.pathname === '/v1/query/video_generation') {
      const t = tasks.find((x) => x.id === u.searchParams.get('task_id'));
      if (!t) return send(res, 200, base(2013, 'invalid params, task not found'));
      const age = Date.now() - t.createdAt;
      const status =
        age < behaviour.runMs / 3
          ? 'Queueing'
          : age < behaviour.runMs
            ? 'Processing'
            : behaviour.fail
              ? 'Fail'
              : 'Success';
      return send(res, 200, {
        task_id: t.id,
        status,
        file_id: status === 'Success' ? String(t.fileId) : '',
        ...(status === 'Success' ? { video_width: 720, video_height: 480 } : {}),
        // `fail: '1027:output new_sensitive'` fails the task with that code, else code 0.
        ...(status === 'Fail'
          ? (([, c, m]) => (c ? base(Number(c), m ?? '') : base(0, behaviour.fail ?? '')))(
              /^(\d+):(.*)$/.exec(behaviour.fail ?? '') ?? [],
            )
          : base()),
      });
    }
    if (req.method === 'GET' && u.pathname === '/v1/files/retrieve') {
      const t = tasks.find((x) => String(x.fileId) === u.searchParams.get('file_id'));
      if (!t) return send(res, 200, base(2013, 'invalid params, file not found'));
      return send(res, 200, {
        file: {
          file_id: t.fileId,
          bytes: 0,
          created_at: Math.floor(t.createdAt / 1000),
          filename: 'output_aigc.mp4',
          purpose: 'video_generation',
          // Each retrieve signs a fresh link (the file id stays).
          download_url: `${url}/dl/${t.fileId}.mp4?sig=${++signed}`,
        },
        ...base(),
      });
    }
    if (req.method === 'GET' && u.pathname === '/v1/files/list') return send(res, 200, { files: [], ...base() });
    return send(res, 404, base(1000, 'not found'));
  }

  const server = await listenLocal(async (req, res) => {
    const { body } = await readBody(req, () => null);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body });
    route(req, res, body);
  });
  url = server.origin;
  return {
    url,
    requests,
    get creates() {
      return tasks.length;
    },
    set(patch) {
      behaviour = { ...behaviour, ...patch };
    },
    close: server.close,
  };
}
