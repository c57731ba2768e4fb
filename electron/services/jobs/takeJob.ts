/**
 * The shape keyframe pictures (keyframes/keyframeJobs.ts) and upscales (upscale/upscaleJobs.ts)
 * share: a budgeted batch of adapter jobs written and run, each one's file imported as a new take
 * of its shot, and the rows a restart left resumed through the adapter each row names.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Asset, Job, JobKind } from '../../../shared/model/entities.js';
import { newTake, type JobInit, type TakeInit } from '../../../shared/model/factories.js';
import { assertWithinBudget, type BatchEstimate } from '../generation/cost.js';
import type { ProjectStore } from '../project/store.js';
import {
  jobContext,
  queueJobs,
  runAdapterJob,
  storeResultTake,
  type AdapterJobDeps,
  type PaidJobAdapter,
} from './adapterJob.js';
import { resumePaidJobs, type JobContext, type PaidJobOptions, type ResumeOptions } from './paidJob.js';

export interface TakeJobDeps extends AdapterJobDeps {
  store: ProjectStore;
  importFile(path: string): Promise<Asset>;
}

/** What a caller of a batch passes. */
export interface TakeBatchOptions extends Pick<PaidJobOptions, 'signal' | 'onProgress'> {
  /** null: no cap; absent: the project's. */
  budgetCap?: number | null;
  onQueued?: (jobIds: string[]) => void;
}

/** An adapter that may also say whether a request cut off while sending reached it (ComfyUI). */
export type TakeJobAdapter<Req> = PaidJobAdapter<Req> & {
  reconcile?(jobId: string, ctx: JobContext): Promise<string | null>;
};

/** The cap a batch is checked against: the caller's when given (null: none), else the project's. */
export function batchCap(store: ProjectStore, budgetCap: number | null | undefined): number | null {
  return budgetCap !== undefined ? budgetCap : store.project().budgetCap;
}

/** Refuses a batch over budget, writes its rows in one step, then runs every row to its end. */
export async function runTakeBatch(
  store: ProjectStore,
  estimate: BatchEstimate,
  rows: readonly Omit<JobInit, 'id' | 'createdAt'>[],
  opts: Pick<TakeBatchOptions, 'signal' | 'onQueued'>,
  run: (jobId: string) => Promise<void>,
): Promise<string[]> {
  if (opts.signal) setMaxListeners(0, opts.signal);
  assertWithinBudget(estimate);
  const jobIds = queueJobs(store, rows, opts.onQueued);
  await Promise.all(jobIds.map(run));
  return jobIds;
}

/** What a job kind says about its result: the new take's own fields and the provenance details. */
export interface TakeOfResult {
  init: Omit<TakeInit, 'id' | 'assetId' | 'jobId' | 'provider' | 'cost' | 'createdAt'>;
  details: Record<string, unknown>;
}

/**
 * Runs one row to its end (also after a restart); its file is imported and stored as a new take
 * (not selected) that `take` describes; `take` throws to refuse the file or a shot gone meanwhile.
 */
export async function runTakeJob<Req>(
  deps: TakeJobDeps,
  job: Job,
  adapter: PaidJobAdapter<Req>,
  req: Req,
  spec: { slot: string; outDir: string; ext: string; name: string; action: string; take(asset: Asset): TakeOfResult },
  opts: Pick<PaidJobOptions, 'signal' | 'onProgress'>,
): Promise<void> {
  await runAdapterJob(
    deps,
    job.id,
    adapter,
    req,
    {
      slot: spec.slot,
      outDir: spec.outDir,
      ext: spec.ext,
      name: spec.name,
      finish: async (tmp) => {
        const asset = await deps.importFile(tmp);
        const { init, details } = spec.take(asset);
        const take = newTake({
          id: randomUUID(),
          assetId: asset.id,
          jobId: job.id,
          provider: adapter.id,
          cost: job.costEstimate,
          createdAt: new Date().toISOString(),
          ...init,
        });
        return storeResultTake(deps.store, take, { action: spec.action, details });
      },
    },
    opts,
  );
}

/**
 * After a crash or restart (resumePaidJobs): rows with a task id are polled, never created again;
 * one cut off while sending is found again on disk or by the adapter's `reconcile`, sent again
 * when its provider is offline, else left `unknown` with `lostMessage`. Returns the ids it ran.
 */
export function resumeTakeJobs<Req>(
  deps: TakeJobDeps,
  spec: {
    kind: JobKind;
    outDir: string;
    adapter(id: string): TakeJobAdapter<Req>;
    lostMessage: string;
    run(jobId: string): Promise<void>;
  },
  opts: ResumeOptions,
): Promise<string[]> {
  return resumePaidJobs(
    deps.store,
    {
      kind: spec.kind,
      outDir: spec.outDir,
      offline: (id) => spec.adapter(id).offline,
      lostMessage: spec.lostMessage,
      run: spec.run,
      reconcile: async (job) => {
        const adapter = spec.adapter(job.provider);
        if (!adapter.reconcile) return null;
        return adapter.reconcile(job.id, jobContext(deps, adapter.settingsId, job.id, spec.outDir, opts.signal));
      },
    },
    opts,
  );
}
