/**
 * Replicate through the official `replicate` SDK (providers.md §10b): official video models run
 * with `POST /models/{owner}/{name}/predictions` `{input}`, polled with `GET /predictions/{id}`
 * (starting / processing / succeeded / failed / canceled / aborted), the output URI downloaded
 * at once, cancel with `POST /predictions/{id}/cancel`, "test connection" with `GET /account`.
 * Pictures go inline as data URIs (the SDK's `data-uri` encoding; Replicate takes up to ~10 MB).
 * A create whose answer was lost is looked for in `GET /predictions` (replicate/reconcile.ts).
 */
import { stat } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors.js';
import type { FrameRef } from '../../../../shared/generation/request.js';
import type { AdapterExtras } from '../ports.js';
import type { PollResult, ProviderAdapter, ProviderContext } from '../types.js';
import { catalogueCapabilities, catalogueCost, catalogueModel } from './catalogue.js';
import { downloadOutputFresh, type RestProvider } from './cloudRest.js';
import { imageDataUri } from './imageInput.js';
import { classifyReplicate, mapReplicateError, replicateClient } from './replicate/client.js';
import { checkKlingOmniSource } from './replicate/editModels.js';
import { REPLICATE_CATALOGUE, replicateInput } from './replicate/models.js';
import { reconcileReplicate, type ReplicateListPage } from './replicate/reconcile.js';

const LABEL: RestProvider = {
  label: 'Replicate',
  envPrefix: 'STORYBOARD_REPLICATE',
  defaultBaseUrl: '',
  headers: () => ({}),
  describeError: () => ({ kind: 'provider', reason: '' }),
};
/** Base64 grows 4/3; Replicate's data-URI inputs are limited to about 10 MB in total. */
const MAX_INLINE_BYTES = 7 * 1024 * 1024;

async function inline(frame: Pick<FrameRef, 'path'>, what: string, kind = 'pictures'): Promise<string> {
  const size = (await stat(frame.path).catch(() => null))?.size ?? 0;
  if (size > MAX_INLINE_BYTES) {
    throw new AppError(
      'INVALID_INPUT',
      `${what} is ${(size / 1048576).toFixed(1)} MB; Replicate takes ${kind} up to about 7 MB inline. Use a smaller ${kind === 'pictures' ? 'image' : 'clip'}.`,
      { path: frame.path },
    );
  }
  return imageDataUri(frame.path, what);
}

interface Prediction {
  id: string;
  status: string;
  output?: unknown;
  error?: unknown;
  /** Inputs and outputs removed (API predictions after an hour). */
  data_removed?: boolean;
}

const outputUrl = (p: Prediction): string | undefined =>
  typeof p.output === 'string'
    ? p.output
    : Array.isArray(p.output) && typeof p.output[0] === 'string'
      ? p.output[0]
      : undefined;

async function getPrediction(id: string, ctx: ProviderContext): Promise<Prediction | null> {
  try {
    return (await replicateClient(ctx).predictions.get(id)) as Prediction;
  } catch (err) {
    const e = mapReplicateError(err, 'read the prediction');
    if (e instanceof AppError && (e.details as { status?: number } | undefined)?.status === 404) return null;
    throw e;
  }
}

const DEFAULT_BASE = 'https://api.replicate.com/v1';

/** One list page; a `next` URL on another origin than our base is refused (our token would go there). */
async function listPage(ctx: ProviderContext, url?: string): Promise<ReplicateListPage> {
  const client = replicateClient(ctx);
  if (!url) return (await client.predictions.list()) as ReplicateListPage;
  if (new URL(url).origin !== new URL(ctx.settings.baseUrl?.trim() || DEFAULT_BASE).origin)
    throw new Error(`Replicate listed a next page on another host: ${url}`);
  return (await (await client.request(url, { method: 'GET' })).json()) as ReplicateListPage;
}

export function createReplicateProvider(): ProviderAdapter &
  Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent' | 'reconcile'>> {
  return {
    id: 'replicate',
    label: 'Replicate',
    offline: false,
    capabilities: catalogueCapabilities(REPLICATE_CATALOGUE),
    pollPolicy: { initialMs: 5000, maxMs: 20_000, factor: 1.5 },
    maxConcurrent: 2,
    estimateCost: (req) => catalogueCost(REPLICATE_CATALOGUE, req),

    async submit(req, ctx) {
      const m = catalogueModel(REPLICATE_CATALOGUE, req);
      if (m.family === 'kling-omni') checkKlingOmniSource(req, m.label);
      // A restyle's clip inline, like the pictures (editModels.ts).
      const video =
        req.sourceVideo && m.videoInput
          ? await inline(req.sourceVideo, `The clip to restyle of shot ${req.shotNumber}`, 'clips')
          : undefined;
      // With a clip to restyle the clip is the start (Kling Omni's base mode takes no frames or references).
      const first =
        req.firstFrame && !video
          ? await inline(req.firstFrame, `The first frame of shot ${req.shotNumber}`)
          : undefined;
      const last =
        req.lastFrame && !video ? await inline(req.lastFrame, `The last frame of shot ${req.shotNumber}`) : undefined;
      const refs = !first && !last && !video ? (req.references ?? []).slice(0, m.referenceImagesMax) : [];
      const references: string[] = [];
      for (const [i, ref] of refs.entries())
        references.push(await inline(ref, `Reference image ${i + 1} of shot ${req.shotNumber}`));
      const client = replicateClient(ctx);
      try {
        const p = await client.predictions.create({
          model: m.id,
          input: replicateInput(m, req, { first, last, references, video }),
        });
        return { taskId: p.id };
      } catch (err) {
        throw mapReplicateError(err, `create the prediction for shot ${req.shotNumber}`);
      }
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const p = await getPrediction(taskId, ctx);
      if (!p) return { state: 'failed', taskLost: true, error: `Replicate has no prediction ${taskId}.` };
      switch (p.status) {
        case 'succeeded':
          return outputUrl(p)
            ? { state: 'succeeded', progress: 1 }
            : { state: 'failed', error: 'Replicate finished without a video in the output.' };
        case 'failed': {
          const reason = typeof p.error === 'string' ? p.error : JSON.stringify(p.error ?? 'no reason given');
          // E005 "The input or output was flagged as sensitive" does not say which: no flagged input.
          const moderation = classifyReplicate(200, reason) === 'moderation';
          const why = moderation
            ? 'Replicate blocked the content (safety filter)'
            : 'Replicate could not make the video';
          return { state: 'failed', error: `${why}: ${reason}`, ...(moderation ? { failureKind: 'moderation' } : {}) };
        }
        case 'canceled':
        case 'aborted':
          return { state: 'failed', error: `The Replicate prediction was ${p.status}.` };
        default:
          return { state: 'running', progress: p.status === 'processing' ? 0.5 : 0 };
      }
    },

    async fetchResult(taskId, destPath, ctx) {
      // An API prediction's output files are removed after an hour
      // (https://replicate.com/docs/topics/predictions/data-retention, first-party); its output
      // URL is the same on every read. A 403/404 reads the prediction again: still listed (not
      // `data_removed`), the link is tried once more; removed, the job is expired.
      await downloadOutputFresh(
        LABEL,
        async () => {
          const p = await getPrediction(taskId, ctx);
          return (p && !p.data_removed ? outputUrl(p) : undefined) ?? null;
        },
        destPath,
        ctx,
        taskId,
        `Replicate no longer has an output for prediction ${taskId} (removed after its retention time).`,
        true,
      );
    },

    async cancel(taskId, ctx) {
      await replicateClient(ctx)
        .predictions.cancel(taskId)
        .catch(() => undefined);
    },

    async reconcile(job, ctx) {
      try {
        return await reconcileReplicate(
          job,
          () => listPage(ctx),
          (url) => listPage(ctx, url),
          ctx.knownTaskIds,
        );
      } catch {
        return null; // the list could not be read: the job stays unknown for the user
      }
    },

    async ping(ctx) {
      try {
        await replicateClient(ctx).accounts.current();
      } catch (err) {
        throw mapReplicateError(err, 'test the connection');
      }
    },
  };
}
