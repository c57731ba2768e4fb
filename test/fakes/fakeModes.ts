/**
 * The failure modes the cloud fakes share, each in one place: "the next N" counters (throttle,
 * stale links, dropped creates), the 429 with Retry-After, a create counted late (kill tests),
 * and a signed output link that expires (`sendSignedOutput` in recordingHttp.ts). Each fake keeps
 * its provider's own error form; only when a mode fires is decided here. No imports: the ComfyUI
 * fake is bundled into a process of its own, where realMedia (recordingHttp.ts) cannot resolve.
 */

/** A "next N" mode: true, with one fewer left, while any are left. */
export function spend<K extends string>(modes: Record<K, number>, key: K): boolean {
  if (modes[key] <= 0) return false;
  modes[key]--;
  return true;
}

/** The Retry-After header to answer 429 with while the throttle lasts (counting it down), else null. */
export function throttled(modes: { throttle: number; retryAfterSec: number }): Record<string, string> | null {
  return spend(modes, 'throttle') ? { 'retry-after': String(modes.retryAfterSec) } : null;
}

/** Counts a create now, or `countDelayMs` after its answer went out (a kill lands while its id is stored). */
export function countCreate(modes: { countDelayMs: number }, count: () => void): void {
  if (modes.countDelayMs > 0) setTimeout(count, modes.countDelayMs).unref();
  else count();
}

/** The modes of a fake whose outputs are signed links (Runway, Luma, Luma Agents). */
export interface SignedOutputModes {
  /** Time from create to done. */
  runMs: number;
  /** The next N API requests answer 429 with Retry-After. */
  throttle: number;
  retryAfterSec: number;
  /** Signed output URLs answer 403 (expired). */
  expireOutputs: boolean;
  /** The next N output downloads answer 403 (a link that expired after it was read). */
  staleLinks: number;
  /** Creates become visible in `creates` only this long after the answer was sent (kill tests). */
  countDelayMs: number;
}

/** A signed-output fake's modes when a test sets none: a 300 ms task, links that work, counted at once. */
export const SIGNED_OUTPUT_DEFAULTS: SignedOutputModes = {
  runMs: 300,
  throttle: 0,
  retryAfterSec: 1,
  expireOutputs: false,
  staleLinks: 0,
  countDelayMs: 0,
};

/**
 * The task clock the cloud fakes run: queued for the first third of `runMs` after the create,
 * running until `runMs`, then ended (each fake says whether it succeeded or failed).
 */
export function taskPhase(createdAt: number, runMs: number): 'queued' | 'running' | 'ended' {
  const age = Date.now() - createdAt;
  return age < runMs / 3 ? 'queued' : age < runMs ? 'running' : 'ended';
}
