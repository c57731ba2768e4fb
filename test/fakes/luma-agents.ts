/**
 * A fake Luma Agents API (providers.md §4b; shapes from lumalabs/luma-agents-python types) on
 * 127.0.0.1 under /v1: POST /generations, GET /generations/{id} (queued, processing, completed
 * {output[{type, url}]}, failed {failure_code, failure_reason}), GET /files. Records every request
 * (method, path, headers, JSON body), counts creates, checks `Authorization: Bearer <key>` and
 * validates bodies (400 {detail}). Modes: runMs, failCode, throttle (429 + Retry-After),
 * expireOutputs (403), staleLinks (the next N downloads answer 403), countDelayMs. Each read of a
 * completed generation presigns its output afresh (a new signature), as the real API's 1 h URLs.
 */
import { randomUUID } from 'node:crypto';
import { SIGNED_OUTPUT_DEFAULTS, taskPhase, type SignedOutputModes } from './fakeModes.js';
import { sendJson, type RoutedRequest } from './recordingHttp.js';
import { startSignedTaskServer, type SignedTaskCall } from './signedTaskFake.js';
import { realMedia } from '../helpers/realMedia.js';

export type AgentsRecorded = RoutedRequest;

export interface FakeAgentsBehaviour extends SignedOutputModes {
  failCode: string | null;
}

export interface FakeLumaAgents {
  url: string;
  requests: AgentsRecorded[];
  readonly creates: number;
  set(b: Partial<FakeAgentsBehaviour>): void;
  close(): Promise<void>;
}

const CLIP = realMedia('ai-clip-kitten-720x480-8fps.mp4');
interface Gen {
  id: string;
  createdAt: number;
  failCode: string | null;
}

const REASONS: Record<string, string> = {
  content_moderated: 'Prompt flagged by moderation',
  generation_failed: 'Internal error',
};

function imageRefIssues(name: string, r: unknown): string[] {
  const ref = r as Record<string, unknown>;
  const given = ['url', 'data', 'generation_id', 'file_id'].filter((k) => ref[k] !== undefined);
  if (given.length !== 1) return [`${name}: provide exactly one of url, data, generation_id, file_id`];
  if (ref.data !== undefined && (typeof ref.media_type !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(ref.data as string)))
    return [`${name}: data must be base64 with media_type`];
  return [];
}

export function agentsIssues(b: Record<string, unknown>): string[] {
  const issues: string[] = [];
  if (typeof b.prompt !== 'string' || !b.prompt) issues.push('prompt: required');
  if (b.type !== 'video') issues.push('type: this fake serves video only');
  if (b.model !== 'ray-3.2') issues.push('model: invalid for video');
  const v = (b.video ?? {}) as Record<string, unknown>;
  if (!['5s', '10s'].includes(v.duration as string)) issues.push('video.duration: invalid');
  if (!['360p', '540p', '720p', '1080p'].includes(v.resolution as string)) issues.push('video.resolution: invalid');
  if (v.start_frame !== undefined) issues.push(...imageRefIssues('video.start_frame', v.start_frame));
  if (v.end_frame !== undefined) issues.push(...imageRefIssues('video.end_frame', v.end_frame));
  return issues;
}

export async function startFakeLumaAgents(
  opts: Partial<FakeAgentsBehaviour> & { apiKey?: string } = {},
): Promise<FakeLumaAgents> {
  const apiKey = opts.apiKey ?? 'test-key';
  const behaviour: FakeAgentsBehaviour = { ...SIGNED_OUTPUT_DEFAULTS, failCode: null, ...opts };
  const gens = new Map<string, Gen>();
  const send = sendJson;
  const genJson = (g: Gen): Record<string, unknown> => {
    const phase = taskPhase(g.createdAt, behaviour.runMs);
    const state =
      phase === 'queued' ? 'queued' : phase === 'running' ? 'processing' : g.failCode ? 'failed' : 'completed';
    return {
      id: g.id,
      created_at: new Date(g.createdAt).toISOString(),
      model: 'ray-3.2',
      type: 'video',
      state,
      ...(state === 'failed' ? { failure_code: g.failCode, failure_reason: REASONS[g.failCode!] ?? 'Failed' } : {}),
      output:
        state === 'completed'
          ? [{ type: 'video', url: `${server.origin}/__out/${g.id}.mp4?X-Amz-Signature=s${server.sign()}` }]
          : [],
    };
  };
  const gate = ({ req, res, rec }: SignedTaskCall): boolean => {
    if (req.headers.authorization === `Bearer ${apiKey}`) return false;
    send(res, rec, 401, { detail: 'Invalid API key' });
    return true;
  };
  const route = ({ req, res, rec }: SignedTaskCall): void => {
    const { path, body } = rec;
    if (path === '/v1/generations' && req.method === 'POST') {
      const issues = agentsIssues(body ?? {});
      if (issues.length) return send(res, rec, 400, { detail: issues.join('; ') });
      const g = { id: randomUUID(), createdAt: Date.now(), failCode: behaviour.failCode };
      gens.set(g.id, g);
      send(res, rec, 201, genJson(g));
      return server.created();
    }
    const one = /^\/v1\/generations\/([\w-]+)$/.exec(path);
    if (one && req.method === 'GET') {
      const g = gens.get(one[1]!);
      return g ? send(res, rec, 200, genJson(g)) : send(res, rec, 404, { detail: 'Generation not found' });
    }
    if (path.startsWith('/v1/files') && req.method === 'GET')
      return send(res, rec, 200, { data: [], has_more: false, next_cursor: null });
    return send(res, rec, 404, { detail: 'Not Found' });
  };
  const server = await startSignedTaskServer(behaviour, '/v1', {
    output: /^\/__out\/([\w-]+)\.mp4/,
    clip: CLIP,
    made: (id) => gens.has(id),
    expired: { detail: 'Request has expired' },
    throttled: { detail: 'Rate limit exceeded' },
    gate,
    route,
  });
  return server;
}
