/**
 * A fake fal.ai reached the way `@fal-ai/client` reaches a proxy (providers.md §10a): every SDK
 * request arrives at `<url>` with the real fal URL in `x-fal-target-url`; the storage PUT goes
 * to the `upload_url` this fake hands out. Implements, from fal's docs and the SDK source:
 * POST rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3 -> {upload_url, file_url};
 * POST queue.fal.run/<endpoint> -> {request_id, response_url, status_url, cancel_url, status};
 * GET …/requests/<id>/status (202 while queued/running, 200 COMPLETED); GET …/requests/<id>
 * (the output, or a 422 with `detail[]`); PUT …/requests/<id>/cancel. Auth `Key <key>`.
 * Modes: normal, slow, fail (422 detail), moderation (422 content_policy_violation), throttle
 * (429 + Retry-After on submit), expired (video URL 404); `staleLinks`: the next N output
 * downloads 404 (fal answers the same CDN link on every read). An uploaded clip is read with the
 * system ffprobe (length, size, frame rate) and checked against the edit endpoint's file limits
 * (falRules.ts FAL_CLIP_LIMITS) when a request names it, as fal's own file validation does.
 */
import { probeClip, type ClipFacts } from './clipProbe.js';
import { falClipProblem, falSchemaProblem } from './falRules.js';
import { elapsed, startRecordingServer, type FakeMode, type RecordedRequest, type Reply } from './recordingHttp.js';

export const FAL_FAKE_KEY = 'test-key';

/** Endpoint -> required input fields (fal's schemas, llms.txt pages). */
export const FAL_FAKE_ENDPOINTS: Record<string, string[]> = {
  'fal-ai/veo3.1': ['prompt'],
  'fal-ai/veo3.1/image-to-video': ['prompt', 'image_url'],
  'fal-ai/veo3.1/first-last-frame-to-video': ['prompt', 'first_frame_url', 'last_frame_url'],
  'fal-ai/veo3.1/reference-to-video': ['prompt', 'image_urls'],
  'fal-ai/veo3.1/fast': ['prompt'],
  'fal-ai/veo3.1/fast/image-to-video': ['prompt', 'image_url'],
  'fal-ai/veo3.1/fast/first-last-frame-to-video': ['prompt', 'first_frame_url', 'last_frame_url'],
  'fal-ai/kling-video/v2.5-turbo/pro/text-to-video': ['prompt'],
  'fal-ai/kling-video/v2.5-turbo/pro/image-to-video': ['prompt', 'image_url'],
  'fal-ai/kling-video/v2.1/pro/image-to-video': ['prompt', 'image_url'],
  'fal-ai/kling-video/o1/standard/image-to-video': ['prompt', 'start_image_url'],
  'fal-ai/kling-video/o1/standard/reference-to-video': ['prompt'],
  'fal-ai/kling-video/o3/standard/text-to-video': ['prompt'],
  'fal-ai/kling-video/o3/standard/image-to-video': ['image_url'],
  'fal-ai/kling-video/o3/standard/reference-to-video': [],
  'fal-ai/kling-video/o3/pro/video-to-video/edit': ['prompt', 'video_url'],
  'fal-ai/kling-video/o3/pro/text-to-video': [],
  'fal-ai/kling-video/o3/pro/image-to-video': ['image_url'],
  'fal-ai/kling-video/o3/pro/reference-to-video': [],
  'fal-ai/kling-video/o3/4k/text-to-video': [],
  'fal-ai/kling-video/o3/4k/image-to-video': ['image_url'],
  'fal-ai/kling-video/o3/4k/reference-to-video': [],
  'fal-ai/kling-video/o1/video-to-video/edit': ['prompt', 'video_url'],
  'fal-ai/flux-pro/kontext/multi': ['prompt', 'image_urls'],
  'fal-ai/flux-pro/kontext/text-to-image': ['prompt'],
};

/** Endpoints whose output is `images[]` (fal's Image objects), not `video`. */
export const FAL_IMAGE_ENDPOINTS = new Set(['fal-ai/flux-pro/kontext/multi', 'fal-ai/flux-pro/kontext/text-to-image']);

interface Req {
  id: string;
  appPath: string;
  endpoint: string;
  createdAt: number;
  mode: FakeMode;
  cancelled: boolean;
}

/** A request as the fake saw it: the real fal URL it was meant for. */
export interface FalSeen extends RecordedRequest {
  target: URL | null;
}

export interface FakeFal {
  /** The proxy URL (STORYBOARD_FAL_BASE_URL). */
  url: string;
  requests: RecordedRequest[];
  seen(): FalSeen[];
  readonly creates: number;
  answeredCreates(ms: number): number;
  /** Uploaded files: file_url -> bytes. */
  uploads: Map<string, number>;
  mode: FakeMode;
  runMs: number;
  retryAfterSec: number;
  /** The next N output downloads answer 404 (the same link works again after). */
  staleLinks: number;
  close(): Promise<void>;
}

const detail = (status: number, msg: string, type: string, loc = ['body', 'prompt']): Reply => ({
  status,
  body: { detail: [{ loc, msg, type }] },
});

export async function startFakeFal(opts: { runMs?: number } = {}): Promise<FakeFal> {
  const reqs = new Map<string, Req>();
  const answered: number[] = [];
  const pendingUploads = new Map<string, string>();
  const uploads = new Map<string, number>();
  /** Uploaded clips: file_url -> what ffprobe read. */
  const clips = new Map<string, ClipFacts>();
  let n = 0;
  const target = (r: RecordedRequest): URL | null => {
    const t = r.headers['x-fal-target-url'];
    return typeof t === 'string' ? new URL(t) : null;
  };
  const handle = async (r: RecordedRequest): Promise<Reply> => {
    if (r.path.startsWith('/files/gone.')) return { status: 404, body: { detail: 'Not Found' } };
    const up = /^\/upload\/(\d+)$/.exec(r.path);
    if (up && r.method === 'PUT') {
      const fileUrl = pendingUploads.get(up[1] as string);
      if (!fileUrl) return { status: 403, body: { detail: 'upload URL expired' } };
      uploads.set(fileUrl, r.size);
      const type = String(r.headers['content-type'] ?? '');
      const facts = type.startsWith('video/') && r.bytes ? await probeClip(r.bytes) : null;
      if (facts) clips.set(fileUrl, facts);
      return { status: 200, body: {} };
    }
    const t = target(r);
    if (r.path !== '/fal-proxy' || !t) return { status: 404, body: { detail: `no route ${r.method} ${r.path}` } };
    if (r.headers.authorization !== `Key ${FAL_FAKE_KEY}`) return { status: 401, body: { detail: 'Invalid API key' } };
    if (t.host === 'rest.fal.ai' && t.pathname === '/storage/upload/initiate' && r.method === 'POST') {
      const b = r.body as { content_type?: string; file_name?: string };
      const id = String(++n);
      const fileUrl = `https://v3.fal.media/files/fake/${id}-${b.file_name ?? 'file'}`;
      pendingUploads.set(id, fileUrl);
      return { status: 200, body: { upload_url: `${server.url}/upload/${id}`, file_url: fileUrl } };
    }
    if (t.host !== 'queue.fal.run') return { status: 404, body: { detail: `unknown host ${t.host}` } };
    const path = t.pathname.replace(/^\//, '');
    if (r.method === 'POST') {
      const need = FAL_FAKE_ENDPOINTS[path];
      if (!need) return { status: 404, body: { detail: `Application '${path}' not found` } };
      if (fake.mode === 'throttle')
        return {
          status: 429,
          body: { detail: 'Rate limit exceeded' },
          headers: { 'retry-after': String(fake.retryAfterSec) },
        };
      const input = (r.body ?? {}) as Record<string, unknown>;
      for (const f of need) if (input[f] === undefined) return detail(422, 'field required', 'missing', ['body', f]);
      // Every field and value against the endpoint's own schema (falRules.ts).
      const bad = falSchemaProblem(path, input);
      if (bad) return detail(422, bad[1], bad[2], ['body', bad[0]]);
      for (const [k, v] of Object.entries(input)) {
        if (k.endsWith('_url') && (typeof v !== 'string' || !uploads.has(v)))
          return detail(422, `${k} must be an uploaded file URL`, 'value_error', ['body', k]);
        if (k.endsWith('_urls') && (!Array.isArray(v) || !v.every((u) => typeof u === 'string' && uploads.has(u))))
          return detail(422, `${k} must be uploaded file URLs`, 'value_error', ['body', k]);
        // fal's file validation: an edit endpoint's clip within its length, size and frame rate.
        const clip = typeof v === 'string' ? clips.get(v) : undefined;
        const refused = clip ? falClipProblem(path, k, clip) : null;
        if (refused) return { status: 422, body: { detail: [refused] } };
      }
      const id = `${String(++n).padStart(8, '0')}-fa1a-4c0e-9b8a-000000000000`;
      const app = path.split('/').slice(0, 2).join('/');
      reqs.set(id, { id, appPath: app, endpoint: path, createdAt: Date.now(), mode: fake.mode, cancelled: false });
      answered.push(Date.now());
      const base = `https://queue.fal.run/${app}/requests/${id}`;
      return {
        status: 200,
        body: {
          request_id: id,
          response_url: base,
          status_url: `${base}/status`,
          cancel_url: `${base}/cancel`,
          status: 'IN_QUEUE',
          queue_position: 0,
        },
      };
    }
    const m = /^(.+?\/.+?)\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(path);
    const q = m ? reqs.get(m[2] as string) : undefined;
    if (!m || !q || q.appPath !== m[1]) return { status: 404, body: { detail: 'Request not found' } };
    const age = elapsed(q.createdAt);
    const runMs = q.mode === 'slow' ? 60 * 60_000 : fake.runMs;
    if (m[3] === '/cancel' && r.method === 'PUT') {
      q.cancelled = true;
      return { status: 202, body: { status: 'CANCELLATION_REQUESTED' } };
    }
    if (m[3] === '/status') {
      if (q.cancelled)
        return {
          status: 200,
          body: { status: 'COMPLETED', logs: [], error: 'Request was cancelled', error_type: 'cancelled' },
        };
      if (age < runMs / 3)
        return {
          status: 202,
          body: {
            status: 'IN_QUEUE',
            queue_position: 1,
            response_url: `https://queue.fal.run/${q.appPath}/requests/${q.id}`,
          },
        };
      if (age < runMs) return { status: 202, body: { status: 'IN_PROGRESS', logs: [] } };
      return { status: 200, body: { status: 'COMPLETED', logs: [], metrics: { inference_time: runMs / 1000 } } };
    }
    if (age < runMs) return { status: 400, body: { detail: 'Request is still in progress' } };
    if (q.mode === 'fail')
      return detail(422, 'Image too small: the image must be at least 300 pixels on each side.', 'value_error', [
        'body',
        'image_url',
      ]);
    if (q.mode === 'moderation')
      return detail(
        422,
        'The content could not be processed because it contained material flagged by a content checker.',
        'content_policy_violation',
      );
    if (FAL_IMAGE_ENDPOINTS.has(q.endpoint))
      return {
        status: 200,
        body: {
          images: [
            {
              url: `${server.url}/files/${q.mode === 'expired' ? 'gone' : q.id}.png`,
              content_type: 'image/png',
              width: 1280,
              height: 720,
            },
          ],
          seed: 1,
          has_nsfw_concepts: [false],
          prompt: '',
        },
      };
    return {
      status: 200,
      body: {
        video: { url: `${server.url}/files/${q.mode === 'expired' ? 'gone' : q.id}.mp4`, content_type: 'video/mp4' },
      },
    };
  };
  const server = await startRecordingServer(handle, undefined, () => fake.staleLinks > 0 && fake.staleLinks-- > 0);
  const fake: FakeFal = {
    url: `${server.url}/fal-proxy`,
    requests: server.requests,
    seen: () => server.requests.map((r) => ({ ...r, target: target(r) })),
    get creates() {
      return answered.length;
    },
    answeredCreates: (ms) => answered.filter((at) => Date.now() - at >= ms).length,
    uploads,
    mode: 'normal',
    runMs: opts.runMs ?? 600,
    retryAfterSec: 2,
    staleLinks: 0,
    close: () => server.close(),
  };
  return fake;
}

/** The environment that points the built CLI at this fake, with its own config folder. */
export function falCliEnv(fal: FakeFal, configDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    STORYBOARD_CONFIG_DIR: configDir,
    STORYBOARD_FAL_BASE_URL: fal.url,
    STORYBOARD_FAL_API_KEY: FAL_FAKE_KEY,
  };
}
