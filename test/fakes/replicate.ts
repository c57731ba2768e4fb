/**
 * A fake Replicate HTTP API (providers.md §10b, the `replicate` SDK source and replicate.com
 * model API pages): POST /v1/models/{owner}/{name}/predictions {input} -> 201 prediction;
 * GET /v1/predictions/{id} (starting / processing / succeeded / failed / canceled, `output` a
 * URI string, `error`); POST /v1/predictions/{id}/cancel; GET /v1/account;
 * GET /v1/predictions[?cursor=] -> {next, previous, results}, most recent first, `pageSize` per
 * page (Replicate: 100), `next` a full URL. Auth `Bearer <token>`;
 * errors are problem details `{title, detail, status}`. Every request recorded.
 * Modes: normal, slow, fail (prediction fails with a reason), moderation (E005 flagged),
 * throttle (429 + Retry-After), expired (output URL 404); dropCreate (the next N creates are
 * made, then the connection is cut), loseCreate (cut before anything is made); staleLinks (the
 * next N output downloads 404; the output URL is the same on every read).
 * A clip sent as a data URI to a model that reads its frame rate (replicateRules.ts
 * REPLICATE_CLIP_FPS) is probed with ffprobe; outside the range the prediction is `failed` from
 * its first read on, with the model's reason in `error`.
 */
import { elapsed, startRecordingServer, type FakeMode, type RecordedRequest, type Reply } from './recordingHttp.js';
import { probeClip } from './clipProbe.js';
import {
  REPLICATE_CLIP_FPS,
  REPLICATE_MODEL_RULES,
  replicateClipFailure,
  replicateInputProblem,
} from './replicateRules.js';

export const REPLICATE_FAKE_KEY = 'test-key';
/** Veo 3.1 and 3.1 Fast take the same input (one API page shape on replicate.com). */
const VEO_31_FIELDS = [
  'prompt',
  'aspect_ratio',
  'duration',
  'image',
  'last_frame',
  'reference_images',
  'negative_prompt',
  'resolution',
  'generate_audio',
  'seed',
];
/** Seedance 2.0 and 2.0 Fast take the same input (one API page shape on replicate.com). */
const SEEDANCE_2_FIELDS = [
  'prompt',
  'image',
  'last_frame_image',
  'reference_images',
  'reference_videos',
  'reference_audios',
  'duration',
  'resolution',
  'aspect_ratio',
  'generate_audio',
  'seed',
];
const ruledFields = (model: string): string[] => Object.keys(REPLICATE_MODEL_RULES[model]?.fields ?? {});
/** Model -> input fields it accepts (its API page on replicate.com). */
export const REPLICATE_FAKE_MODELS: Record<string, string[]> = {
  'google/veo-3.1': VEO_31_FIELDS,
  'google/veo-3.1-fast': VEO_31_FIELDS,
  'bytedance/seedance-2.0': SEEDANCE_2_FIELDS,
  'bytedance/seedance-2.0-fast': SEEDANCE_2_FIELDS,
  // The models that take a clip: every field and value checked by replicateRules.ts.
  'kwaivgi/kling-v3-omni-video': ruledFields('kwaivgi/kling-v3-omni-video'),
  'runwayml/gen4-aleph': ruledFields('runwayml/gen4-aleph'),
};

interface Pred {
  id: string;
  model: string;
  input: Record<string, unknown>;
  createdAt: number;
  mode: FakeMode;
  canceled: boolean;
  /** The model's reason for failing the clip it was given (replicateClipFailure). */
  clipFailure?: string | null;
}

export interface FakeReplicate {
  /** The API base (STORYBOARD_REPLICATE_BASE_URL), ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  readonly creates: number;
  answeredCreates(ms: number): number;
  createRequests(): RecordedRequest[];
  mode: FakeMode;
  runMs: number;
  retryAfterSec: number;
  /** The next N output downloads answer 404 (the same link works again after). */
  staleLinks: number;
  dropCreate: number;
  loseCreate: number;
  pageSize: number;
  /** Ids of the tasks the fake made, oldest first. */
  ids(): string[];
  /** Another prediction with the same model and input as the newest one; returns its id. */
  duplicateLast(): string;
  close(): Promise<void>;
}

const problem = (status: number, title: string, detail: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { title, detail, status },
  headers,
});

/** The model's reason to fail the clip in this input (a data-URI video it reads the frame rate of), or null. */
async function clipFailureOf(model: string, input: Record<string, unknown>): Promise<string | null> {
  const rule = REPLICATE_CLIP_FPS[model];
  const v = rule ? input[rule.field] : undefined;
  const data = typeof v === 'string' ? /^data:video\/[\w.+-]+;base64,(.*)$/s.exec(v) : null;
  if (!data) return null;
  const facts = await probeClip(Buffer.from(data[1] ?? '', 'base64'));
  return facts ? replicateClipFailure(model, facts) : null;
}

export async function startFakeReplicate(opts: { runMs?: number } = {}): Promise<FakeReplicate> {
  const preds = new Map<string, Pred>();
  const answered: number[] = [];
  let n = 0;
  const nextId = (): string => `fake${String(++n).padStart(6, '0')}rcp`;
  /** `created`: the create's own answer, which is always `starting` (the model has not read the clip yet). */
  const view = (p: Pred, created = false): Record<string, unknown> => {
    const age = elapsed(p.createdAt);
    const runMs = p.mode === 'slow' ? 60 * 60_000 : fake.runMs;
    const status = p.canceled
      ? 'canceled'
      : p.clipFailure
        ? created
          ? 'starting'
          : 'failed'
        : age < runMs / 3
          ? 'starting'
          : age < runMs
            ? 'processing'
            : p.mode === 'fail' || p.mode === 'moderation'
              ? 'failed'
              : 'succeeded';
    const api = `${server.url}/v1/predictions/${p.id}`;
    return {
      id: p.id,
      model: p.model,
      version: 'hidden',
      input: p.input,
      logs: '',
      status,
      data_removed: false,
      source: 'api',
      output: status === 'succeeded' ? `${server.url}/files/${p.mode === 'expired' ? 'gone' : p.id}.mp4` : null,
      error:
        status !== 'failed'
          ? null
          : p.clipFailure
            ? p.clipFailure
            : p.mode === 'moderation'
              ? 'The input or output was flagged as sensitive. Please try again with different inputs. (E005)'
              : 'Prediction failed: image must be 16:9 or 9:16 for this model.',
      created_at: new Date(p.createdAt).toISOString(),
      urls: { get: api, cancel: `${api}/cancel`, stream: `${api}/stream`, web: `https://replicate.com/p/${p.id}` },
    };
  };
  const handle = async (r: RecordedRequest): Promise<Reply> => {
    if (r.path === '/files/gone.mp4') return { status: 404, body: { detail: 'Not found' } };
    if (r.headers.authorization !== `Bearer ${REPLICATE_FAKE_KEY}`)
      return problem(401, 'Unauthenticated', 'You did not pass a valid authentication token');
    if (fake.mode === 'throttle')
      return problem(
        429,
        'Too Many Requests',
        `Request was throttled. Expected available in ${fake.retryAfterSec} seconds.`,
        { 'retry-after': String(fake.retryAfterSec) },
      );
    if (r.path === '/v1/account' && r.method === 'GET')
      return { status: 200, body: { type: 'user', username: 'storyboard', name: 'Storyboard', github_url: null } };
    const create = /^\/v1\/models\/([^/]+\/[^/]+)\/predictions$/.exec(r.path);
    if (create && r.method === 'POST') {
      const model = create[1] as string;
      const fields = REPLICATE_FAKE_MODELS[model];
      if (!fields) return problem(404, 'Not found', 'The requested resource could not be found.');
      const input = ((r.body ?? {}) as { input?: Record<string, unknown> }).input;
      if (!input || typeof input.prompt !== 'string')
        return problem(422, 'Input validation failed', '- input: prompt is required');
      for (const [k, v] of Object.entries(input)) {
        if (!fields.includes(k))
          return problem(422, 'Input validation failed', `- input: Additional property ${k} is not allowed`);
        if (
          ['image', 'last_frame', 'last_frame_image'].includes(k) &&
          (typeof v !== 'string' || !/^(data:image\/\w+;base64,|https:\/\/)/.test(v))
        ) {
          return problem(422, 'Input validation failed', `- input.${k}: Does not match format 'uri'`);
        }
      }
      const ruled = model in REPLICATE_MODEL_RULES;
      const bad = replicateInputProblem(model, input);
      if (bad) return problem(422, 'Input validation failed', bad);
      if (!ruled && !Number.isInteger(input.duration))
        return problem(422, 'Input validation failed', '- input.duration: Invalid type. Expected: integer');
      if (fake.loseCreate > 0) {
        fake.loseCreate--;
        return { status: 0, drop: true };
      }
      const id = nextId();
      const clipFailure = await clipFailureOf(model, input);
      const p: Pred = { id, model, input, createdAt: Date.now(), mode: fake.mode, canceled: false, clipFailure };
      preds.set(id, p);
      answered.push(Date.now());
      if (fake.dropCreate > 0) {
        fake.dropCreate--;
        return { status: 0, drop: true };
      }
      return { status: 201, body: view(p, true) };
    }
    if (r.path === '/v1/predictions' && r.method === 'GET') {
      const all = [...preds.values()].sort((a, b) => b.createdAt - a.createdAt);
      const from = Number(r.query.cursor ?? 0);
      const results = all.slice(from, from + fake.pageSize).map((p) => view(p));
      const next =
        from + fake.pageSize < all.length ? `${server.url}/v1/predictions?cursor=${from + fake.pageSize}` : null;
      return { status: 200, body: { next, previous: null, results } };
    }
    const m = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(r.path);
    const p = m ? preds.get(m[1] as string) : undefined;
    if (!m || !p) return problem(404, 'Not found', 'The requested resource could not be found.');
    if (m[2] && r.method === 'POST') {
      p.canceled = true;
      return { status: 200, body: view(p) };
    }
    if (r.method === 'GET') return { status: 200, body: view(p) };
    return problem(405, 'Method not allowed', r.method);
  };
  const server = await startRecordingServer(handle, undefined, () => fake.staleLinks > 0 && fake.staleLinks-- > 0);
  const fake: FakeReplicate = {
    url: `${server.url}/v1`,
    requests: server.requests,
    get creates() {
      return answered.length;
    },
    answeredCreates: (ms) => answered.filter((at) => Date.now() - at >= ms).length,
    createRequests: () =>
      server.requests.filter((q) => q.method === 'POST' && /^\/v1\/models\/.+\/predictions$/.test(q.path)),
    mode: 'normal',
    runMs: opts.runMs ?? 600,
    retryAfterSec: 2,
    staleLinks: 0,
    dropCreate: 0,
    loseCreate: 0,
    pageSize: 100,
    ids: () => [...preds.keys()],
    duplicateLast() {
      const last = [...preds.values()].at(-1);
      if (!last) throw new Error('no prediction to duplicate');
      const id = nextId();
      preds.set(id, { ...last, id, createdAt: Date.now() });
      return id;
    },
    close: () => server.close(),
  };
  return fake;
}
