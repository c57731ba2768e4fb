/**
 * The life of a paid job that is not a video generation (speech, lip sync, keyframe pictures,
 * upscales) on the SAME durable job rows as video (jobs table,
 * generation/runJob.ts rules): queued -> submitting -> submitted (task id stored in the same
 * step as the create's answer) -> running -> downloading -> succeeded, or failed / canceled /
 * unknown. A create whose answer is lost on a paid provider marks the job `unknown` and is never
 * sent again; after a kill, a job with a task id is polled, never created twice.
 */
import { jobError, jobErrorOf } from '../../../shared/generation/jobErrors.js';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isCanceled } from '../../../shared/errors.js';
import type { JobProgress } from '../../../shared/api/contract.js';
import type { Job, JobKind, JobState } from '../../../shared/model/entities.js';
import { IN_FLIGHT_JOB_STATES } from '../../../shared/model/entities.js';
import type { PollPolicy } from '../../../shared/generation/backoff.js';
import {
  canceled,
  DEFAULT_CLOUD_CONCURRENCY,
  DEFAULT_OFFLINE_CONCURRENCY,
  providerSlots,
  retryAfterMs,
  sleep,
} from '../generation/throttle.js';
import { pollUntilDone } from '../generation/taskPoll.js';
import type { PollResult, ProviderSettings } from '../generation/types.js';
import { jobKind } from '../generation/ports.js';
import { findLocalResult } from './localResult.js';
import { progressOf } from './progress.js';
import type { ProvenanceInput } from '../project/provenance.js';

/** What an adapter of a paid job (voice, picture model, upscaler) is given for one job. */
export interface JobContext {
  settings: ProviderSettings;
  jobId: string;
  /** Where a synchronous provider writes the result it got in its create answer (localResult.ts). */
  outDir: string;
  signal?: AbortSignal;
}

/** What a job kind gives the runner: one provider's calls for this job, and what to do with the file. */
export interface PaidJobSpec {
  label: string;
  offline: boolean;
  pollPolicy: PollPolicy;
  /** Slot family (concurrency is per provider, shared with nothing else). */
  slot: string;
  submit(): Promise<{ taskId: string }>;
  poll(taskId: string, signal?: AbortSignal): Promise<PollResult>;
  fetch(taskId: string, destPath: string, signal?: AbortSignal): Promise<void>;
  /** Stores the downloaded file (import, cache, place); answers what the job row records. */
  finish(tmpPath: string): Promise<{ resultAssetId: string; takeId?: string | null }>;
  /** File extension of the temp download. */
  ext: string;
  /** What the stored file is called (its asset's original name), without the extension. */
  name?: string;
}

export interface PaidJobStore {
  readonly dir: string;
  getJob(id: string): Job;
  updateJob(id: string, patch: Partial<Job>): unknown;
  addProvenance(entry: ProvenanceInput): unknown;
}

export interface PaidJobOptions {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** Shortest wait between polls of a paid task (5 s like video; tests against fakes lower it). */
  minCloudPollMs?: number;
}

/** The temp folder of paid jobs (named `dialogue` on disk since speech was the first of them). */
export function paidJobTmpDir(projectDir: string): string {
  return join(projectDir, '.storyboard', 'tmp', 'dialogue');
}

class Unknown extends Error {}

export async function runPaidJob(
  store: PaidJobStore,
  jobId: string,
  spec: PaidJobSpec,
  opts: PaidJobOptions,
): Promise<void> {
  let job = store.getJob(jobId);
  const set = (patch: Partial<Job>): void => {
    store.updateJob(jobId, patch);
    job = { ...job, ...patch };
    opts.onProgress?.(progressOf(job));
  };
  // A folder per job, so the file can carry a readable name (the asset's original name).
  const tmpDir = join(paidJobTmpDir(store.dir), `job-${jobId}`);
  const tmp = join(tmpDir, `${safeName(spec.name ?? `job-${jobId}`)}.${spec.ext}`);
  let taskId = job.taskId;
  let release: (() => void) | null = null;
  try {
    release = await providerSlots(
      spec.slot,
      spec.offline ? DEFAULT_OFFLINE_CONCURRENCY : DEFAULT_CLOUD_CONCURRENCY,
    ).acquire(opts.signal);
    await mkdir(tmpDir, { recursive: true });
    const submit = async (): Promise<string> => {
      if (opts.signal?.aborted) throw canceled();
      set({ state: 'submitting', taskId: null, error: null });
      try {
        const answer = await spec.submit();
        set({ state: 'submitted', taskId: answer.taskId });
        return answer.taskId;
      } catch (err) {
        const wait = retryAfterMs(err);
        if (wait !== null) {
          set({
            state: 'queued',
            error: `${spec.label} is busy (rate limit); waiting to send.`,
            errorInfo: jobError('busy', { provider: spec.label }),
          });
          await sleep(Math.max(wait, spec.pollPolicy.initialMs), opts.signal);
          return submit();
        }
        const answered = err instanceof AppError && (err.code === 'PROVIDER_FAILED' || err.code === 'INVALID_INPUT');
        if (spec.offline || answered) throw err;
        set({
          state: 'unknown',
          error: `The request to ${spec.label} was sent but its answer was lost (${(err as Error).message}). It was not sent again, so you are not charged twice.`,
          errorInfo: jobError('answerLost', { provider: spec.label, detail: (err as Error).message }),
        });
        throw new Unknown();
      }
    };
    if (job.state === 'queued' || taskId === null) taskId = await submit();
    let again = false;
    for (;;) {
      const floor = spec.offline ? 0 : (opts.minCloudPollMs ?? 5000);
      const result = await pollUntilDone(
        { poll: (id, ctx) => spec.poll(id, ctx.signal), pollPolicy: spec.pollPolicy },
        taskId,
        { tmpDir: '', settings: {}, ...(opts.signal ? { signal: opts.signal } : {}) },
        floor,
        (progress) => {
          if (job.state !== 'running') set({ state: 'running', progress });
        },
      );
      if (result.state === 'succeeded') break;
      if (result.taskLost && spec.offline && !again) {
        again = true; // a free offline render lost at restart: make it again
        taskId = await submit();
        continue;
      }
      throw new AppError(
        'PROVIDER_FAILED',
        result.error ?? `${spec.label} reported the task as failed without a reason.`,
      );
    }
    set({ state: 'downloading', progress: 1 });
    await spec.fetch(taskId, tmp, opts.signal);
    if (opts.signal?.aborted) throw canceled();
    const done = await spec.finish(tmp);
    set({
      state: 'succeeded',
      progress: 1,
      resultAssetId: done.resultAssetId,
      takeId: done.takeId ?? null,
      costActual: job.costEstimate,
      error: null,
    });
  } catch (err) {
    if (err instanceof Unknown) return;
    if (isCanceled(err) || opts.signal?.aborted) {
      set({ state: 'canceled', error: null });
    } else {
      set({
        state: 'failed',
        error: (err as Error).message || String(err),
        errorInfo: jobErrorOf(err, spec.label),
      });
      store.addProvenance({
        actor: `provider:${job.provider}`,
        action: 'job.failed',
        subjectType: 'job',
        subjectId: jobId,
        details: { taskId },
      });
    }
  } finally {
    release?.();
    await rm(tmpDir, { recursive: true, force: true });
  }
}

/** A file name from free text: no path separators or control characters, at most 60 characters. */
function safeName(text: string): string {
  const clean = [
    ...text
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ]
    .slice(0, 60)
    .join('')
    .trim();
  return clean || 'audio';
}

/** What a resume is told: the job's signal and progress, and the ids it is about to run. */
export type ResumeOptions = Pick<PaidJobOptions, 'signal' | 'onProgress'> & { onStart?: (jobIds: string[]) => void };

/**
 * After a crash or restart, the unfinished jobs of one kind: one cut off while sending is found
 * again when its result reached the disk (synchronous providers write it before answering), sent
 * again when its provider is offline (free), else marked `unknown` with `lostMessage` (it may have
 * been paid) and never sent again. Jobs with a task id are polled. Returns the ids it ran.
 */
export async function resumePaidJobs(
  store: PaidJobStore & { listJobs(filter?: { states?: readonly JobState[] }): Job[] },
  o: {
    kind: JobKind;
    outDir: string;
    offline: (providerId: string) => boolean;
    lostMessage: string;
    run: (jobId: string) => Promise<void>;
    /**
     * A provider that names requests by our job id can say whether one cut off while sending
     * reached it: its task id, or null (unknown; never sent again).
     */
    reconcile?: (job: Job) => Promise<string | null>;
  },
  opts: ResumeOptions = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const job of store.listJobs({ states: IN_FLIGHT_JOB_STATES })) {
    if (jobKind(job) !== o.kind) continue;
    if (job.state === 'submitting') {
      const found = (await findLocalResult(o.outDir, job.id)) ?? (await o.reconcile?.(job).catch(() => null)) ?? null;
      if (found) store.updateJob(job.id, { state: 'submitted', taskId: found, error: null });
      else if (o.offline(job.provider)) store.updateJob(job.id, { state: 'queued', taskId: null, error: null });
      else {
        store.updateJob(job.id, { state: 'unknown', error: o.lostMessage });
        opts.onProgress?.({
          jobId: job.id,
          shotId: job.shotId,
          state: 'unknown',
          progress: job.progress,
          error: o.lostMessage,
        });
        continue;
      }
    }
    ids.push(job.id);
  }
  opts.onStart?.(ids);
  await Promise.all(ids.map((id) => o.run(id)));
  return ids;
}
