/**
 * A fake Volcengine Ark / BytePlus ModelArk video task API, from providers.md §9:
 * POST /contents/generations/tasks -> {id:"cgt-…"}; GET /contents/generations/tasks/{id} ->
 * {id, model, status: queued|running|succeeded|failed|cancelled, content:{video_url}, error};
 * GET /contents/generations/tasks?page_num&page_size&filter.model&filter.status -> {items, total}
 * (volcengine-python-sdk content_generation tasks.list; items as the single task, with `seed`
 * and epoch-second `created_at`); DELETE /contents/generations/tasks/{id} (cancel).
 * Auth `Authorization: Bearer <key>`; errors `{error:{code,message}}`. Every request recorded.
 * Modes: normal, slow (runs long), fail (task fails with a reason), moderation (create refused
 * with InputTextSensitiveContentDetected), throttle (429 + Retry-After), expired (video 404);
 * dropCreate (the next N creates are made, then the connection is cut), loseCreate (cut first).
 */
import { arkRefusal, type ArkRegion } from './seedanceRules.js';
import { elapsed, startRecordingServer, type FakeMode, type RecordedRequest, type Reply } from './recordingHttp.js';

export const SEEDANCE_FAKE_KEY = 'test-key';

interface Task {
  id: string;
  model: string;
  seed: number;
  createdAt: number;
  cancelled: boolean;
  mode: FakeMode;
}

export interface FakeSeedance {
  url: string;
  requests: RecordedRequest[];
  /** Creates the fake accepted and answered (the "paid" ones). */
  readonly creates: number;
  /** Creates answered at least `ms` ago (the client has had time to store the task id). */
  answeredCreates(ms: number): number;
  mode: FakeMode;
  runMs: number;
  retryAfterSec: number;
  createRequests(): RecordedRequest[];
  dropCreate: number;
  loseCreate: number;
  /** Ids of the tasks the fake made, oldest first. */
  ids(): string[];
  /** Another task with the same model and seed as the newest one; returns its id. */
  duplicateLast(): string;
  close(): Promise<void>;
}

/** The seed a create asks for (2.0: `seed` field; 1.0: `--seed N` in the text), else Ark's own. */
function seedOf(b: { seed?: unknown; content?: { type?: string; text?: string }[] }): number {
  if (typeof b.seed === 'number') return b.seed;
  const flag = /--seed (-?\d+)/.exec(b.content?.find((c) => c.type === 'text')?.text ?? '');
  return flag ? Number(flag[1]) : Math.floor(Math.random() * 2 ** 31);
}

const err = (status: number, code: string, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { error: { code, message, param: '', type: code } },
  headers,
});

/** `region`: which Ark the fake is (its model ids and rules: seedanceRules.ts); BytePlus by default. */
export async function startFakeSeedance(opts: { runMs?: number; region?: ArkRegion } = {}): Promise<FakeSeedance> {
  const tasks = new Map<string, Task>();
  const answered: number[] = [];
  let n = 0;
  const view = (t: Task, base: string): Record<string, unknown> => {
    const age = elapsed(t.createdAt);
    const runMs = t.mode === 'slow' ? 60 * 60_000 : fake.runMs;
    const status = t.cancelled
      ? 'cancelled'
      : age < runMs / 3
        ? 'queued'
        : age < runMs
          ? 'running'
          : t.mode === 'fail'
            ? 'failed'
            : 'succeeded';
    return {
      id: t.id,
      model: t.model,
      status,
      seed: t.seed,
      created_at: Math.floor(t.createdAt / 1000),
      updated_at: Math.floor(Date.now() / 1000),
      ...(status === 'succeeded'
        ? { content: { video_url: `${base}/files/${t.mode === 'expired' ? 'gone' : t.id}.mp4` } }
        : {}),
      ...(status === 'failed'
        ? {
            error: {
              code: 'OutputVideoSensitiveContentDetected',
              message: 'The generated video may contain sensitive content.',
            },
          }
        : {}),
    };
  };
  const handle = (r: RecordedRequest): Reply => {
    if (r.path === '/files/gone.mp4') return { status: 404, body: { error: 'expired' } };
    if (r.headers.authorization !== `Bearer ${SEEDANCE_FAKE_KEY}`)
      return err(401, 'AuthenticationError', 'The API key in the request is missing or invalid.');
    if (fake.mode === 'throttle')
      return err(429, 'RateLimitExceeded.EndpointRPMExceeded', 'Request rate limit exceeded.', {
        'retry-after': String(fake.retryAfterSec),
      });
    const base = server.url;
    if (r.path === '/api/v3/contents/generations/tasks' && r.method === 'POST') {
      const b = (r.body ?? {}) as {
        model?: string;
        content?: { type?: string; text?: string; role?: string; image_url?: { url?: string } }[];
      };
      const refused = arkRefusal(opts.region ?? 'intl', (r.body ?? {}) as Record<string, unknown>);
      if (refused) return err(refused.status, refused.code, refused.message);
      if (fake.mode === 'moderation')
        return err(
          400,
          'InputTextSensitiveContentDetected',
          'The request failed because the input text may contain sensitive information.',
        );
      if (fake.loseCreate > 0) {
        fake.loseCreate--;
        return { status: 0, drop: true };
      }
      const id = `cgt-2026${String(++n).padStart(8, '0')}`;
      tasks.set(id, {
        id,
        model: String(b.model),
        seed: seedOf(b as Parameters<typeof seedOf>[0]),
        createdAt: Date.now(),
        cancelled: false,
        mode: fake.mode,
      });
      answered.push(Date.now());
      if (fake.dropCreate > 0) {
        fake.dropCreate--;
        return { status: 0, drop: true };
      }
      return { status: 200, body: { id } };
    }
    if (r.path === '/api/v3/contents/generations/tasks' && r.method === 'GET') {
      const size = Number(r.query.page_size ?? 10);
      const num = Number(r.query.page_num ?? 1);
      if (!(size >= 1 && size <= 500 && num >= 1 && num <= 500))
        return err(400, 'InvalidParameter', 'page_num and page_size must be in [1, 500]');
      const model = r.query['filter.model'];
      const status = r.query['filter.status'];
      const items = [...tasks.values()]
        .reverse()
        .map((t) => view(t, base))
        .filter((t) => (!model || t.model === model) && (!status || t.status === status));
      return { status: 200, body: { items: items.slice((num - 1) * size, num * size), total: items.length } };
    }
    const m = /^\/api\/v3\/contents\/generations\/tasks\/([^/]+)$/.exec(r.path);
    const t = m ? tasks.get(decodeURIComponent(m[1] as string)) : undefined;
    if (m && !t) return err(404, 'ResourceNotFound', 'The specified task does not exist.');
    if (t && r.method === 'GET') return { status: 200, body: view(t, base) };
    if (t && r.method === 'DELETE') {
      t.cancelled = true;
      return { status: 200, body: {} };
    }
    return err(404, 'NotFound', `No route ${r.method} ${r.path}`);
  };
  const server = await startRecordingServer(handle);
  const fake: FakeSeedance = {
    url: `${server.url}/api/v3`,
    requests: server.requests,
    get creates() {
      return answered.length;
    },
    answeredCreates: (ms) => answered.filter((at) => Date.now() - at >= ms).length,
    mode: 'normal',
    runMs: opts.runMs ?? 600,
    retryAfterSec: 2,
    createRequests: () =>
      server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/contents/generations/tasks')),
    dropCreate: 0,
    loseCreate: 0,
    ids: () => [...tasks.keys()],
    duplicateLast() {
      const last = [...tasks.values()].at(-1);
      if (!last) throw new Error('no task to duplicate');
      const id = `cgt-2026${String(++n).padStart(8, '0')}`;
      tasks.set(id, { ...last, id, createdAt: Date.now() });
      return id;
    },
    close: () => server.close(),
  };
  return fake;
}
