/**
 * One job's life (design.md §5): queued -> submitting -> submitted -> running -> downloading ->
 * succeeded, or failed / canceled / unknown. Every state is written to the store before the
 * next step starts, and the task id in the same synchronous step as submit()'s answer, so a
 * crash at any point leaves a row that says what is safe to do next (resume.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isCanceled } from '../../../shared/errors.js';
import { pollDelayMs } from '../../../shared/generation/backoff.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import { GenerationRequestSchema } from '../../../shared/generation/request.js';
import type { Job, Take } from '../../../shared/model/entities.js';
import type { GenerateOptions, GenerationDeps } from './ports.js';
import { envProviderSettings } from './ports.js';
import { getProvider as registryProvider } from './providers/index.js';
import type { PollResult, ProviderAdapter, ProviderContext } from './types.js';

/** Temp files of generation live here, inside the project (same volume as media/). */
export function generationTmpDir(projectDir: string): string {
  return join(projectDir, '.storyboard', 'tmp', 'generation');
}

/** Consecutive poll errors (network blips) tolerated before the job fails. */
const MAX_POLL_ERRORS = 5;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AppError('CANCELED', 'Generation was canceled.'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AppError('CANCELED', 'Generation was canceled.'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
}

/** Paths in a stored request may be stale (the project moved): re-resolve them from asset ids. */
function withFreshPaths(deps: GenerationDeps, req: GenerationRequest): GenerationRequest {
  const fresh = (ref: GenerationRequest['firstFrame']) =>
    ref ? { assetId: ref.assetId, path: deps.store.absPath(deps.store.getAsset(ref.assetId).path) } : null;
  return { ...req, firstFrame: fresh(req.firstFrame), lastFrame: fresh(req.lastFrame) };
}

export async function runJob(deps: GenerationDeps, jobId: string, opts: Pick<GenerateOptions, 'signal' | 'onProgress'>): Promise<void> {
  const { store } = deps;
  const { signal } = opts;
  let job: Job = store.getJob(jobId);
  const set = (patch: Partial<Job>): void => {
    store.updateJob(jobId, patch);
    job = { ...job, ...patch };
    opts.onProgress?.({ jobId, shotId: job.shotId, state: job.state, progress: job.progress, error: job.error });
  };
  let provider: ProviderAdapter | null = null;
  let ctx: ProviderContext | null = null;
  let taskId = job.taskId;
  const tmpDir = generationTmpDir(store.dir);
  const resultTmp = join(tmpDir, `job-${jobId}.mp4`);
  try {
    provider = (deps.getProvider ?? registryProvider)(job.provider);
    const parsed = GenerationRequestSchema.safeParse(job.request);
    if (!parsed.success) throw new AppError('INVALID_INPUT', `The stored request of this job is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
    const request = withFreshPaths(deps, parsed.data);
    ctx = { tmpDir, settings: (deps.providerSettings ?? envProviderSettings())(provider.id) };
    const p = provider;
    const pctx: ProviderContext = ctx;
    const withSignal: ProviderContext = signal ? { ...ctx, signal } : ctx;
    await mkdir(tmpDir, { recursive: true });

    const submit = async (): Promise<string> => {
      throwIfAborted(signal);
      set({ state: 'submitting', taskId: null, progress: 0, error: null });
      let answer: { taskId: string };
      try {
        // No abort signal: cutting a create mid-flight would leave its outcome unknown. A
        // cancel during submit waits for the answer, then cancels the task.
        answer = await p.submit(request, pctx);
      } catch (err) {
        const answered = err instanceof AppError && (err.code === 'PROVIDER_FAILED' || err.code === 'INVALID_INPUT');
        if (p.offline || answered) throw err;
        set({ state: 'unknown', error: `The request to ${p.label} was sent but its answer was lost (${(err as Error).message}). It was not sent again, so you are not charged twice; check the provider before retrying.` });
        throw new UnknownOutcome();
      }
      set({ state: 'submitted', taskId: answer.taskId });
      taskId = answer.taskId;
      return answer.taskId;
    };

    if (job.state === 'queued' || taskId === null) taskId = await submit();
    let resubmitted = false;
    for (;;) {
      const result = await pollUntilDone(p, taskId, withSignal, (progress) => {
        if (job.state !== 'running' || progress - job.progress >= 0.01) set({ state: 'running', progress });
      });
      if (result.state === 'succeeded') break;
      if (result.taskLost && p.offline && !resubmitted) {
        // A free in-process render lost at restart: render again (never for paid providers).
        resubmitted = true;
        taskId = await submit();
        continue;
      }
      throw new AppError('PROVIDER_FAILED', result.error ?? `${p.label} reported the task as failed without a reason.`);
    }

    set({ state: 'downloading', progress: 1 });
    await p.fetchResult(taskId, resultTmp, withSignal);
    throwIfAborted(signal);
    const asset = await deps.importFile(resultTmp, 'generated');
    store.getShot(job.shotId); // NOT_FOUND if the shot was deleted meanwhile: no orphan take
    const cost = p.estimateCost(request);
    const take: Take = {
      id: randomUUID(), shotId: job.shotId, assetId: asset.id, jobId, provider: p.id, model: request.model,
      request: request as unknown as Record<string, unknown>, seed: request.seed, cost, rating: null,
      createdAt: new Date().toISOString(),
    };
    store.addTake(take, { selectIfNone: true });
    store.addProvenance({
      actor: `provider:${p.id}`, action: 'generate', subjectType: 'take', subjectId: take.id,
      details: { shotId: job.shotId, jobId, assetId: asset.id, model: request.model, taskId, seed: request.seed },
    });
    set({ state: 'succeeded', progress: 1, resultAssetId: asset.id, takeId: take.id, costActual: cost, error: null });
  } catch (err) {
    if (err instanceof UnknownOutcome) return;
    if (isCanceled(err) || signal?.aborted) {
      if (provider?.cancel && ctx && taskId) await provider.cancel(taskId, ctx).catch(() => undefined);
      set({ state: 'canceled', error: null });
    } else {
      set({ state: 'failed', error: (err as Error).message || String(err) });
    }
  } finally {
    await rm(resultTmp, { force: true });
  }
}

/** Marker: the job was already marked `unknown`; nothing else to record. */
class UnknownOutcome extends Error {}

async function pollUntilDone(provider: ProviderAdapter, taskId: string, ctx: ProviderContext, onRunning: (progress: number) => void): Promise<PollResult> {
  let attempt = 0;
  let errors = 0;
  for (;;) {
    throwIfAborted(ctx.signal);
    let result: PollResult;
    try {
      result = await provider.poll(taskId, ctx);
      errors = 0;
    } catch (err) {
      if (isCanceled(err) || (err instanceof AppError && err.code === 'PROVIDER_FAILED') || ++errors >= MAX_POLL_ERRORS) throw err;
      await sleep(pollDelayMs(provider.pollPolicy, attempt++, Math.random()), ctx.signal);
      continue;
    }
    if (result.state !== 'running') return result;
    onRunning(Math.min(1, Math.max(0, result.progress ?? 0)));
    await sleep(pollDelayMs(provider.pollPolicy, attempt++, Math.random()), ctx.signal);
  }
}
