/**
 * Runway's errors as the job runner needs them (types.ts submit):
 * - 401: a bad key; 400/403/404/422: Runway answered and created nothing (PROVIDER_FAILED with
 *   its own message: invalid parameter, not enough credits, model not on this plan);
 * - 429 (daily limit, providers.md §3): throttled, details.retryAfterMs from Retry-After;
 * - connection refused: nothing was sent, so nothing was created (PROVIDER_FAILED);
 * - other network errors, timeouts and 5xx: a plain Error (on create: outcome unknown).
 * Task failures: failureCode SAFETY.* is moderation (Runway's reason shown), ASSET.INVALID a bad
 * input picture, INTERNAL.* Runway's own trouble (https://docs.dev.runwayml.com/errors/task-failures/).
 */
import { FLAGGED_TEXT, flaggedInput } from '../../../../../shared/generation/failure.js';
import { APIConnectionError, APIError, APIUserAbortError } from '@runwayml/sdk';
import { AppError } from '../../../../../shared/errors.js';
import { parseRetryAfter } from '../http.js';

/** Runway's message from an error body: `{error, issues:[{message}]}` or the SDK's text. */
export function runwayErrorText(body: unknown, fallback: string): string {
  const b = (body ?? {}) as { error?: unknown; message?: unknown; issues?: { message?: string; path?: unknown[] }[] };
  const head = typeof b.error === 'string' ? b.error : typeof b.message === 'string' ? b.message : '';
  const issues = (b.issues ?? [])
    .map((i) => [Array.isArray(i.path) ? i.path.join('.') : '', i.message].filter(Boolean).join(': '))
    .filter(Boolean);
  return [head, ...issues].filter(Boolean).join('; ') || fallback;
}

function causeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps an SDK error from the call `what` (e.g. "create the task for shot 2"). Always throws. */
export function throwRunwayError(err: unknown, what: string, baseUrl: string): never {
  if (err instanceof AppError) throw err;
  if (err instanceof APIUserAbortError) throw new AppError('CANCELED', 'Generation was canceled.');
  if (err instanceof APIConnectionError) {
    if (causeCode(err) === 'ECONNREFUSED') {
      throw new AppError(
        'PROVIDER_FAILED',
        `Runway could not be reached at ${baseUrl} (connection refused while trying to ${what}). Check the address in settings (STORYBOARD_RUNWAY_BASE_URL).`,
        { baseUrl, notRunning: true },
      );
    }
    throw new Error(`Runway at ${baseUrl} did not answer while trying to ${what}: ${causeCode(err) ?? err.message}`);
  }
  if (!(err instanceof APIError) || typeof err.status !== 'number')
    throw err instanceof Error ? err : new Error(String(err));
  const status = err.status;
  const text = runwayErrorText(err.error, err.message);
  if (status === 401) {
    throw new AppError(
      'PROVIDER_FAILED',
      `Runway rejected the API key (401: ${text}). Check the Runway key in settings.`,
      { status, failureKind: 'auth' },
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(err.headers?.get('retry-after') ?? null) ?? 0;
    throw new AppError(
      'PROVIDER_FAILED',
      `Runway is rate limiting this account (429: ${text}) while trying to ${what}; waiting before trying again.`,
      { status, throttled: true, retryAfterMs },
    );
  }
  if (status >= 400 && status < 500) {
    const quota = /credit|billing|balance|quota/i.test(text);
    throw new AppError(
      'PROVIDER_FAILED',
      quota
        ? `Runway refused to ${what}: not enough credits or over the plan's quota (${status}: ${text}).`
        : `Runway refused to ${what} (${status}): ${text}`,
      { status, failureKind: quota ? 'quota' : 'invalid', runwayError: err.error },
    );
  }
  throw new Error(`Runway failed with HTTP ${status} while trying to ${what}: ${text}`);
}

/** The sentence for a FAILED task (its `failure` and `failureCode`). */
export function runwayFailureMessage(failure: string | undefined, code: string | undefined): string {
  const reason = failure?.trim() || 'no reason given';
  const c = code ?? '';
  // SAFETY.INPUT.TEXT / SAFETY.INPUT.IMAGE name the flagged input (flaggedInput).
  const flagged = flaggedInput(c);
  if (c.startsWith('SAFETY.INPUT') && flagged)
    return `Runway's content moderation flagged ${FLAGGED_TEXT[flagged]} (${c}): ${reason}. Change it before trying again.`;
  if (c.startsWith('SAFETY.INPUT'))
    return `Runway's content moderation refused the prompt or input image (${c}): ${reason}. Change them before trying again.`;
  if (c.startsWith('SAFETY.OUTPUT'))
    return `Runway's content moderation blocked the generated video (${c}): ${reason}. Trying again or rewording the prompt may help.`;
  if (c.startsWith('SAFETY')) return `Runway's content moderation stopped this task (${c}): ${reason}.`;
  if (c.startsWith('ASSET.INVALID')) return `Runway could not use an input image (${c}): ${reason}.`;
  if (c.startsWith('INTERNAL')) return `Runway failed on its side (${c}): ${reason}. Trying again may work.`;
  return `Runway failed the task${c ? ` (${c})` : ''}: ${reason}`;
}
