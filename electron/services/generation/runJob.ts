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
import { expiredMessage, failureKindOf } from '../../../shared/generation/failure.js';
import { jobError, jobErrorOf, type JobErrorInfo } from '../../../shared/generation/jobErrors.js';
import { keyPieces } from '../../../shared/generation/keyEnv.js';
import { redact } from '../../../shared/generation/redact.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import { GenerationRequestSchema } from '../../../shared/generation/request.js';
import type { Job, Take } from '../../../shared/model/entities.js';
import { newTake } from '../../../shared/model/factories.js';
import { requestCost } from './plan.js';
import { addMultiShotTakes } from './multiShotTakes.js';
import { notSentError, refusedBeforeSending } from './notSent.js';
import type { GenerateOptions, GenerationDeps, QueueAdapter } from './ports.js';
import { envProviderSettings } from './ports.js';
import { getProvider as registryProvider } from './providers/index.js';
import {
  DEFAULT_CLOUD_CONCURRENCY,
  DEFAULT_OFFLINE_CONCURRENCY,
  providerSlots,
  retryAfterMs,
  sleep,
} from './throttle.js';
import type { ProviderContext } from './types.js';
import { progressOf } from '../jobs/progress.js';
import { MAX_THROTTLE_WAIT_MS, pollUntilDone, throwIfAborted } from './taskPoll.js';

/** Temp files of generation live here, inside the project (same volume as media/). */
export function generationTmpDir(projectDir: string): string {
  return join(projectDir, '.storyboard', 'tmp', 'generation');
}

/** Cloud providers are never polled more than once per 5 s per task (JOB-5). */
const MIN_CLOUD_POLL_MS = 5000;

/** Paths in a stored request may be stale (the project moved): re-resolve them from asset ids. */
function withFreshPaths(deps: GenerationDeps, req: GenerationRequest): GenerationRequest {
  const fresh = (ref: GenerationRequest['firstFrame']) =>
    ref ? { assetId: ref.assetId, path: deps.store.absPath(deps.store.getAsset(ref.assetId).path) } : null;
  const src = req.sourceVideo;
  return {
    ...req,
    firstFrame: fresh(req.firstFrame),
    lastFrame: fresh(req.lastFrame),
    ...(src ? { sourceVideo: { ...src, path: fresh(src)?.path ?? src.path } } : {}),
  };
}

export async function runJob(
  deps: GenerationDeps,
  jobId: string,
  opts: Pick<GenerateOptions, 'signal' | 'signalFor' | 'onProgress'>,
): Promise<void> {
  const { store } = deps;
  const signal = opts.signalFor?.(jobId) ?? opts.signal;
  let job: Job = store.getJob(jobId);
  const set = (patch: Partial<Job>): void => {
    // A key must never reach the project or an event, even inside a provider's error text.
    if (patch.error) {
      const keys = ctx?.settings.apiKey ? keyPieces(job.provider, ctx.settings.apiKey) : [];
      patch = {
        ...patch,
        error: redact(patch.error, keys),
        errorInfo: patch.errorInfo ? redactedInfo(patch.errorInfo, keys) : null,
      };
    } else if ('error' in patch) patch = { ...patch, errorInfo: null };
    store.updateJob(jobId, patch);
    job = { ...job, ...patch };
    opts.onProgress?.(progressOf(job));
  };
  let provider: QueueAdapter | null = null;
  let release: (() => void) | null = null;
  let ctx: ProviderContext | null = null;
  let taskId = job.taskId;
  const tmpDir = generationTmpDir(store.dir);
  const resultTmp = join(tmpDir, `job-${jobId}.mp4`);
  try {
    provider = (deps.getProvider ?? registryProvider)(job.provider) as QueueAdapter;
    const limit =
      provider.maxConcurrent ?? (provider.offline ? DEFAULT_OFFLINE_CONCURRENCY : DEFAULT_CLOUD_CONCURRENCY);
    release = await providerSlots(provider.id, limit).acquire(signal);
    const parsed = GenerationRequestSchema.safeParse(job.request);
    if (!parsed.success)
      throw new AppError(
        'INVALID_INPUT',
        `The stored request of this job is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`,
      );
    let request = withFreshPaths(deps, parsed.data);
    ctx = { tmpDir, settings: (deps.providerSettings ?? envProviderSettings())(provider.id), jobId };
    const p = provider;
    const pctx: ProviderContext = ctx;
    const withSignal: ProviderContext = signal ? { ...ctx, signal } : ctx;
    await mkdir(tmpDir, { recursive: true });

    const submit = async (): Promise<string> => {
      throwIfAborted(signal);
      // A provider-chosen seed is part of the request as sent: stored before the create.
      const seed = request.seed === null && p.seedFor ? p.seedFor(jobId) : null;
      if (seed !== null) request = { ...request, seed };
      set({
        state: 'submitting',
        taskId: null,
        progress: 0,
        error: null,
        ...(seed !== null ? { request: { ...job.request, seed } } : {}),
      });
      let answer: { taskId: string };
      try {
        // No abort signal: cutting a create mid-flight would leave its outcome unknown. A
        // cancel during submit waits for the answer, then cancels the task.
        answer = await p.submit(request, pctx);
      } catch (err) {
        const wait = retryAfterMs(err);
        if (wait !== null) {
          // 429 / concurrency limit on create: the provider answered and made nothing, so the
          // job goes back to queued (safe to resume) and is sent again after the wait (JOB-4).
          set({
            state: 'queued',
            error: `${p.label} is busy (rate or concurrency limit); waiting to send.`,
            errorInfo: jobError('busy', { provider: p.label }),
          });
          await sleep(Math.min(MAX_THROTTLE_WAIT_MS, Math.max(wait, p.pollPolicy.initialMs)), signal);
          return submit();
        }
        const answered = err instanceof AppError && (err.code === 'PROVIDER_FAILED' || err.code === 'INVALID_INPUT');
        if (p.offline || answered) throw err;
        // Refused before a byte was sent (no TCP connection, no DNS answer): a plain failure,
        // nothing was sent and nothing may be held against the budget (notSent.ts).
        const refused = refusedBeforeSending(err);
        if (refused !== null) throw notSentError(p.label, refused, err);
        set({
          state: 'unknown',
          error: `The request to ${p.label} was sent but its answer was lost (${(err as Error).message}). It was not sent again, so you are not charged twice; check the provider before retrying.`,
          errorInfo: jobError('answerLost', { provider: p.label, detail: (err as Error).message }),
        });
        throw new UnknownOutcome();
      }
      set({ state: 'submitted', taskId: answer.taskId });
      taskId = answer.taskId;
      return answer.taskId;
    };

    if (job.state === 'queued' || taskId === null) taskId = await submit();
    let resubmitted = false;
    for (;;) {
      const result = await pollUntilDone(
        p,
        taskId,
        withSignal,
        p.offline ? 0 : (deps.minCloudPollMs ?? MIN_CLOUD_POLL_MS),
        (progress) => {
          if (job.state !== 'running' || progress - job.progress >= 0.01) set({ state: 'running', progress });
        },
      );
      if (result.state === 'succeeded') break;
      if (result.taskLost && p.offline && !resubmitted) {
        // A free in-process render lost at restart: render again (never for paid providers).
        resubmitted = true;
        taskId = await submit();
        continue;
      }
      throw new AppError(
        'PROVIDER_FAILED',
        result.error ?? `${p.label} reported the task as failed without a reason.`,
        {
          failureKind: result.taskLost ? 'lost' : (result.failureKind ?? 'provider'),
          ...(result.flagged ? { flagged: result.flagged } : {}),
        },
      );
    }

    set({ state: 'downloading', progress: 1 });
    const fetched = await p.fetchResult(taskId, resultTmp, withSignal);
    const outputRef = fetched?.outputRef;
    throwIfAborted(signal);
    const asset = await deps.importFile(resultTmp, 'generated');
    // Unknown stays unknown (null), never 0: the ledger must not show an unpriced clip as free.
    const cost = job.costEstimate ?? requestCost(p, request, deps.prices);
    if (request.multiShot) {
      // One clip for several shots: split back onto them as takes (one job, one cost).
      const split = await addMultiShotTakes({
        deps,
        jobId,
        taskId,
        request: { ...request, multiShot: request.multiShot },
        provider: p,
        clip: resultTmp,
        clipAsset: asset,
        cost,
        tmpDir,
        ...(fetched?.cutsSec ? { reportedCutsSec: fetched.cutsSec } : {}),
        ...(signal ? { signal } : {}),
      });
      set({
        state: 'succeeded',
        progress: 1,
        resultAssetId: asset.id,
        takeId: split.takeIds[0] ?? null,
        costActual: cost,
        error: null,
      });
      return;
    }
    store.getShot(job.shotId); // NOT_FOUND if the shot was deleted meanwhile: no orphan take
    const take: Take = newTake({
      id: randomUUID(),
      shotId: job.shotId,
      assetId: asset.id,
      jobId,
      provider: p.id,
      model: request.model,
      // The request as sent, plus the provider's handle of the clip it made (what "extend this
      // take" sends back to the same provider; takeOutputRef() reads it).
      request: { ...request, ...(outputRef ? { providerOutput: { ref: outputRef } } : {}) },
      seed: request.seed,
      cost,
      createdAt: new Date().toISOString(),
      // Made for one delivery aspect: an export at it uses this take, never the shot's clip.
      ...(request.aspect ? { aspect: request.aspect } : {}),
    });
    store.addTake(take, { selectIfNone: !request.aspect });
    store.addProvenance({
      actor: `provider:${p.id}`,
      action: 'generate',
      subjectType: 'take',
      subjectId: take.id,
      details: {
        shotId: job.shotId,
        jobId,
        assetId: asset.id,
        model: request.model,
        taskId,
        seed: request.seed,
        ...(outputRef ? { outputRef } : {}),
      },
    });
    set({ state: 'succeeded', progress: 1, resultAssetId: asset.id, takeId: take.id, costActual: cost, error: null });
  } catch (err) {
    if (err instanceof UnknownOutcome) return;
    if (isCanceled(err) || signal?.aborted) {
      if (provider?.cancel && ctx && taskId) await provider.cancel(taskId, ctx).catch(() => undefined);
      set({ state: 'canceled', error: null });
    } else {
      const failureKind = failureKindOf(err);
      const message = (err as Error).message || String(err);
      set({
        state: 'failed',
        error: failureKind === 'expired' && provider ? `${expiredMessage(provider.label)} ${message}` : message,
        errorInfo: jobErrorOf(err, provider?.label ?? job.provider),
      });
      // The kind (expired, moderation, provider, lost) is kept with the job's history.
      store.addProvenance({
        actor: `provider:${job.provider}`,
        action: 'job.failed',
        subjectType: 'job',
        subjectId: jobId,
        details: { failureKind, taskId },
      });
    }
  } finally {
    release?.();
    await rm(resultTmp, { force: true });
  }
}

/** The error's parameters with any piece of the key removed (a provider may echo it). */
function redactedInfo(info: JobErrorInfo, keys: string[]): JobErrorInfo {
  const params = Object.fromEntries(
    Object.entries(info.params).map(([k, v]) => [k, typeof v === 'string' ? redact(v, keys) : v]),
  );
  return { code: info.code, params };
}

/** Marker: the job was already marked `unknown`; nothing else to record. */
class UnknownOutcome extends Error {}
