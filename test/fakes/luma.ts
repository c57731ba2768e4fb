/**
 * A fake Luma Dream Machine API (providers.md §4a; shapes from lumaai 1.19.1 generations.ts)
 * on 127.0.0.1, mounted under /dream-machine/v1 like the real base URL:
 *   POST /generations/video -> Generation {id, state:'queued', ...}
 *   GET /generations/{id} -> queued | dreaming | completed {assets.video} | failed {failure_reason}
 *   DELETE /generations/{id}; GET /credits
 *   GET /generations?limit&offset -> {generations, count, has_more, limit, offset}, newest first
 *   (Dream Machine OpenAPI ListGenerationResponse, order descending; each echoes `request`)
 * Records every request (method, path, headers, JSON body), counts creates, checks
 * `Authorization: Bearer <key>` (401 {detail}) and validates bodies (400 {detail}). Modes: runMs
 * (slow), failReason (failed with Luma's reason), moderation (400 at create, as Luma refuses
 * prompts), throttle (429 + Retry-After), expireOutputs (asset URL 403), staleLinks (the next N
 * asset downloads answer 403; the generation lists the same asset URL on every read), countDelayMs,
 * dropCreate (the next N creates are made, then the connection is cut before the answer) and
 * loseCreate (the next N creates are cut before anything is made).
 */
import { randomUUID } from 'node:crypto';
import { SIGNED_OUTPUT_DEFAULTS, spend, taskPhase, type SignedOutputModes } from './fakeModes.js';
import { sendJson, type RoutedRequest } from './recordingHttp.js';
import { startSignedTaskServer, type SignedTaskCall } from './signedTaskFake.js';
import { realMedia } from '../helpers/realMedia.js';

export type LumaRecorded = RoutedRequest;

export interface FakeLumaBehaviour extends SignedOutputModes {
  /** Generations created from now on end `failed` with this failure_reason. */
  failReason: string | null;
  /** The next create is refused with 400 and this moderation detail. */
  moderation: string | null;
  dropCreate: number;
  loseCreate: number;
}

export interface FakeLuma {
  /** The base URL to configure (…/dream-machine/v1). */
  url: string;
  requests: LumaRecorded[];
  readonly creates: number;
  set(b: Partial<FakeLumaBehaviour>): void;
  /** Ids of the tasks the fake made, oldest first. */
  ids(): string[];
  /** Another generation with the same request as the newest one (as if sent twice elsewhere). */
  duplicateLast(): string;
  close(): Promise<void>;
}

const PREFIX = '/dream-machine/v1';
const CLIP = realMedia('ai-clip-kitten-720x480-8fps.mp4');
const ASPECTS = ['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21'];

interface Gen {
  id: string;
  createdAt: number;
  runMs: number;
  failReason: string | null;
  request: Record<string, unknown>;
}

export function lumaIssues(b: Record<string, unknown>): string[] {
  const issues: string[] = [];
  if (!['ray-2', 'ray-flash-2'].includes(b.model as string)) issues.push(`model: unknown model ${String(b.model)}`);
  if (b.aspect_ratio !== undefined && !ASPECTS.includes(b.aspect_ratio as string)) issues.push('aspect_ratio: invalid');
  if (b.duration !== undefined && !['5s', '9s'].includes(b.duration as string)) issues.push('duration: invalid');
  if (b.resolution !== undefined && !['540p', '720p', '1080p', '4k'].includes(b.resolution as string))
    issues.push('resolution: invalid');
  for (const k of Object.keys(b))
    if (
      ![
        'model',
        'prompt',
        'aspect_ratio',
        'duration',
        'resolution',
        'loop',
        'keyframes',
        'concepts',
        'callback_url',
        'generation_type',
      ].includes(k)
    )
      issues.push(`${k}: extra field`);
  return issues;
}

/**
 * Keyframes (video guide, "Extend video"): frame0/frame1 are {type:'image', url} or
 * {type:'generation', id}; extend "is currently supported only for generated videos. Please
 * make sure the generation is in completed state before passing it".
 */
function keyframeIssue(b: Record<string, unknown>, gens: Map<string, Gen>): string | null {
  const kf = b.keyframes as Record<string, { type?: string; id?: string; url?: string } | undefined> | undefined;
  if (kf === undefined) return null;
  for (const [name, frame] of Object.entries(kf ?? {})) {
    if (!['frame0', 'frame1'].includes(name)) return `keyframes.${name}: extra field`;
    if (frame?.type === 'image' && typeof frame.url === 'string') continue;
    if (frame?.type !== 'generation' || typeof frame.id !== 'string')
      return `keyframes.${name}: must be {type:'image', url} or {type:'generation', id}`;
    const src = gens.get(frame.id);
    if (!src) return `keyframes.${name}: generation ${frame.id} not found`;
    if (Date.now() - src.createdAt < src.runMs || src.failReason)
      return `keyframes.${name}: generation ${frame.id} is not completed`;
  }
  return null;
}

export async function startFakeLuma(opts: Partial<FakeLumaBehaviour> & { apiKey?: string } = {}): Promise<FakeLuma> {
  const apiKey = opts.apiKey ?? 'test-key';
  const behaviour: FakeLumaBehaviour = {
    ...SIGNED_OUTPUT_DEFAULTS,
    failReason: null,
    moderation: null,
    dropCreate: 0,
    loseCreate: 0,
    ...opts,
  };
  const gens = new Map<string, Gen>();

  const send = sendJson;

  const genJson = (g: Gen): Record<string, unknown> => {
    const phase = taskPhase(g.createdAt, behaviour.runMs);
    const state =
      phase === 'queued' ? 'queued' : phase === 'running' ? 'dreaming' : g.failReason ? 'failed' : 'completed';
    return {
      id: g.id,
      generation_type: 'video',
      state,
      failure_reason: state === 'failed' ? g.failReason : null,
      created_at: new Date(g.createdAt).toISOString(),
      model: g.request.model,
      request: g.request,
      assets:
        state === 'completed'
          ? { video: `${server.origin}/__assets/${g.id}.mp4?signature=x`, image: null, progress_video: null }
          : null,
    };
  };

  const gate = ({ req, res, rec }: SignedTaskCall): boolean => {
    if (!rec.path.startsWith(PREFIX)) send(res, rec, 404, { detail: 'Not Found' });
    else if (req.headers.authorization !== `Bearer ${apiKey}`) send(res, rec, 401, { detail: 'Invalid API key' });
    else return false;
    return true;
  };

  const route = ({ req, res, rec }: SignedTaskCall): void => {
    const path = rec.path.slice(PREFIX.length);
    const { body } = rec;
    if (path === '/generations/video' && req.method === 'POST') {
      const issues = lumaIssues(body ?? {});
      if (issues.length) return send(res, rec, 400, { detail: issues.join('; ') });
      const extendIssue = keyframeIssue(body ?? {}, gens);
      if (extendIssue) return send(res, rec, 400, { detail: extendIssue });
      if (behaviour.moderation) {
        const detail = behaviour.moderation;
        behaviour.moderation = null;
        return send(res, rec, 400, { detail });
      }
      if (spend(behaviour, 'loseCreate')) {
        rec.status = -1;
        req.socket.destroy();
        return;
      }
      const g: Gen = {
        id: randomUUID(),
        createdAt: Date.now(),
        runMs: behaviour.runMs,
        failReason: behaviour.failReason,
        request: body ?? {},
      };
      gens.set(g.id, g);
      if (spend(behaviour, 'dropCreate')) {
        server.created(true);
        rec.status = -1;
        req.socket.destroy();
        return;
      }
      send(res, rec, 201, genJson(g));
      return server.created();
    }
    const list = /^\/generations(\?.*)?$/.exec(path);
    if (list && req.method === 'GET') {
      const q = new URLSearchParams(list[1] ?? '');
      const limit = Number(q.get('limit') ?? 100);
      const offset = Number(q.get('offset') ?? 0);
      const all = [...gens.values()].sort((a, b) => b.createdAt - a.createdAt);
      const page = all.slice(offset, offset + limit).map(genJson);
      return send(res, rec, 200, {
        generations: page,
        count: page.length,
        has_more: offset + limit < all.length,
        limit,
        offset,
      });
    }
    const one = /^\/generations\/([\w-]+)$/.exec(path);
    if (one) {
      const g = gens.get(one[1]!);
      if (!g) return send(res, rec, 404, { detail: 'Generation not found' });
      if (req.method === 'GET') return send(res, rec, 200, genJson(g));
      if (req.method === 'DELETE') {
        gens.delete(g.id);
        return send(res, rec, 204);
      }
    }
    if (path === '/credits' && req.method === 'GET') return send(res, rec, 200, { credit_balance: 1000 });
    return send(res, rec, 404, { detail: 'Not Found' });
  };

  const server = await startSignedTaskServer(behaviour, PREFIX, {
    output: /^\/__assets\/([\w-]+)\.mp4/,
    clip: CLIP,
    made: (id) => gens.has(id),
    expired: { detail: 'Request has expired' },
    throttled: { detail: 'Too many requests' },
    gate,
    route,
  });
  return Object.assign(server, {
    ids: () => [...gens.keys()],
    duplicateLast() {
      const last = [...gens.values()].at(-1);
      if (!last) throw new Error('no generation to duplicate');
      const twin: Gen = { ...last, id: randomUUID(), createdAt: Date.now() };
      gens.set(twin.id, twin);
      return twin.id;
    },
  });
}
