/**
 * "Upscale this take": the take's clip made larger by an upscaler, through the SAME durable job
 * rows as every paid job (estimate and budget first, the row written before anything is sent,
 * task id stored with the create's answer, polled — never created again — after a kill). The
 * result is a NEW take of the same shot (the original stays; the user picks which to use).
 */
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { upscaleSize } from '../../../shared/media/upscale.js';
import { paidJobTmpDir, type ResumeOptions } from '../jobs/paidJob.js';
import {
  batchCap,
  resumeTakeJobs,
  runTakeBatch,
  runTakeJob,
  type TakeBatchOptions,
  type TakeJobDeps,
} from '../jobs/takeJob.js';
import { estimateJobs, type BatchEstimate } from '../generation/cost.js';
import { getUpscaler, type UpscaleRequest, type VideoUpscaler } from './upscalers.js';

export interface UpscaleDeps extends TakeJobDeps {
  getUpscaler?(id: string): VideoUpscaler;
}

export interface UpscaleOptions extends TakeBatchOptions {
  takeId: string;
  provider?: string;
}

export const DEFAULT_UPSCALER = 'ffmpeg';

const upscaler = (deps: UpscaleDeps, id: string): VideoUpscaler => (deps.getUpscaler ?? getUpscaler)(id);

export function upscaleOutDir(projectDir: string): string {
  return join(paidJobTmpDir(projectDir), 'upscale');
}

/** The request for a take (nothing written). Refuses an image take or a clip already at 4K. */
export function planUpscale(
  deps: UpscaleDeps,
  opts: UpscaleOptions,
): { adapter: VideoUpscaler; request: UpscaleRequest; cost: number | null } {
  const { store } = deps;
  const take = store.getTake(opts.takeId);
  if ((take.kind ?? 'video') !== 'video')
    throw new AppError('INVALID_INPUT', `Take "${take.id}" is a still; only clips are upscaled.`, { takeId: take.id });
  const asset = store.getAsset(take.assetId);
  const { displayWidth: w, displayHeight: h, durationSec } = asset.info;
  const size = upscaleSize(w, h);
  if (size.width <= w)
    throw new AppError('INVALID_INPUT', `Take "${take.id}" is already ${w}x${h}; it cannot be made larger here.`, {
      takeId: take.id,
    });
  const adapter = upscaler(deps, opts.provider ?? DEFAULT_UPSCALER);
  const fps = asset.info.fps ?? store.project().fps;
  const request: UpscaleRequest = {
    kind: 'upscale',
    takeId: take.id,
    shotId: take.shotId,
    provider: adapter.id,
    sourceAssetId: asset.id,
    sourcePath: store.absPath(asset.path),
    sourceWidth: w,
    sourceHeight: h,
    width: size.width,
    height: size.height,
    frames: Math.max(1, Math.round((durationSec * fps.num) / fps.den)),
    durationSec,
  };
  const cost = adapter.estimateCost(request);
  return { adapter, request, cost: cost === null ? null : Math.round(cost * 10_000) / 10_000 };
}

export function estimateUpscale(deps: UpscaleDeps, opts: UpscaleOptions): BatchEstimate {
  const p = planUpscale(deps, opts);
  return estimateJobs(deps.store, p.adapter.id, [p.cost], batchCap(deps.store, opts.budgetCap));
}

export async function upscaleTake(deps: UpscaleDeps, opts: UpscaleOptions): Promise<{ jobIds: string[] }> {
  const { adapter, request, cost } = planUpscale(deps, opts);
  const rows = [{ shotId: request.shotId, provider: adapter.id, request: { ...request }, costEstimate: cost }];
  const jobIds = await runTakeBatch(deps.store, estimateUpscale(deps, opts), rows, opts, (id) =>
    runUpscaleJob(deps, id, opts),
  );
  return { jobIds };
}

export async function runUpscaleJob(
  deps: UpscaleDeps,
  jobId: string,
  opts: Pick<UpscaleOptions, 'signal' | 'onProgress'>,
): Promise<void> {
  const job = deps.store.getJob(jobId);
  const stored = job.request as unknown as UpscaleRequest;
  // The path may be stale (the project moved): re-resolved from the asset id.
  const req: UpscaleRequest = {
    ...stored,
    sourcePath: deps.store.absPath(deps.store.getAsset(stored.sourceAssetId).path),
  };
  const adapter = upscaler(deps, req.provider);
  await runTakeJob(
    deps,
    job,
    adapter,
    req,
    {
      slot: `upscale:${adapter.id}`,
      outDir: upscaleOutDir(deps.store.dir),
      ext: 'mp4',
      name: `upscaled ${req.width}x${req.height}`,
      action: 'upscale',
      take: (asset) => {
        const source = deps.store.getTake(req.takeId);
        return {
          init: {
            shotId: req.shotId,
            model: source.model,
            request: {
              ...source.request,
              upscaleOf: { takeId: req.takeId, provider: adapter.id, width: req.width, height: req.height },
            },
            seed: source.seed,
          },
          details: { jobId, sourceTakeId: req.takeId, assetId: asset.id, width: req.width, height: req.height },
        };
      },
    },
    opts,
  );
}

/** After a crash: polled by task id, never created again; a send cut off is `unknown` unless offline. */
export async function resumeUpscaleJobs(deps: UpscaleDeps, opts: ResumeOptions = {}): Promise<string[]> {
  return resumeTakeJobs(
    deps,
    {
      kind: 'upscale',
      outDir: upscaleOutDir(deps.store.dir),
      adapter: (id) => upscaler(deps, id),
      lostMessage:
        'The app stopped while this upscale was being sent, so whether the provider made (and charged for) it is unknown. It was not sent again.',
      run: (id) => runUpscaleJob(deps, id, opts),
    },
    opts,
  );
}
