/**
 * Replicate through the official `replicate` SDK (providers.md §10b): official video models run
 * with `POST /models/{owner}/{name}/predictions` `{input}`, polled with `GET /predictions/{id}`
 * (starting / processing / succeeded / failed / canceled / aborted), the output URI downloaded
 * at once, cancel with `POST /predictions/{id}/cancel`, "test connection" with `GET /account`.
 * Pictures go inline as data URIs (the SDK's `data-uri` encoding; at most 10 MB in all: MAX_INLINE_TOTAL_BYTES).
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
/**
 * The official SDK refuses inline (data-URI) files whose COMBINED size passes 10,000,000 bytes:
 * "Combined filesize of prediction … exceeds 10mb limit for inline encoding, please provide URLs
 * instead" (replicate-javascript lib/util.js MAX_DATA_URI_SIZE,
 * https://github.com/replicate/replicate-javascript/blob/main/lib/util.js — first-party SDK; the
 * REST docs only recommend data URIs under 1 MB: https://replicate.com/docs/topics/predictions/input-files).
 * We encode the URIs ourselves, so the same budget is checked here, over all of a shot's inputs,
 * before anything is read or sent.
 */
export const MAX_INLINE_TOTAL_BYTES = 10_000_000;

interface Inline {
  frame: Pick<FrameRef, 'path'>;
  what: string;
}

/** The inputs' sizes against the SDK's combined inline budget; refused before any is encoded. */
async function checkInlineBudget(inputs: readonly Inline[], shotNumber: number): Promise<void> {
  const sizes = await Promise.all(inputs.map(async (i) => (await stat(i.frame.path).catch(() => null))?.size ?? 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= MAX_INLINE_TOTAL_BYTES) return;
  const mb = (n: number): string => (n / 1_000_000).toFixed(1);
  const list = inputs.map((i, k) => `${i.what} ${mb(sizes[k] ?? 0)} MB`).join(', ');
  throw new AppError(
    'INVALID_INPUT',
    `Shot ${shotNumber} sends ${mb(total)} MB inline (${list}); Replicate takes at most 10 MB of pictures and clips in one prediction. Use smaller files or fewer references.`,
    { totalBytes: total, limitBytes: MAX_INLINE_TOTAL_BYTES },
  );
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
      const n = req.shotNumber;
      // A restyle's clip inline, like the pictures (editModels.ts). With a clip to restyle the clip
      // is the start (Kling Omni's base mode takes no frames or references).
      const clip = req.sourceVideo && m.videoInput ? req.sourceVideo : null;
      const firstFrame = req.firstFrame && !clip ? req.firstFrame : null;
      const lastFrame = req.lastFrame && !clip ? req.lastFrame : null;
      const refs = !firstFrame && !lastFrame && !clip ? (req.references ?? []).slice(0, m.referenceImagesMax) : [];
      await checkInlineBudget(
        [
          ...(clip ? [{ frame: clip, what: 'the clip to restyle' }] : []),
          ...(firstFrame ? [{ frame: firstFrame, what: 'the first frame' }] : []),
          ...(lastFrame ? [{ frame: lastFrame, what: 'the last frame' }] : []),
          ...refs.map((r, i) => ({ frame: r, what: `reference ${i + 1}` })),
        ],
        n,
      );
      const video = clip ? await imageDataUri(clip.path, `The clip to restyle of shot ${n}`) : undefined;
      const first = firstFrame ? await imageDataUri(firstFrame.path, `The first frame of shot ${n}`) : undefined;
      const last = lastFrame ? await imageDataUri(lastFrame.path, `The last frame of shot ${n}`) : undefined;
      const references: string[] = [];
      for (const [i, ref] of refs.entries())
        references.push(await imageDataUri(ref.path, `Reference image ${i + 1} of shot ${n}`));
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
