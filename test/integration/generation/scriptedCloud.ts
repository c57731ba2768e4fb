/**
 * A paid provider whose answers a test scripts call by call: throttling (429 with
 * Retry-After) on create or poll, failures with a reason, expired outputs, reconcile. It
 * records every create and poll, and how many tasks were in flight at once.
 */
import { copyFileSync } from 'node:fs';
import { plainCapabilities } from '../../fakes/capabilities.js';
import { AppError } from '../../../shared/errors.js';
import type { FailureKind } from '../../../shared/generation/failure.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import type { Job } from '../../../shared/model/entities.js';
import type { QueueAdapter } from '../../../electron/services/generation/ports.js';
import type { PollResult } from '../../../electron/services/generation/types.js';

export interface Scripted extends QueueAdapter {
  /** Accepted creates (a throttled create is not one). */
  creates: GenerationRequest[];
  createAttempts: number;
  polls: string[];
  fetches: string[];
  maxInFlight: number;
  canceled: string[];
}

export interface Script {
  clip: string;
  id?: string;
  cost?: number;
  /** Throttle the first N create calls (429, nothing created). */
  throttleCreates?: number;
  /** Throttle the first N polls. */
  throttlePolls?: number;
  /** Polls per task before it is done. */
  pollsToFinish?: number;
  /** Finish every task as failed with this reason and kind. */
  fail?: { error: string; kind?: FailureKind };
  /** The output is gone when fetched. */
  expired?: boolean;
  maxConcurrent?: number;
  /** Reconcile finds tasks for these job ids. */
  known?: Map<string, string>;
  /** Reconcile is sure these job ids were never accepted. */
  absent?: Set<string>;
}

export function scriptedCloud(s: Script): Scripted {
  let next = 1;
  let inFlight = 0;
  const done = new Set<string>();
  const throttled = (): AppError =>
    new AppError('PROVIDER_FAILED', 'Too many requests.', { status: 429, throttled: true, retryAfterMs: 20 });
  const p: Scripted = {
    id: s.id ?? 'cloud',
    label: `Scripted ${s.id ?? 'cloud'}`,
    offline: false,
    creates: [],
    createAttempts: 0,
    polls: [],
    fetches: [],
    maxInFlight: 0,
    canceled: [],
    capabilities: plainCapabilities(),
    pollPolicy: { initialMs: 5, maxMs: 10, factor: 1 },
    ...(s.maxConcurrent ? { maxConcurrent: s.maxConcurrent } : {}),
    estimateCost: () => s.cost ?? 0.5,
    async submit(req) {
      p.createAttempts++;
      if (p.createAttempts <= (s.throttleCreates ?? 0)) throw throttled();
      p.creates.push(req);
      inFlight++;
      p.maxInFlight = Math.max(p.maxInFlight, inFlight);
      return { taskId: `${p.id}-task-${next++}` };
    },
    async poll(taskId) {
      p.polls.push(taskId);
      if (p.polls.length <= (s.throttlePolls ?? 0)) throw throttled();
      const n = p.polls.filter((t) => t === taskId).length;
      if (n < (s.pollsToFinish ?? 2)) return { state: 'running', progress: n / (s.pollsToFinish ?? 2) };
      if (!done.has(taskId)) {
        done.add(taskId);
        inFlight--;
      }
      if (s.fail) {
        const failed: PollResult & { failureKind?: FailureKind } = { state: 'failed', error: s.fail.error };
        if (s.fail.kind) failed.failureKind = s.fail.kind;
        return failed;
      }
      return { state: 'succeeded' };
    },
    async fetchResult(taskId, dest) {
      p.fetches.push(taskId);
      if (s.expired) {
        throw new AppError('PROVIDER_FAILED', `The output of task ${taskId} is no longer available (HTTP 404).`, {
          expired: true,
          failureKind: 'expired',
        });
      }
      copyFileSync(s.clip, dest);
    },
    async cancel(taskId) {
      p.canceled.push(taskId);
    },
  };
  if (s.known || s.absent) {
    const known = s.known ?? new Map<string, string>();
    const absent = s.absent ?? new Set<string>();
    p.reconcile = async (job: Job) =>
      known.has(job.id)
        ? { taskId: known.get(job.id) as string }
        : absent.has(job.id)
          ? { absent: true as const }
          : null;
  }
  return p;
}
