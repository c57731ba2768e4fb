/**
 * A fake Runway task API (providers.md §3; wire shapes from @runwayml/sdk resources
 * text-to-video / image-to-video / tasks / organization) on 127.0.0.1, for the SDK pointed at it:
 *   POST /v1/text_to_video, POST /v1/image_to_video, POST /v1/video_to_video (aleph2) -> {id, estimatedCost}
 *   GET /v1/tasks/{id} -> PENDING | RUNNING {progress} | SUCCEEDED {output[]} | FAILED {failure, failureCode} | CANCELLED
 *   DELETE /v1/tasks/{id} -> 204; GET /v1/organization -> {creditBalance, tier}
 * Every request is recorded (method, path, headers, JSON body) and creates are counted. It
 * checks `Authorization: Bearer <key>` (401) and `X-Runway-Version` (400), and validates bodies
 * the way the API does (400 {error, issues[]}). Modes: runMs (slow), fail (INTERNAL.BAD_OUTPUT),
 * moderation (SAFETY.INPUT.TEXT), throttle (429 + Retry-After), expireOutputs (signed URL 403).
 */
import { randomUUID } from 'node:crypto';
import { SIGNED_OUTPUT_DEFAULTS, taskPhase, type SignedOutputModes } from './fakeModes.js';
import { sendJson, type RoutedRequest } from './recordingHttp.js';
import { startSignedTaskServer, type SignedTaskCall } from './signedTaskFake.js';
import { alephIssues } from './runwayAleph.js';
import { realMedia } from '../helpers/realMedia.js';

export type RunwayRecorded = RoutedRequest;

export interface FakeRunwayBehaviour extends SignedOutputModes {
  /** Tasks created from now on fail with this failureCode ('INTERNAL.BAD_OUTPUT.CODE01', 'SAFETY.INPUT.TEXT', ...). */
  failCode: string | null;
  /** The next create answers 400 with this issue (what the API says of a bad field), e.g. 'ratio: Invalid'. */
  reject: string | null;
}

export interface FakeRunway {
  url: string;
  requests: RunwayRecorded[];
  readonly creates: number;
  behaviour: FakeRunwayBehaviour;
  set(b: Partial<FakeRunwayBehaviour>): void;
  close(): Promise<void>;
}

const KNOWN = ['gen4.5', 'gen4_turbo', 'veo3.1', 'veo3.1_fast', 'seedance2'];
const FAILURES: Record<string, string> = {
  'SAFETY.INPUT.TEXT': 'The prompt was flagged by content moderation.',
  'INTERNAL.BAD_OUTPUT.CODE01': 'The model produced an invalid output.',
};
const CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');

interface Task {
  id: string;
  createdAt: number;
  failCode: string | null;
  cancelled: boolean;
}

/** Body checks from the SDK types (the server's zod-style 400 with `issues`). */
export function runwayIssues(endpoint: string, b: Record<string, unknown>): string[] {
  const issues: string[] = [];
  const model = b.model as string;
  if (!KNOWN.includes(model)) issues.push(`model: Invalid enum value '${String(model)}'`);
  if (endpoint === 'text_to_video' && model === 'gen4_turbo') issues.push('model: gen4_turbo is image-to-video only');
  if (endpoint === 'text_to_video' && (typeof b.promptText !== 'string' || !b.promptText))
    issues.push('promptText: Required');
  // gen4.5 image-to-video: `promptText: string` is not optional (@runwayml/sdk image-to-video.ts Gen4_5 params).
  if (endpoint === 'image_to_video' && model === 'gen4.5' && (typeof b.promptText !== 'string' || !b.promptText))
    issues.push('promptText: Required for gen4.5');
  // `audio?: boolean` exists on the veo3.1 and seedance2 params only (same SDK files).
  if (b.audio !== undefined && !(model.startsWith('veo3.1') || model === 'seedance2'))
    issues.push('audio: Unrecognized key');
  if (b.audio !== undefined && typeof b.audio !== 'boolean') issues.push('audio: Expected boolean');
  const keys = [
    'model',
    'promptText',
    'promptImage',
    'ratio',
    'duration',
    'seed',
    'negativePrompt',
    'audio',
    'references',
    'contentModeration',
  ];
  for (const k of Object.keys(b)) if (!keys.includes(k)) issues.push(`${k}: Unrecognized key`);
  if (typeof b.ratio !== 'string' || !/^\d+:\d+$/.test(b.ratio)) issues.push('ratio: Invalid');
  if (model === 'gen4.5' && !Number.isInteger(b.duration)) issues.push('duration: Required integer for gen4.5');
  if (model.startsWith('veo3.1') && b.duration !== undefined && ![4, 6, 8].includes(b.duration as number))
    issues.push('duration: must be 4, 6 or 8');
  if (b.negativePrompt !== undefined && !model.startsWith('veo')) issues.push('negativePrompt: Unrecognized key');
  if (endpoint === 'image_to_video') {
    const images = typeof b.promptImage === 'string' ? [{ uri: b.promptImage, position: 'first' }] : b.promptImage;
    if (!Array.isArray(images) || !images.length) issues.push('promptImage: Required');
    for (const img of (Array.isArray(images) ? images : []) as { uri?: unknown; position?: unknown }[]) {
      if (typeof img.uri !== 'string' || !/^(data:image\/(png|jpeg|webp);base64,|https:\/\/|runway:\/\/)/.test(img.uri))
        issues.push('promptImage.uri: Invalid');
      if (img.position === 'last' && !(model.startsWith('veo3.1') || model === 'seedance2'))
        issues.push(`promptImage.position: 'last' is not supported by ${model}`);
    }
  }
  if (b.references !== undefined && model !== 'seedance2') issues.push('references: Unrecognized key');
  return issues;
}

export async function startFakeRunway(
  opts: Partial<FakeRunwayBehaviour> & { apiKey?: string } = {},
): Promise<FakeRunway> {
  const apiKey = opts.apiKey ?? 'test-key';
  const behaviour: FakeRunwayBehaviour = { ...SIGNED_OUTPUT_DEFAULTS, failCode: null, reject: null, ...opts };
  const tasks = new Map<string, Task>();

  const send = sendJson;

  const taskJson = (t: Task): Record<string, unknown> => {
    const base = { id: t.id, createdAt: new Date(t.createdAt).toISOString() };
    if (t.cancelled) return { ...base, status: 'CANCELLED' };
    const phase = taskPhase(t.createdAt, behaviour.runMs);
    if (phase === 'queued') return { ...base, status: 'PENDING' };
    if (phase === 'running')
      return { ...base, status: 'RUNNING', progress: Math.min(0.99, (Date.now() - t.createdAt) / behaviour.runMs) };
    if (t.failCode)
      return { ...base, status: 'FAILED', failure: FAILURES[t.failCode] ?? 'Task failed.', failureCode: t.failCode };
    return {
      ...base,
      status: 'SUCCEEDED',
      output: [`${server.origin}/__output/${t.id}.mp4?_jwt=signed-${server.sign()}`],
    };
  };

  const gate = ({ req, res, rec, text }: SignedTaskCall): boolean => {
    if (rec.path === '/__upload' && req.method === 'POST') {
      // The presigned storage POST (no Runway auth): multipart with the policy fields and `file`.
      const type = String(req.headers['content-type'] ?? '');
      rec.body = {
        multipart: type.startsWith('multipart/form-data'),
        bytes: text.length,
        hasFields: text.includes('name="key"') && text.includes('name="file"'),
      };
      send(res, rec, 204);
    } else if (req.headers.authorization !== `Bearer ${apiKey}`) {
      send(res, rec, 401, { error: 'Incorrect API key provided' });
    } else if (req.headers['x-runway-version'] !== '2024-11-06') {
      send(res, rec, 400, { error: 'Missing or invalid X-Runway-Version header' });
    } else return false;
    return true;
  };

  const route = ({ req, res, rec }: SignedTaskCall): void => {
    const { path, body } = rec;
    if (path === '/v1/uploads' && req.method === 'POST') {
      const b = body ?? {};
      if (typeof b.filename !== 'string' || b.type !== 'ephemeral')
        return send(res, rec, 400, {
          error: 'Validation of body failed',
          issues: [{ message: 'filename and type ephemeral required', path: ['type'] }],
        });
      const id = randomUUID();
      return send(res, rec, 200, {
        uploadUrl: `${server.origin}/__upload`,
        fields: { key: `uploads/${id}`, policy: 'fake' },
        runwayUri: `runway://uploads/${id}`,
      });
    }
    const create = /^\/v1\/(text_to_video|image_to_video|video_to_video)$/.exec(path);
    if (create && req.method === 'POST') {
      // video_to_video (Aleph 2) has its own rules (runwayAleph.ts).
      const issues = create[1] === 'video_to_video' ? alephIssues(body ?? {}) : runwayIssues(create[1]!, body ?? {});
      if (behaviour.reject) issues.push(behaviour.reject);
      behaviour.reject = null;
      if (issues.length)
        return send(res, rec, 400, {
          error: 'Validation of body failed',
          issues: issues.map((m) => ({ message: m.split(': ')[1], path: [m.split(': ')[0]] })),
        });
      const task: Task = { id: randomUUID(), createdAt: Date.now(), failCode: behaviour.failCode, cancelled: false };
      tasks.set(task.id, task);
      send(res, rec, 200, { id: task.id, estimatedCost: { credits: 60 } });
      return server.created();
    }
    const taskPath = /^\/v1\/tasks\/([\w-]+)$/.exec(path);
    if (taskPath) {
      const t = tasks.get(taskPath[1]!);
      if (!t) return send(res, rec, 404, { error: 'Task not found' });
      if (req.method === 'GET') return send(res, rec, 200, taskJson(t));
      if (req.method === 'DELETE') {
        t.cancelled = true;
        return send(res, rec, 204);
      }
    }
    if (path === '/v1/organization' && req.method === 'GET')
      return send(res, rec, 200, {
        creditBalance: 1000,
        tier: { maxMonthlyCreditSpend: 10000, models: {} },
        usage: { models: {} },
      });
    return send(res, rec, 404, { error: `No route ${req.method} ${path}` });
  };

  const server = await startSignedTaskServer(behaviour, '', {
    output: /^\/__output\/([\w-]+)\.mp4/,
    clip: CLIP,
    made: (id) => tasks.has(id),
    expired: { error: 'Signature expired' },
    throttled: { error: 'You have exceeded your daily task limit.' },
    gate,
    route,
  });
  return server;
}
