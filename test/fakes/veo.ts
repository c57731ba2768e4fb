/**
 * A fake Gemini API for Veo (providers.md §2), in the test process: the routes the
 * `@google/genai` SDK calls for video — POST /v1beta/models/{model}:predictLongRunning,
 * GET /v1beta/{operation name}, GET /v1beta/files/{id}:download?alt=media, GET /v1beta/models.
 * Auth is the `x-goog-api-key` header (a wrong key answers 400 INVALID_ARGUMENT "API key not
 * valid", as Google does). Errors use Google's body `{"error":{code,message,status,details}}`.
 * Records every request (method, path, headers, JSON body) and counts creates.
 * Modes: runMs (slow), failWith (operation error), moderation (raiMediaFilteredReasons),
 * throttle (next N requests 429 + Retry-After + google.rpc.RetryInfo), expired (download 404).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from './recordingHttp.js';
import { veoRefusal } from './veoRules.js';
import { realMedia } from '../helpers/realMedia.js';
import { throttled } from './fakeModes.js';

export const VEO_CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');

export interface VeoFakeMode {
  runMs: number;
  failWith: string | null;
  moderation: string | null;
  throttle: number;
  retryAfterSec: number;
  expired: boolean;
}

export interface VeoRecorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

interface Op {
  model: string;
  started: number;
  fileId: string;
}

const DEFAULTS: VeoFakeMode = {
  runMs: 100,
  failWith: null,
  moderation: null,
  throttle: 0,
  retryAfterSec: 2,
  expired: false,
};

export interface FakeVeo {
  url: string;
  key: string;
  requests: VeoRecorded[];
  readonly creates: number;
  /** Operations polled at least once (their name reached the client and was stored). */
  readonly polled: number;
  mode: VeoFakeMode;
  set(m: Partial<VeoFakeMode>): void;
  reset(): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

const gError = (res: ServerResponse, code: number, status: string, message: string, details?: unknown[]) =>
  send(res, code, { error: { code, message, status, ...(details ? { details } : {}) } });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeVeo(opts: Partial<VeoFakeMode> & { key?: string } = {}): Promise<FakeVeo> {
  const key = opts.key ?? 'test-key';
  const ops = new Map<string, Op>();
  const clip = readFileSync(VEO_CLIP);
  let creates = 0;
  const polled = new Set<string>();
  const fake = {
    url: '',
    key,
    requests: [] as VeoRecorded[],
    mode: { ...DEFAULTS, ...opts },
    get creates() {
      return creates;
    },
    get polled() {
      return polled.size;
    },
    set(m: Partial<VeoFakeMode>) {
      Object.assign(fake.mode, m);
    },
    reset() {
      fake.mode = { ...DEFAULTS, ...opts };
      fake.requests.length = 0;
      creates = 0;
      polled.clear();
    },
    close: () => server.close(),
  };

  const server = await listenLocal(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    fake.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: req.headers, body });
    const wait = throttled(fake.mode);
    if (wait) {
      res.setHeader('retry-after', wait['retry-after']!);
      return gError(res, 429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).', [
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${fake.mode.retryAfterSec}s` },
      ]);
    }
    if (req.headers['x-goog-api-key'] !== key) {
      return gError(res, 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
      ]);
    }
    const p = url.pathname;
    let m = /^\/v1beta\/models\/([^/:]+):predictLongRunning$/.exec(p);
    if (m && req.method === 'POST') {
      const model = decodeURIComponent(m[1] ?? '');
      const b = body as
        | {
            instances?: { prompt?: string; image?: unknown; video?: { uri?: string } }[];
            parameters?: Record<string, unknown>;
          }
        | undefined;
      const inst = b?.instances?.[0];
      // Every per-model rule (ids, durations, the 8 s rule, resolutions, combinations): veoRules.ts.
      const refused = veoRefusal(model, b);
      if (refused) return gError(res, refused.code, refused.status, refused.message);
      if (inst?.video) {
        // Extension (Gemini video guide, "Extending Veo videos"): only a Veo-generated video of
        // the last 2 days, by its Files API uri, on Veo 3.1 (not Lite), 720p, durationSeconds 8.
        const fileId = /\/files\/([a-z0-9]+):download/.exec(inst.video.uri ?? '')?.[1];
        if (!fileId || ![...ops.values()].some((o) => o.fileId === fileId)) {
          return gError(
            res,
            400,
            'INVALID_ARGUMENT',
            'Gemini API only supports video extensions for Veo-generated videos.',
          );
        }
      }
      const id = randomUUID().replace(/-/g, '').slice(0, 12);
      ops.set(`models/${model}/operations/${id}`, { model, started: Date.now(), fileId: `f${id}` });
      creates++;
      return send(res, 200, { name: `models/${model}/operations/${id}` });
    }
    m = /^\/v1beta\/(models\/[^/]+\/operations\/[^/]+)$/.exec(p);
    if (m && req.method === 'GET') {
      const op = ops.get(m[1] ?? '');
      if (!op) return gError(res, 404, 'NOT_FOUND', 'Operation not found.');
      const name = m[1] ?? '';
      polled.add(name);
      if (Date.now() - op.started < fake.mode.runMs) return send(res, 200, { name });
      if (fake.mode.failWith)
        return send(res, 200, { name, done: true, error: { code: 13, message: fake.mode.failWith } });
      const resp = fake.mode.moderation
        ? { raiMediaFilteredCount: 1, raiMediaFilteredReasons: [fake.mode.moderation] }
        : {
            generatedSamples: [
              {
                video: {
                  uri: `https://generativelanguage.googleapis.com/v1beta/files/${op.fileId}:download?alt=media`,
                },
              },
            ],
          };
      return send(res, 200, {
        name,
        done: true,
        response: {
          '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
          generateVideoResponse: resp,
        },
      });
    }
    m = /^\/v1beta\/files\/([a-z0-9]+):download$/.exec(p);
    if (m && req.method === 'GET') {
      if (fake.mode.expired || url.searchParams.get('alt') !== 'media')
        return gError(res, 404, 'NOT_FOUND', 'File not found.');
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) });
      return res.end(clip);
    }
    if (p === '/v1beta/models' && req.method === 'GET')
      return send(res, 200, { models: [{ name: 'models/veo-3.1-generate-preview' }] });
    return gError(res, 404, 'NOT_FOUND', `No route ${req.method} ${p}`);
  });
  fake.url = `${server.origin}`;
  return fake;
}
