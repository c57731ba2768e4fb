/**
 * Polling one provider task until it leaves `running`: the provider's back-off with a floor,
 * a Retry-After honoured (clamped, never given up: JOB-4), network blips tolerated a few times.
 * Used by video jobs (runJob.ts) and every paid job (jobs/paidJob.ts: speech, lip sync, pictures,
 * upscales).
 */
import { AppError, isCanceled } from '../../../shared/errors.js';
import { pollDelayMs } from '../../../shared/generation/backoff.js';
import { canceled, retryAfterMs, sleep } from './throttle.js';
import type { PollResult, ProviderAdapter, ProviderContext } from './types.js';

/** Consecutive poll errors (network blips) tolerated before the job fails. */
const MAX_POLL_ERRORS = 5;
/** A provider asking us to wait longer than this is clamped: we poll again, never give up. */
export const MAX_THROTTLE_WAIT_MS = 10 * 60_000;

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw canceled();
}

/** Polls a task until it is no longer running (also used by the dialogue's speech and lip-sync jobs). */
export async function pollUntilDone(
  provider: Pick<ProviderAdapter, 'poll' | 'pollPolicy'>,
  taskId: string,
  ctx: ProviderContext,
  floor: number,
  onRunning: (progress: number) => void,
): Promise<PollResult> {
  let attempt = 0;
  let errors = 0;
  const nextDelay = (): number => Math.max(floor, pollDelayMs(provider.pollPolicy, attempt++, Math.random()));
  for (;;) {
    throwIfAborted(ctx.signal);
    let result: PollResult;
    try {
      result = await provider.poll(taskId, ctx);
      errors = 0;
    } catch (err) {
      if (isCanceled(err)) throw err;
      const wait = retryAfterMs(err);
      if (wait !== null) {
        // Throttled: wait as asked (at least the normal interval); not an error (JOB-4).
        await sleep(Math.min(MAX_THROTTLE_WAIT_MS, Math.max(wait, nextDelay())), ctx.signal);
        continue;
      }
      if ((err instanceof AppError && err.code === 'PROVIDER_FAILED') || ++errors >= MAX_POLL_ERRORS) throw err;
      await sleep(nextDelay(), ctx.signal);
      continue;
    }
    if (result.state !== 'running') return result;
    onRunning(Math.min(1, Math.max(0, result.progress ?? 0)));
    await sleep(nextDelay(), ctx.signal);
  }
}
