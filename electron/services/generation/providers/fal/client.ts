/**
 * The `@fal-ai/client` SDK set up for one call: our key, our base URL (fal's proxy protocol:
 * every request goes to the proxy with the real fal URL in `x-fal-target-url`), and a fetch that
 * takes retrying away from the SDK where it would be unsafe or hidden:
 * - the SDK retries a queue submit on 429/5xx and on network errors (queue.js QUEUE_RETRY_CONFIG
 *   overrides any `retry` we configure), which could create and pay twice (design.md §5). So a
 *   POST that fails in transport or with 5xx throws a plain Error the SDK does not retry
 *   (outcome unknown), and a 429 from any call throws our throttled AppError at once, so the
 *   runner waits Retry-After instead of the SDK retrying silently.
 */
import { ApiError, createFalClient, type FalClient } from '@fal-ai/client';
import { AppError } from '../../../../../shared/errors.js';
import type { ProviderContext } from '../../types.js';
import { causeCode, parseRetryAfter, type ReasonKind } from '../http.js';
import { falFlaggedInput, FLAGGED_TEXT, type FlaggedInput } from '../../../../../shared/generation/failure.js';

export function guardedFetch(signal?: AbortSignal): typeof fetch {
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    let res: Response;
    try {
      res = await fetch(input, init);
    } catch (err) {
      if (signal?.aborted || init?.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
      if (causeCode(err) === 'ECONNREFUSED') {
        throw new AppError(
          'PROVIDER_FAILED',
          'fal.ai refused the connection (check the base URL in settings, STORYBOARD_FAL_BASE_URL).',
          { notRunning: true },
        );
      }
      // No cause attached: the SDK must not see a retryable network error here.
      throw new Error(`fal.ai did not answer (${method}): ${causeCode(err) ?? (err as Error).message}`);
    }
    if (res.status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after')) ?? 0;
      const text = await res.text().catch(() => '');
      throw new AppError(
        'PROVIDER_FAILED',
        `fal.ai is busy (429 Too Many Requests${text ? `: ${text.slice(0, 200)}` : ''}); waiting before trying again.`,
        { status: 429, throttled: true, retryAfterMs },
      );
    }
    if (method === 'POST' && res.status >= 500) {
      throw new Error(`fal.ai failed with HTTP ${res.status} after the request was sent; it was not sent again.`);
    }
    return res;
  };
}

export function falClient(ctx: ProviderContext): FalClient {
  const key = ctx.settings.apiKey?.trim();
  if (!key) {
    throw new AppError('PROVIDER_FAILED', 'No fal.ai API key is set. Add it in settings (or STORYBOARD_FAL_API_KEY).', {
      failureKind: 'auth',
      missingKey: true,
    });
  }
  const base = ctx.settings.baseUrl?.trim();
  return createFalClient({
    credentials: key,
    suppressLocalCredentialsWarning: true,
    ...(base ? { proxyUrl: { url: base, when: 'always' as const } } : {}),
    fetch: guardedFetch(ctx.signal),
  });
}

/** fal's reason from an error body: `detail` as a string or a list of `{loc, msg, type}`. */
export function falReason(body: unknown, fallback: string): { reason: string; types: string[] } {
  const b = (body ?? {}) as { detail?: unknown; message?: string; error?: string };
  if (typeof b.detail === 'string') return { reason: b.detail, types: [] };
  if (Array.isArray(b.detail)) {
    const items = b.detail as { loc?: unknown[]; msg?: string; type?: string }[];
    return {
      reason:
        items.map((d) => [d.loc?.filter((x) => x !== 'body').join('.'), d.msg].filter(Boolean).join(': ')).join('; ') ||
        fallback,
      types: items.map((d) => d.type ?? ''),
    };
  }
  return { reason: b.message ?? b.error ?? fallback, types: [] };
}

export function classifyFal(
  status: number,
  body: unknown,
): { kind: ReasonKind; reason: string; flagged?: FlaggedInput | null } {
  const { reason, types } = falReason(body, `HTTP ${status}`);
  if (
    types.some((t) => /content_policy|safety|moderation/i.test(t)) ||
    /content policy|safety|flagged|moderation/i.test(reason)
  ) {
    // The refusal's `loc` names the input (docs.fal.ai/errors: ["body", "<field>"]; first-party).
    const items = (body as { detail?: unknown } | null)?.detail;
    const hit = Array.isArray(items)
      ? (items as { loc?: unknown[]; type?: string }[]).find((d) =>
          /content_policy|safety|moderation/i.test(d.type ?? ''),
        )
      : undefined;
    return { kind: 'moderation', reason, flagged: falFlaggedInput(hit?.loc) };
  }
  if (status === 401) return { kind: 'auth', reason };
  if (status === 402 || (status === 403 && /balance|locked|billing|credit/i.test(reason)))
    return { kind: 'quota', reason };
  if (status === 403) return { kind: 'auth', reason };
  if (status === 400 || status === 422) return { kind: 'invalid', reason };
  return { kind: 'provider', reason };
}

const ADVICE: Record<ReasonKind, string> = {
  auth: 'fal.ai refused the API key. Check it in settings.',
  quota: 'fal.ai refused for billing: check the account balance.',
  moderation: 'fal.ai blocked the content (safety filter). Change the prompt or images.',
  invalid: 'fal.ai rejected a parameter. Change the shot settings.',
  provider: 'fal.ai refused the request.',
};

/** Any SDK error as the runner expects it (types.ts): 4xx PROVIDER_FAILED, 5xx / transport a plain Error. */
export function mapFalError(err: unknown, what: string): Error {
  if (err instanceof AppError) return err;
  if (err instanceof ApiError && err.status >= 400 && err.status < 500) {
    const info = classifyFal(err.status, err.body);
    const advice =
      info.kind === 'moderation' && info.flagged
        ? `fal.ai's safety filter flagged ${FLAGGED_TEXT[info.flagged]}. Change it before trying again.`
        : ADVICE[info.kind];
    return new AppError('PROVIDER_FAILED', `${advice} (${what}: ${info.reason})`, {
      status: err.status,
      failureKind: info.kind,
      reason: info.reason,
      ...(info.flagged ? { flagged: info.flagged } : {}),
    });
  }
  if (err instanceof ApiError) return new Error(`fal.ai failed with HTTP ${err.status} while trying to ${what}.`);
  return err instanceof Error ? err : new Error(String(err));
}
