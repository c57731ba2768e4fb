/**
 * Runway's task API through the official SDK (@runwayml/sdk; providers.md §3). One task API
 * serves Runway's own Gen-4 models and the Veo 3.1 and Seedance 2 models it resells:
 * POST /v1/text_to_video or /v1/image_to_video -> {id}; GET /v1/tasks/{id} (PENDING,
 * THROTTLED, RUNNING, SUCCEEDED, FAILED, CANCELLED); output[] signed URLs, downloaded at once;
 * DELETE /v1/tasks/{id} cancels. The SDK sends `Authorization: Bearer <key>` and
 * `X-Runway-Version: 2024-11-06`.
 *
 * Creates are never retried (maxRetries 0, design.md §5): Runway takes no client-chosen id and
 * has no task list, so a lost answer cannot be found again (no reconcile); the job stays
 * `unknown` rather than risk paying twice.
 */
import { requireCapable } from './capable.js';
import RunwayML, { toFile } from '@runwayml/sdk';
import { AppError } from '../../../../shared/errors.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import type { FrameRef } from '../../../../shared/generation/request.js';
import { findPrice, priceOf } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import type { AdapterExtras } from '../ports.js';
import type { GenerationRequest, PollPolicy, PollResult, ProviderAdapter, ProviderContext } from '../types.js';
import { buildRunwayCreate, refuseRetired, type RunwayImages } from './runway/body.js';
import { runwayFailureMessage, throwRunwayError } from './runway/errors.js';
import { downloadFreshLink } from './download.js';
import { dataUriSize, readFrame } from './runway/media.js';
import { DEFAULT_RUNWAY_MODEL, runwayCapabilities } from './runway/models.js';
import { flaggedInput } from '../../../../shared/generation/failure.js';
import { readOrNullOn404 } from './http.js';
import { readInputFile } from './imageInput.js';

export const DEFAULT_RUNWAY_URL = 'https://api.dev.runwayml.com';
/** SDK default, sent explicitly so a newer SDK cannot change the wire format under us. */
export const RUNWAY_VERSION = '2024-11-06';
/** Data URIs: "up to 5MB" (SDK field docs; docs.dev.runwayml.com/assets/inputs). */
// Decimal megabytes: the stricter reading of "5MB".
const DATA_URI_MAX = 5_000_000;
const UPLOAD_MAX = 200_000_000;

/** A request that may carry reference pictures (Seedance 2 on Runway). */
type RequestWithRefs = GenerationRequest & { references?: readonly FrameRef[] };

export interface RunwayOptions {
  /** Default: poll every 5-30 s (Runway: "no updates more frequent than once every five seconds"). */
  pollPolicy?: PollPolicy;
  /** Tier concurrency is 1-20 (over it tasks wait as THROTTLED, not rejected); default 2. */
  maxConcurrent?: number;
}

export type RunwayProvider = ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent'>>;

const base = (ctx: ProviderContext): string => ctx.settings.baseUrl?.trim().replace(/\/+$/, '') || DEFAULT_RUNWAY_URL;

function client(ctx: ProviderContext, maxRetries: number): RunwayML {
  const apiKey = ctx.settings.apiKey?.trim();
  if (!apiKey) {
    throw new AppError(
      'PROVIDER_FAILED',
      'Runway needs an API key: add it in settings (or STORYBOARD_RUNWAY_API_KEY).',
      { failureKind: 'auth', missingKey: true },
    );
  }
  return new RunwayML({ apiKey, baseURL: base(ctx), runwayVersion: RUNWAY_VERSION, maxRetries, timeout: 60_000 });
}

/**
 * A frame as Runway takes it: a data URI up to 5 MB, else uploaded first (POST /v1/uploads,
 * then the multipart POST to the returned uploadUrl; SDK uploads.createEphemeral) and sent as
 * its runway:// URI (valid 24 h; uploads up to 200 MB: docs.dev.runwayml.com/assets/uploads).
 */
async function frameUri(ctx: ProviderContext, frame: FrameRef, what: string): Promise<string> {
  const { bytes, type } = await readFrame(frame, what);
  if (dataUriSize(bytes.length, type) <= DATA_URI_MAX) return `data:${type};base64,${bytes.toString('base64')}`;
  return upload(ctx, bytes, `storyboard-${frame.assetId}.${type.split('/')[1]}`, type, what, frame.path);
}

/** An ephemeral upload (POST /v1/uploads, then the presigned POST) of a local file: its runway:// URI. */
async function upload(
  ctx: ProviderContext,
  bytes: Buffer,
  name: string,
  type: string,
  what: string,
  path: string,
): Promise<string> {
  if (bytes.length > UPLOAD_MAX) {
    throw new AppError(
      'INVALID_INPUT',
      `The ${what} is ${(bytes.length / 1e6).toFixed(0)} MB; Runway takes files up to 200 MB: ${path}`,
      { path },
    );
  }
  try {
    const file = await toFile(bytes, name, { type });
    return (await client(ctx, 2).uploads.createEphemeral({ file })).uri;
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Nothing was created yet, so a failed upload is a plain failure (never `unknown`).
    try {
      throwRunwayError(err, `upload the ${what}`, base(ctx));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('PROVIDER_FAILED', (e as Error).message, { upload: true });
    }
  }
}

/**
 * The clip a restyle edits, as Runway takes a video: a data URI up to 5 MB (SDK video-to-video
 * `videoUri` "data URI … up to 5MB"; the inputs page allows 16 MB, the stricter one is kept), else
 * an ephemeral upload (up to 200 MB). MP4 or QuickTime by their `ftyp` box, else INVALID_INPUT.
 */
async function videoUri(ctx: ProviderContext, req: GenerationRequest): Promise<string | null> {
  const src = req.sourceVideo;
  if (!src) return null;
  const what = `clip to restyle in shot ${req.shotNumber}`;
  const bytes = await readInputFile(src.path, `The ${what}`);
  if (bytes.subarray(4, 8).toString('latin1') !== 'ftyp')
    throw new AppError('INVALID_INPUT', `The ${what} is not an MP4 or MOV video: ${src.path}`, { path: src.path });
  const type = bytes.subarray(8, 12).toString('latin1') === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  if (dataUriSize(bytes.length, type) <= DATA_URI_MAX) return `data:${type};base64,${bytes.toString('base64')}`;
  return upload(ctx, bytes, `storyboard-${src.assetId}.${type === 'video/mp4' ? 'mp4' : 'mov'}`, type, what, src.path);
}

async function encodeImages(req: RequestWithRefs, ctx: ProviderContext): Promise<RunwayImages> {
  const n = req.shotNumber;
  return {
    video: await videoUri(ctx, req),
    first: req.firstFrame ? await frameUri(ctx, req.firstFrame, `first frame of shot ${n}`) : null,
    last: req.lastFrame ? await frameUri(ctx, req.lastFrame, `last frame of shot ${n}`) : null,
    references: await Promise.all(
      (req.references ?? []).map((r, i) => frameUri(ctx, r, `reference image ${i + 1} of shot ${n}`)),
    ),
  };
}

interface RunwayTask {
  id: string;
  status: string;
  progress?: number;
  failure?: string;
  failureCode?: string;
  output?: string[];
}

export function pollFromRunwayTask(task: RunwayTask): PollResult {
  switch (task.status) {
    case 'SUCCEEDED':
      return { state: 'succeeded', progress: 1 };
    case 'FAILED':
      return {
        state: 'failed',
        error: runwayFailureMessage(task.failure, task.failureCode),
        // SAFETY.* is moderation; SAFETY.INPUT.TEXT / .IMAGE / SAFETY.OUTPUT name what (failure.ts flaggedInput).
        ...(task.failureCode?.startsWith('SAFETY') ? { failureKind: 'moderation' } : {}),
        ...(task.failureCode?.startsWith('SAFETY') && flaggedInput(task.failureCode)
          ? { flagged: flaggedInput(task.failureCode) ?? undefined }
          : {}),
      };
    case 'CANCELLED':
      return { state: 'failed', error: 'The task was cancelled or deleted at Runway.' };
    case 'RUNNING':
      return { state: 'running', progress: typeof task.progress === 'number' ? task.progress : 0 };
    default:
      // PENDING, and THROTTLED (over the tier's concurrency: queued at Runway, not rejected).
      return { state: 'running', progress: 0 };
  }
}

export function createRunwayProvider(opts: RunwayOptions = {}): RunwayProvider {
  const capabilities = runwayCapabilities();

  const retrieve = (taskId: string, ctx: ProviderContext, what: string): Promise<RunwayTask | null> =>
    readOrNullOn404(
      async () => (await client(ctx, 2).tasks.retrieve(taskId, { signal: ctx.signal })) as unknown as RunwayTask,
      (err) => throwRunwayError(err, what, base(ctx)),
    );

  return {
    id: 'runway',
    label: 'Runway',
    offline: false,
    capabilities,
    pollPolicy: opts.pollPolicy ?? { initialMs: 5000, maxMs: 30_000, factor: 1.5 },
    maxConcurrent: opts.maxConcurrent ?? 2,

    estimateCost(req) {
      const model = req.model ?? DEFAULT_RUNWAY_MODEL;
      const durations = modelCapabilities(capabilities, model).durations;
      // A restyle is billed per second of output, which is as long as the source clip.
      const seconds = Math.round(req.sourceVideo?.durationSec ?? req.durationSec);
      return (
        priceOf(PRICES, 'runway', model, seconds, durations) ?? findPrice(PRICES, 'runway', null)?.perSecond ?? null // price unknown, never free
      );
    },

    async submit(req, ctx) {
      refuseRetired(req);
      requireCapable('Runway', capabilities, req);
      const sdk = client(ctx, 0);
      // Encoded and checked before anything is sent: a bad picture is INVALID_INPUT, nothing paid.
      const { endpoint, body } = buildRunwayCreate(req, await encodeImages(req, ctx));
      const what = `create the task for shot ${req.shotNumber}`;
      try {
        // No signal: cutting a create mid-flight would leave its outcome unknown.
        const res =
          endpoint === 'text_to_video'
            ? await sdk.textToVideo.create(body as unknown as Parameters<RunwayML['textToVideo']['create']>[0])
            : endpoint === 'video_to_video'
              ? await sdk.videoToVideo.create(body as unknown as Parameters<RunwayML['videoToVideo']['create']>[0])
              : await sdk.imageToVideo.create(body as unknown as Parameters<RunwayML['imageToVideo']['create']>[0]);
        if (!res?.id) throw new Error(`Runway answered the create for shot ${req.shotNumber} without a task id.`);
        return { taskId: res.id };
      } catch (err) {
        return throwRunwayError(err, what, base(ctx));
      }
    },

    async poll(taskId, ctx) {
      const task = await retrieve(taskId, ctx, `check task ${taskId}`);
      if (!task) {
        return {
          state: 'failed',
          taskLost: true,
          error: `Runway no longer knows task ${taskId} (deleted or expired). It was not created again automatically.`,
        };
      }
      return pollFromRunwayTask(task);
    },

    async fetchResult(taskId, destPath, ctx) {
      // Output URLs are signed and expire (24-48 h, Runway API reference "Get task detail"); each
      // task read signs them afresh, so an expired link is read again before the job is expired.
      await downloadFreshLink(
        async () => {
          const task = await retrieve(taskId, ctx, `read task ${taskId}`);
          return (task?.status === 'SUCCEEDED' ? task.output?.[0] : undefined) ?? null;
        },
        destPath,
        { label: 'Runway', taskId, ...(ctx.signal ? { signal: ctx.signal } : {}) },
        () =>
          new AppError(
            'PROVIDER_FAILED',
            `Runway no longer has the output of task ${taskId} (deleted or expired); generate the shot again.`,
            { expired: true, failureKind: 'expired', taskId },
          ),
      );
    },

    async cancel(taskId, ctx) {
      try {
        // Cancels a pending/running task; deletes a finished one (SDK tasks.ts).
        await client(ctx, 0).tasks.delete(taskId);
      } catch (err) {
        if ((err as { status?: number }).status === 404) return;
        throwRunwayError(err, `cancel task ${taskId}`, base(ctx));
      }
    },

    async ping(ctx) {
      try {
        // GET /v1/organization: free, needs a valid key (credit balance and tier).
        await client(ctx, 0).organization.retrieve({ signal: ctx.signal });
      } catch (err) {
        throwRunwayError(err, 'test the connection', base(ctx));
      }
    },
  };
}
