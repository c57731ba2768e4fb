/**
 * "Upscale this take": the take's clip made larger by an upscaler, through the SAME durable job
 * rows as every paid job (estimate and budget first, the row written before anything is sent,
 * task id stored with the create's answer, polled — never created again — after a kill). The
 * result is a NEW take of the same shot (the original stays; the user picks which to use).
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import type { JobProgress } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import { upscaleSize } from '../../../shared/media/upscale.js';
import type { Asset } from '../../../shared/model/entities.js';
import { paidJobTmpDir, resumePaidJobs, type ResumeOptions } from '../jobs/paidJob.js';
import { queueJobs, runAdapterJob, storeResultTake } from '../jobs/adapterJob.js';
import { assertWithinBudget, type BatchEstimate } from '../generation/cost.js';
import type { ProviderSettings } from '../generation/types.js';
import { estimateJobs } from '../generation/cost.js';
import type { ProjectStore } from '../project/store.js';
import { getUpscaler, type UpscaleRequest, type VideoUpscaler } from './upscalers.js';
import { newTake } from '../../../shared/model/factories.js';

export interface UpscaleDeps {
  store: ProjectStore;
  importFile(path: string): Promise<Asset>;
  providerSettings(settingsId: string): ProviderSettings;
  getUpscaler?(id: string): VideoUpscaler;
  minCloudPollMs?: number;
}

export interface UpscaleOptions {
  takeId: string;
  provider?: string;
  budgetCap?: number | null;
  signal?: AbortSignal;
  onQueued?: (jobIds: string[]) => void;
  onProgress?: (p: JobProgress) => void;
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
  const cap = opts.budgetCap !== undefined ? opts.budgetCap : deps.store.project().budgetCap;
  return estimateJobs(deps.store, p.adapter.id, [p.cost], cap);
}

export async function upscaleTake(deps: UpscaleDeps, opts: UpscaleOptions): Promise<{ jobIds: string[] }> {
  if (opts.signal) setMaxListeners(0, opts.signal);
  const { adapter, request, cost } = planUpscale(deps, opts);
  assertWithinBudget(estimateUpscale(deps, opts));
  const jobIds = queueJobs(
    deps.store,
    [{ shotId: request.shotId, provider: adapter.id, request: { ...request }, costEstimate: cost }],
    opts.onQueued,
  );
  await Promise.all(jobIds.map((id) => runUpscaleJob(deps, id, opts)));
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
  await runAdapterJob(
    deps,
    jobId,
    adapter,
    req,
    {
      slot: `upscale:${adapter.id}`,
      outDir: upscaleOutDir(deps.store.dir),
      ext: 'mp4',
      name: `upscaled ${req.width}x${req.height}`,
      finish: async (tmp) => {
        const asset = await deps.importFile(tmp);
        const source = deps.store.getTake(req.takeId);
        const take = newTake({
          id: randomUUID(),
          shotId: req.shotId,
          assetId: asset.id,
          jobId,
          provider: adapter.id,
          model: source.model,
          request: {
            ...source.request,
            upscaleOf: { takeId: req.takeId, provider: adapter.id, width: req.width, height: req.height },
          },
          seed: source.seed,
          cost: job.costEstimate,
          createdAt: new Date().toISOString(),
        });
        return storeResultTake(deps.store, take, {
          action: 'upscale',
          details: { jobId, sourceTakeId: req.takeId, assetId: asset.id, width: req.width, height: req.height },
        });
      },
    },
    opts,
  );
}

/** After a crash: polled by task id, never created again; a send cut off is `unknown` unless offline. */
export async function resumeUpscaleJobs(deps: UpscaleDeps, opts: ResumeOptions = {}): Promise<string[]> {
  return resumePaidJobs(
    deps.store,
    {
      kind: 'upscale',
      outDir: upscaleOutDir(deps.store.dir),
      offline: (id) => upscaler(deps, id).offline,
      lostMessage:
        'The app stopped while this upscale was being sent, so whether the provider made (and charged for) it is unknown. It was not sent again.',
      run: (id) => runUpscaleJob(deps, id, opts),
    },
    opts,
  );
}
