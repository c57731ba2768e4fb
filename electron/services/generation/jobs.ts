/**
 * The generation job path every provider uses (design.md §5). generateShots() writes one job
 * row per shot, then runs them one at a time (renders share 2 cores; the durable queue with
 * concurrency and budgets per provider comes later). resumeJobs() picks up after a crash.
 */
import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { capabilityProblem } from '../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import { buildGenerationRequest } from '../../../shared/generation/request.js';
import type { Job, Shot } from '../../../shared/model/entities.js';
import type { GenerateOptions, GenerationDeps } from './ports.js';
import { IN_FLIGHT_STATES } from './ports.js';
import { DEFAULT_PROVIDER_ID, getProvider as registryProvider } from './providers/index.js';
import { generationTmpDir, runJob } from './runJob.js';
import type { ProviderAdapter } from './types.js';

interface Planned {
  shot: Shot;
  provider: ProviderAdapter;
  request: GenerationRequest | null;
  /** Why this shot cannot be generated (the job is written as failed with it). */
  problem: string | null;
}

function plan(deps: GenerationDeps, opts: GenerateOptions): Planned[] {
  const { store } = deps;
  const project = store.project();
  const { shots, takes } = store.snapshot();
  const lookup = deps.getProvider ?? registryProvider;
  const inFlight = new Set(store.listJobs({ states: IN_FLIGHT_STATES }).map((j) => j.shotId));
  let chosen: Shot[];
  if (opts.shotIds) {
    const byId = new Map(shots.map((s) => [s.id, s]));
    chosen = [...new Set(opts.shotIds)].map((id) => {
      const shot = byId.get(id);
      if (!shot) throw new AppError('NOT_FOUND', `Shot "${id}" is not in this project; nothing was generated.`, { shotId: id });
      return shot;
    });
  } else {
    // `unknown` jobs count too: a paid task may exist, so only the user may start another.
    const unknown = new Set(store.listJobs({ states: ['unknown'] }).map((j) => j.shotId));
    const withTake = new Set(takes.map((t) => t.shotId));
    chosen = shots.filter((s) => !withTake.has(s.id) && !unknown.has(s.id));
  }
  return chosen
    .filter((shot) => !inFlight.has(shot.id)) // never two jobs for one shot at once
    .map((shot) => {
      const provider = lookup(opts.providerId ?? shot.provider ?? (project.defaultProvider || DEFAULT_PROVIDER_ID));
      const shotNumber = shots.indexOf(shot) + 1;
      try {
        const request = buildGenerationRequest({
          project, shot, shotNumber,
          frame: (assetId) => ({ assetId, path: store.absPath(store.getAsset(assetId).path) }),
        });
        return { shot, provider, request, problem: capabilityProblem(provider.label, provider.capabilities, request) };
      } catch (err) {
        return { shot, provider, request: null, problem: `Shot ${shotNumber} cannot be generated: ${(err as Error).message}` };
      }
    });
}

function checkBudget(deps: GenerationDeps, planned: Planned[]): void {
  const cap = deps.store.project().budgetCap;
  if (cap === null) return;
  const total = planned.reduce((sum, p) => sum + (p.request && !p.problem ? p.provider.estimateCost(p.request) : 0), 0);
  if (total > cap) {
    throw new AppError('INVALID_INPUT',
      `This batch would cost about ${total.toFixed(2)}, over the project's budget cap of ${cap.toFixed(2)}. Nothing was sent.`,
      { estimate: total, budgetCap: cap });
  }
}

/**
 * Generates shots: `shotIds`, or every shot with no take and no job under way. Job rows are
 * written (queued, or failed with the reason) before anything is sent; `onQueued` then gets
 * their ids. Jobs run one after another; a failure fails that job only. Resolves when all are
 * done, canceled or failed. Throws (before writing any job) for an unknown shot or provider,
 * or a batch over the project's budget cap.
 */
export async function generateShots(deps: GenerationDeps, opts: GenerateOptions = {}): Promise<{ jobIds: string[] }> {
  const { store } = deps;
  // From planning to the last createJob nothing awaits, so two batches started together
  // cannot both pick the same shot.
  const planned = plan(deps, opts);
  checkBudget(deps, planned);
  const now = new Date().toISOString();
  const jobs: Job[] = planned.map((p) => ({
    id: randomUUID(), shotId: p.shot.id, provider: p.provider.id, model: p.request?.model ?? null,
    state: p.problem ? 'failed' : 'queued',
    request: (p.request ?? { shotId: p.shot.id }) as Record<string, unknown>,
    taskId: null, progress: 0, error: p.problem,
    costEstimate: p.request ? p.provider.estimateCost(p.request) : null, costActual: null,
    resultAssetId: null, takeId: null, createdAt: now, updatedAt: now,
  }));
  for (const job of jobs) store.createJob(job);
  const jobIds = jobs.map((j) => j.id);
  opts.onQueued?.(jobIds);
  for (const job of jobs) {
    opts.onProgress?.({ jobId: job.id, shotId: job.shotId, state: job.state, progress: 0, error: job.error });
  }
  for (const job of jobs) {
    if (job.state !== 'queued') continue;
    if (opts.signal?.aborted) {
      store.updateJob(job.id, { state: 'canceled' });
      opts.onProgress?.({ jobId: job.id, shotId: job.shotId, state: 'canceled', progress: 0, error: null });
      continue;
    }
    await runJob(deps, job.id, opts);
  }
  return { jobIds };
}

/**
 * After a crash or restart (call when a project opens, before any batch): a job left in
 * `submitting` may or may not exist at the provider, so it becomes `unknown` and is never
 * re-sent automatically. Other unfinished jobs continue: queued ones are submitted; submitted,
 * running and downloading ones are polled by their stored task id (an offline provider that
 * lost the task renders again; a paid task is never created twice).
 */
export async function resumeJobs(
  deps: GenerationDeps,
  opts: Pick<GenerateOptions, 'signal' | 'onProgress'> = {},
): Promise<{ jobIds: string[]; unknownJobIds: string[] }> {
  const { store } = deps;
  await sweepStaleTemp(generationTmpDir(store.dir));
  const unfinished = store.listJobs({ states: IN_FLIGHT_STATES });
  const unknownJobIds: string[] = [];
  const jobIds: string[] = [];
  for (const job of unfinished) {
    if (job.state === 'submitting') {
      const error = 'The app stopped while this job was being sent, so whether the provider created it is unknown. ' +
        'It was not sent again automatically; check the provider, then generate again if needed.';
      store.updateJob(job.id, { state: 'unknown', error });
      opts.onProgress?.({ jobId: job.id, shotId: job.shotId, state: 'unknown', progress: job.progress, error });
      unknownJobIds.push(job.id);
    } else {
      jobIds.push(job.id);
    }
  }
  for (const id of jobIds) {
    if (opts.signal?.aborted) break;
    await runJob(deps, id, opts);
  }
  return { jobIds, unknownJobIds };
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
