/**
 * The parts every paid job made by a create-then-poll adapter (picture models, upscalers, lip
 * sync) shares around runPaidJob: its job rows written in one step before anything is sent, the
 * adapter's context, and the result stored as a new take of the shot with its provenance.
 */
import { randomUUID } from 'node:crypto';
import type { PollPolicy } from '../../../shared/generation/backoff.js';
import type { Job, Take } from '../../../shared/model/entities.js';
import { newJob, type JobInit } from '../../../shared/model/factories.js';
import type { PollResult, ProviderSettings } from '../generation/types.js';
import { runPaidJob, type JobContext, type PaidJobOptions, type PaidJobSpec, type PaidJobStore } from './paidJob.js';

/** An adapter of a paid job: one provider's create, poll and download for a request `Req`. */
export interface PaidJobAdapter<Req> {
  readonly id: string;
  readonly label: string;
  readonly offline: boolean;
  /** Whose key and base URL it uses. */
  readonly settingsId: string;
  readonly pollPolicy: PollPolicy;
  submit(req: Req, ctx: JobContext): Promise<{ taskId: string }>;
  poll(taskId: string, ctx: JobContext): Promise<PollResult>;
  fetchResult(taskId: string, destPath: string, ctx: JobContext): Promise<void>;
}

export interface AdapterJobDeps {
  store: PaidJobStore;
  providerSettings(settingsId: string): ProviderSettings;
  minCloudPollMs?: number;
}

/** What one adapter is given for one job. */
export function jobContext(
  deps: Pick<AdapterJobDeps, 'providerSettings'>,
  settingsId: string,
  jobId: string,
  outDir: string,
  signal?: AbortSignal,
): JobContext {
  return { settings: deps.providerSettings(settingsId), jobId, outDir, ...(signal ? { signal } : {}) };
}

/** Runs one job row of `adapter` to its end through runPaidJob (also after a restart). */
export async function runAdapterJob<Req>(
  deps: AdapterJobDeps,
  jobId: string,
  adapter: PaidJobAdapter<Req>,
  req: Req,
  spec: Pick<PaidJobSpec, 'slot' | 'ext' | 'name' | 'finish'> & { outDir: string },
  opts: Pick<PaidJobOptions, 'signal' | 'onProgress'>,
): Promise<void> {
  const ctx = jobContext(deps, adapter.settingsId, jobId, spec.outDir, opts.signal);
  await runPaidJob(
    deps.store,
    jobId,
    {
      label: adapter.label,
      offline: adapter.offline,
      pollPolicy: adapter.pollPolicy,
      slot: spec.slot,
      ext: spec.ext,
      ...(spec.name !== undefined ? { name: spec.name } : {}),
      submit: () => adapter.submit(req, ctx),
      poll: (taskId) => adapter.poll(taskId, ctx),
      fetch: (taskId, dest) => adapter.fetchResult(taskId, dest, ctx),
      finish: spec.finish,
    },
    { ...opts, ...(deps.minCloudPollMs !== undefined ? { minCloudPollMs: deps.minCloudPollMs } : {}) },
  );
}

/** Writes a batch's job rows in one step (before anything is sent) and answers their ids. */
export function queueJobs(
  store: { createJobs(list: readonly Job[]): unknown },
  rows: readonly Omit<JobInit, 'id' | 'createdAt'>[],
  onQueued?: (jobIds: string[]) => void,
): string[] {
  const createdAt = new Date().toISOString();
  const jobs = rows.map((row) => newJob({ id: randomUUID(), ...row, createdAt }));
  store.createJobs(jobs);
  const jobIds = jobs.map((j) => j.id);
  onQueued?.(jobIds);
  return jobIds;
}

/** Stores a finished job's result as a new take (not selected) with who made it. */
export function storeResultTake(
  store: PaidJobStore & { addTake(take: Take, opts: { selectIfNone: boolean }): unknown },
  take: Take,
  provenance: { action: string; details: Record<string, unknown> },
): { resultAssetId: string; takeId: string } {
  store.addTake(take, { selectIfNone: false });
  store.addProvenance({
    actor: `provider:${take.provider}`,
    action: provenance.action,
    subjectType: 'take',
    subjectId: take.id,
    details: provenance.details,
  });
  return { resultAssetId: take.assetId, takeId: take.id };
}
