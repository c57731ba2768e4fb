/**
 * The `replicate` SDK set up for ONE request: our token, our base URL (`baseUrl`), and a fetch
 * that lets exactly one request through. The SDK's withAutomaticRetries (lib/util.js) retries a
 * call whose fetch threw — any error, also on a POST — and retries 429 on every method, which
 * could create a prediction twice (design.md §5) or hide throttling from the runner. So a second
 * attempt gets the first attempt's error again without touching the network; a 429 becomes our
 * throttled AppError (Retry-After), a 5xx or a transport error a plain Error (outcome unknown).
 */
import Replicate from 'replicate';
import { AppError } from '../../../../../shared/errors.js';
import type { ProviderContext } from '../../types.js';
import { parseRetryAfter, type ReasonKind } from '../http.js';

function causeCode(err: unknown): string | undefined {
  return ((err as { cause?: { code?: string } }).cause ?? (err as { code?: string })).code;
}

export function oneShotFetch(signal?: AbortSignal): typeof fetch {
  let attempted = false;
  let firstError: Error | null = null;
  return async (input, init) => {
    if (attempted) throw firstError ?? new Error('Replicate: a request is sent once per call.');
    attempted = true;
    const fail = (e: Error): never => {
      firstError = e;
      throw e;
    };
    let res: Response;
    try {
      res = await fetch(input, init);
    } catch (err) {
      if (signal?.aborted || init?.signal?.aborted) return fail(new AppError('CANCELED', 'Generation was canceled.'));
      if (causeCode(err) === 'ECONNREFUSED') {
        return fail(
          new AppError(
            'PROVIDER_FAILED',
            'Replicate refused the connection (check the base URL in settings, STORYBOARD_REPLICATE_BASE_URL).',
            { notRunning: true },
          ),
        );
      }
      return fail(new Error(`Replicate did not answer: ${causeCode(err) ?? (err as Error).message}`));
    }
    if (res.status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after')) ?? 0;
      const text = await res.text().catch(() => '');
      return fail(
        new AppError(
          'PROVIDER_FAILED',
          `Replicate is busy (429 Too Many Requests${text ? `: ${replicateReason(text)}` : ''}); waiting before trying again.`,
          { status: 429, throttled: true, retryAfterMs },
        ),
      );
    }
    if (res.status >= 500)
      return fail(new Error(`Replicate failed with HTTP ${res.status}; the request was not sent again.`));
    return res;
  };
}

export function replicateClient(ctx: ProviderContext): Replicate {
  const auth = ctx.settings.apiKey?.trim();
  if (!auth) {
    throw new AppError(
      'PROVIDER_FAILED',
      'No Replicate API token is set. Add it in settings (or STORYBOARD_REPLICATE_API_KEY).',
      { failureKind: 'auth', missingKey: true },
    );
  }
  const baseUrl = ctx.settings.baseUrl?.trim() || undefined;
  return new Replicate({
    auth,
    ...(baseUrl ? { baseUrl } : {}),
    fetch: oneShotFetch(ctx.signal),
    userAgent: 'storyboard',
  });
}

/** Replicate's problem-details body `{title, detail, status}` (or plain text) as one sentence. */
export function replicateReason(text: string): string {
  try {
    const b = JSON.parse(text) as { title?: string; detail?: string };
    return [b.title, b.detail].filter(Boolean).join(': ') || text.slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}

export function classifyReplicate(status: number, reason: string): ReasonKind {
  if (/flagged|sensitive|nsfw|safety|E005/i.test(reason)) return 'moderation';
  if (status === 401 || status === 403) return 'auth';
  if (status === 402 || /billing|credit|payment/i.test(reason)) return 'quota';
  if (status === 400 || status === 404 || status === 422) return 'invalid';
  return 'provider';
}

const WHY: Record<ReasonKind, string> = {
  auth: 'Replicate refused the API token; check it in settings',
  quota: 'Replicate refused for billing; check the account',
  moderation: 'Replicate blocked the content (safety filter); change the prompt or images',
  invalid: 'Replicate rejected the request; change the shot settings',
  provider: 'Replicate refused the request',
};

/** An SDK error as the runner expects it (types.ts): 4xx PROVIDER_FAILED, else a plain Error. */
export function mapReplicateError(err: unknown, what: string): Error {
  if (err instanceof AppError) return err;
  // The SDK does not export ApiError at runtime: recognise it by shape.
  const api = err as { name?: string; message?: string; response?: { status?: number } } | null;
  if (api?.name === 'ApiError' && typeof api.response?.status === 'number') {
    const status = api.response.status;
    const text = /failed with status \d+[^:]*: ([\s\S]*)\.$/.exec(api.message ?? '')?.[1] ?? '';
    const reason = replicateReason(text) || `HTTP ${status}`;
    if (status >= 400 && status < 500) {
      const kind = classifyReplicate(status, reason);
      return new AppError('PROVIDER_FAILED', `${WHY[kind]} (${what}: ${reason}).`, {
        status,
        failureKind: kind,
        reason,
      });
    }
  }
  return err instanceof Error ? err : new Error(String(err));
}
