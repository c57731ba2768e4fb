/**
 * fal.ai's queue API through the official `@fal-ai/client` (providers.md §10a): pictures are
 * uploaded to fal storage first (the SDK's storage client), the model input is POSTed to
 * `queue.fal.run/<endpoint>`, status polled (IN_QUEUE / IN_PROGRESS / COMPLETED — COMPLETED
 * also for a failed request, so the result is read to tell), the result's `video.url`
 * downloaded at once, cancel via the queue. The task id is `<endpoint>|<request_id>`, since
 * status and result URLs need the endpoint. fal has no task listing, so no reconcile.
 */
import { ApiError } from '@fal-ai/client';
import { AppError } from '../../../../shared/errors.js';
import type { AdapterExtras } from '../ports.js';
import type { PollResult, ProviderAdapter } from '../types.js';
import { catalogueCapabilities, catalogueCost, catalogueModel } from './catalogue.js';
import { downloadOutputFresh, type RestProvider } from './cloudRest.js';
import { classifyFal, falClient, falReason, mapFalError } from './fal/client.js';
import { FLAGGED_TEXT } from '../../../../shared/generation/failure.js';
import { checkEditSource } from './fal/klingOmni.js';
import { FAL_CATALOGUE, falInput } from './fal/models.js';
import { uploadToFal } from './fal/upload.js';

const LABEL: RestProvider = {
  label: 'fal.ai',
  envPrefix: 'STORYBOARD_FAL',
  defaultBaseUrl: '',
  headers: () => ({}),
  describeError: () => ({ kind: 'provider', reason: '' }),
};
export function splitFalTask(taskId: string): { endpoint: string; requestId: string } {
  const i = taskId.lastIndexOf('|');
  if (i <= 0) throw new AppError('INVALID_INPUT', `Not a fal.ai task id: ${taskId}`);
  return { endpoint: taskId.slice(0, i), requestId: taskId.slice(i + 1) };
}

interface FalVideoOutput {
  video?: { url?: string };
}

export function createFalProvider(): ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent'>> {
  const provider: ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent'>> = {
    id: 'fal',
    label: 'fal.ai',
    offline: false,
    capabilities: catalogueCapabilities(FAL_CATALOGUE),
    pollPolicy: { initialMs: 5000, maxMs: 20_000, factor: 1.5 },
    maxConcurrent: 2,
    estimateCost: (req) => catalogueCost(FAL_CATALOGUE, req),

    async submit(req, ctx) {
      const m = catalogueModel(FAL_CATALOGUE, req);
      // The clip's length and size against the edit endpoint's limits, before anything is uploaded.
      if (m.family === 'kling-edit') checkEditSource(req, m.label);
      const client = falClient(ctx);
      const first = req.firstFrame
        ? await uploadToFal(ctx, req.firstFrame, `The first frame of shot ${req.shotNumber}`)
        : undefined;
      const last = req.lastFrame
        ? await uploadToFal(ctx, req.lastFrame, `The last frame of shot ${req.shotNumber}`)
        : undefined;
      const refs =
        !first && !last && m.referenceImagesMax > 0 ? (req.references ?? []).slice(0, m.referenceImagesMax) : [];
      const references: string[] = [];
      for (const [i, ref] of refs.entries())
        references.push(await uploadToFal(ctx, ref, `Reference image ${i + 1} of shot ${req.shotNumber}`));
      // A restyle's clip goes to fal storage like the pictures (edit endpoints take `video_url`).
      const video =
        req.sourceVideo && m.videoInput
          ? await uploadToFal(ctx, req.sourceVideo, `The clip to restyle of shot ${req.shotNumber}`)
          : undefined;
      const { endpoint, input } = falInput(m, req, { first, last, references, video });
      try {
        // One attempt (client.ts guards the SDK's own retries): a lost answer stays `unknown`.
        const res = await client.queue.submit(endpoint, { input });
        return { taskId: `${endpoint}|${res.request_id}` };
      } catch (err) {
        throw mapFalError(err, `queue shot ${req.shotNumber}`);
      }
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const { endpoint, requestId } = splitFalTask(taskId);
      const client = falClient(ctx);
      let status: { status: string; queue_position?: number; error?: string; error_type?: string };
      try {
        status = (await client.queue.status(endpoint, { requestId, logs: false })) as typeof status;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404)
          return { state: 'failed', taskLost: true, error: `fal.ai has no request ${requestId}.` };
        throw mapFalError(err, 'read the request status');
      }
      if (status.status !== 'COMPLETED')
        return { state: 'running', progress: status.status === 'IN_PROGRESS' ? 0.5 : 0 };
      if (status.error)
        return {
          state: 'failed',
          error: `fal.ai could not make the video: ${status.error}${status.error_type ? ` (${status.error_type})` : ''}.`,
        };
      // COMPLETED covers failures too: the result answer says which.
      try {
        const r = await client.queue.result(endpoint, { requestId });
        if ((r.data as FalVideoOutput | undefined)?.video?.url) return { state: 'succeeded', progress: 1 };
        return { state: 'failed', error: 'fal.ai finished without a video in its result.' };
      } catch (err) {
        if (err instanceof ApiError && err.status < 500) {
          const info = classifyFal(err.status, err.body);
          const why =
            info.kind !== 'moderation'
              ? 'fal.ai could not make the video'
              : info.flagged
                ? `fal.ai's safety filter flagged ${FLAGGED_TEXT[info.flagged]}`
                : 'fal.ai blocked the content (safety filter)';
          return {
            state: 'failed',
            error: `${why}: ${info.reason || falReason(err.body, err.message).reason}.`,
            ...(info.kind === 'moderation' ? { failureKind: 'moderation' } : {}),
            ...(info.flagged ? { flagged: info.flagged } : {}),
          };
        }
        throw mapFalError(err, 'read the result');
      }
    },

    async fetchResult(taskId, destPath, ctx) {
      const { endpoint, requestId } = splitFalTask(taskId);
      // The result names a fal CDN file, the same URL on every read; files are kept "at least 7
      // days" (https://fal.ai/docs/faq, first-party), so a 403/404 is read again from the
      // request's result and that link tried once more before the job is called expired.
      await downloadOutputFresh(
        LABEL,
        async () => {
          try {
            const r = await falClient(ctx).queue.result(endpoint, { requestId });
            return (r.data as FalVideoOutput | undefined)?.video?.url ?? null;
          } catch (err) {
            throw mapFalError(err, 'read the result');
          }
        },
        destPath,
        ctx,
        taskId,
        `fal.ai no longer has a video for request ${requestId}.`,
        true,
      );
    },

    async cancel(taskId, ctx) {
      const { endpoint, requestId } = splitFalTask(taskId);
      await falClient(ctx)
        .queue.cancel(endpoint, { requestId })
        .catch(() => undefined);
    },

    async ping(ctx) {
      // fal has no free "who am I" call in the queue API: ask the status of a request that does
      // not exist. A bad key answers 401/403; a good one 404 (or 400 for the malformed id).
      const probe = '00000000-0000-0000-0000-000000000000';
      try {
        await falClient(ctx).queue.status('fal-ai/veo3.1', { requestId: probe, logs: false });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400 || err.status === 422)) return;
        throw mapFalError(err, 'test the connection');
      }
    },
  };
  return provider;
}
