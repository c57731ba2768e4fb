/** Poll timing for generation tasks: exponential backoff with jitter (quality.md JOB-5). */

export interface PollPolicy {
  /** First wait after a "still running" answer. */
  initialMs: number;
  /** Longest wait between polls (cloud providers: >= 5000, at most one poll per 5 s per task). */
  maxMs: number;
  /** Growth per poll, >= 1. */
  factor: number;
}

/**
 * Wait before poll number `attempt + 1`. `random` in [0, 1) adds up to 25% so many tasks
 * started together don't poll in lockstep. Jitter only ever lengthens the wait: a policy with
 * initialMs 5000 never polls a task more than once per 5 s (JOB-5).
 */
export function pollDelayMs(policy: PollPolicy, attempt: number, random: number): number {
  const base = Math.min(policy.maxMs, policy.initialMs * Math.max(1, policy.factor) ** Math.max(0, attempt));
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(base * (1 + 0.25 * r));
}
