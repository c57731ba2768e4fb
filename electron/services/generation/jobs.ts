/**
 * Batches over the durable job table (design.md §5). generateShots() plans the batch (plan.ts),
 * checks the budget, writes one job row per (shot, provider, variation) before anything is
 * sent, then runs them all; runJob() takes a per-provider slot (queue.ts), so a provider never
 * has more tasks in flight than its limit. resumeJobs() picks up after a crash or quit.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from '../../../shared/model/entities.js';
import { jobError } from '../../../shared/generation/jobErrors.js';
import { assertWithinBudget, budgetCapOf, estimateBatch, type BatchEstimate } from './cost.js';
import { planBatch } from './plan.js';
import type { GenerateOptions, GenerationDeps, QueueAdapter } from './ports.js';
import { envProviderSettings, jobKind } from './ports.js';
import { getProvider as registryProvider } from './providers/index.js';
import { generationTmpDir, runJob } from './runJob.js';
import { IN_FLIGHT_JOB_STATES } from '../../../shared/model/entities.js';
import { newJob } from '../../../shared/model/factories.js';
import { progressOf } from '../jobs/progress.js';

/** What generate.estimate answers: the plan's numbers, nothing written or sent. */
export function estimateGeneration(deps: GenerationDeps, opts: GenerateOptions = {}): BatchEstimate {
  const cap = opts.budgetCap !== undefined ? opts.budgetCap : budgetCapOf(deps.store);
  return estimateBatch(deps.store, planBatch(deps, opts), cap);
}

/**
 * Generates shots: `shotIds`, or every shot with no take and no job under way; `variations`
 * takes each, on one provider or on each of `providerIds`. Job rows are written (queued, or
 * failed with the reason) before anything is sent; `onQueued` then gets their ids. A failure
 * fails that job only. Resolves when all are done, canceled, failed or unknown. Throws, before
 * writing any job, for an unknown shot or provider, or a batch over the budget cap (JOB-10).
 */
export async function generateShots(
  deps: GenerationDeps,
  opts: GenerateOptions = {},
): Promise<{ jobIds: string[]; estimate: BatchEstimate }> {
  const { store } = deps;
  // Every job of the batch waits on this one signal (sleeps, slots): not a leak.
  if (opts.signal) setMaxListeners(0, opts.signal);
  // From planning to the last createJob nothing awaits, so two batches started together
  // cannot both pick the same shot.
  const planned = planBatch(deps, opts);
  const estimate = estimateBatch(store, planned, opts.budgetCap !== undefined ? opts.budgetCap : budgetCapOf(store));
  assertWithinBudget(estimate);
  const now = new Date().toISOString();
  const jobs: Job[] = planned.map((p) =>
    newJob({
      id: randomUUID(),
      shotId: p.shot.id,
      provider: p.provider.id,
      model: p.request?.model ?? null,
      state: p.problem ? 'failed' : 'queued',
      request: (p.request ?? { shotId: p.shot.id }) as Record<string, unknown>,
      error: p.problem,
      errorInfo: p.problem ? (p.problemInfo ?? null) : null,
      costEstimate: p.problem ? null : p.cost,
      createdAt: now,
    }),
  );

  // One transaction for the whole batch: killed midway, the next run sees all or none of it
  // (otherwise a shot with 1 of 2 variation rows looks "already generating" and stays short).
  if (store.createJobs) store.createJobs(jobs);
  else for (const job of jobs) store.createJob(job);
  const jobIds = jobs.map((j) => j.id);
  opts.onQueued?.(jobIds);
  for (const job of jobs) {
    opts.onProgress?.({ ...progressOf(job), progress: 0 });
  }
  await Promise.all(jobs.filter((j) => j.state === 'queued').map((j) => runJob(deps, j.id, opts)));
  return { jobIds, estimate };
}

const LOST_WHILE_SENDING =
  'The app stopped while this job was being sent, so whether the provider created it is unknown. ' +
  'It was not sent again automatically; check the provider, then generate again if needed.';

/**
 * After a crash or restart (call when a project opens, before any batch): a job left in
 * `submitting` may or may not exist at the provider, so it becomes `unknown` and is never
 * re-sent automatically; an adapter that can list its tasks may find it (reconcile), and then
 * it is polled like any other. Other unfinished jobs continue: queued ones are submitted;
 * submitted, running and downloading ones are polled by their stored task id (an offline
 * provider that lost the task renders again; a paid task is never created twice).
 */
export async function resumeJobs(
  deps: GenerationDeps,
  opts: Pick<GenerateOptions, 'signal' | 'signalFor' | 'onProgress'> = {},
): Promise<{ jobIds: string[]; unknownJobIds: string[] }> {
  const { store } = deps;
  if (opts.signal) setMaxListeners(0, opts.signal);
  await sweepStaleTemp(generationTmpDir(store.dir));
  const unknownJobIds: string[] = [];
  const jobIds: string[] = [];
  for (const job of store.listJobs({ states: [...IN_FLIGHT_JOB_STATES, 'unknown'] })) {
    if (jobKind(job) !== 'video') continue; // dialogue jobs resume in electron/services/dialogue
    if (job.state === 'queued' && !job.taskId && notSendable(deps, job, opts)) continue;
    if (job.state === 'submitting' || job.state === 'unknown') {
      if (job.state === 'submitting') {
        const errorInfo = jobError('lostWhileSending');
        store.updateJob(job.id, { state: 'unknown', error: LOST_WHILE_SENDING, errorInfo });
        opts.onProgress?.({
          jobId: job.id,
          shotId: job.shotId,
          state: 'unknown',
          progress: job.progress,
          error: LOST_WHILE_SENDING,
          errorInfo,
        });
      }
      const found = await reconcile(deps, store.getJob(job.id));
      if (found === ABSENT) {
        if (notSendable(deps, job, opts)) continue;
        store.updateJob(job.id, { state: 'queued', taskId: null, error: null });
        store.addProvenance({
          actor: `provider:${job.provider}`,
          action: 'job.requeued',
          subjectType: 'job',
          subjectId: job.id,
          details: { reason: 'provider never accepted it' },
        });
        opts.onProgress?.({ jobId: job.id, shotId: job.shotId, state: 'queued', progress: 0, error: null });
        jobIds.push(job.id);
      } else if (found) {
        store.updateJob(job.id, { state: 'submitted', taskId: found, error: null });
        store.addProvenance({
          actor: `provider:${job.provider}`,
          action: 'job.reconciled',
          subjectType: 'job',
          subjectId: job.id,
          details: { taskId: found },
        });
        opts.onProgress?.({
          jobId: job.id,
          shotId: job.shotId,
          state: 'submitted',
          progress: job.progress,
          error: null,
        });
        jobIds.push(job.id);
      } else if (job.state === 'submitting') {
        unknownJobIds.push(job.id);
      }
    } else {
      jobIds.push(job.id);
    }
  }
  await Promise.all(jobIds.map((id) => (opts.signal?.aborted ? Promise.resolve() : runJob(deps, id, opts))));
  return { jobIds, unknownJobIds };
}

/**
 * A job never sent (or sure never to have reached the provider) whose provider the user has
 * since turned off is canceled with the reason instead of sent: nothing was paid yet, and
 * "off" means no new spending there. Returns true when it was canceled.
 */
function notSendable(deps: GenerationDeps, job: Job, opts: Pick<GenerateOptions, 'onProgress'>): boolean {
  if (!deps.disabledProviders?.has(job.provider)) return false;
  const label = providerLabel(deps, job.provider);
  const error = `Not sent: ${label} is turned off in Settings. Turn it on and generate again.`;
  const errorInfo = jobError('providerOff', { provider: label });
  deps.store.updateJob(job.id, { state: 'canceled', taskId: null, error, errorInfo });
  opts.onProgress?.({ jobId: job.id, shotId: job.shotId, state: 'canceled', progress: job.progress, error, errorInfo });
  return true;
}

function providerLabel(deps: GenerationDeps, id: string): string {
  try {
    return (deps.getProvider ?? registryProvider)(id).label;
  } catch {
    return id;
  }
}

const ABSENT = Symbol('absent');

/** The task the provider made for a job whose create answer was lost, if it can tell. */
async function reconcile(deps: GenerationDeps, job: Job): Promise<string | typeof ABSENT | null> {
  try {
    const provider = (deps.getProvider ?? registryProvider)(job.provider) as QueueAdapter;
    if (!provider.reconcile) return null;
    const settings = (deps.providerSettings ?? envProviderSettings())(provider.id);
    const knownTaskIds = new Set(deps.store.listJobs().flatMap((j) => (j.id !== job.id && j.taskId ? [j.taskId] : [])));
    const found = await provider.reconcile(job, {
      tmpDir: generationTmpDir(deps.store.dir),
      settings,
      jobId: job.id,
      knownTaskIds,
    });
    if (found && 'absent' in found) return found.absent === true ? ABSENT : null;
    return found?.taskId ?? null;
  } catch {
    return null; // the provider could not tell: the job stays unknown for the user
  }
}

/** Removes temp files left by a previous run (older than this process), never current ones. */
async function sweepStaleTemp(dir: string): Promise<void> {
  const started = Date.now() - process.uptime() * 1000;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(dir, name);
    const st = await stat(path).catch(() => null);
    if (st && st.mtimeMs < started) await rm(path, { recursive: true, force: true });
  }
}
