/**
 * fetch for an OpenAI-compatible `/v1/videos` gateway (providers.md §1): Bearer auth, the
 * `{"error":{message,type,param,code}}` body turned into AppErrors the runner and user understand.
 */
import { AppError } from '../../../../../shared/errors.js';
import type { ProviderContext } from '../../types.js';
import { retryAfterFromHeaders } from '../http.js';

export const LABEL = 'OpenAI-compatible /v1/videos gateway';

/** The gateway's base URL, e.g. https://gateway.example/v1 (no default: OpenAI's own is shut down). */
export function gatewayBase(ctx: ProviderContext): string {
  const raw = ctx.settings.baseUrl?.trim();
  if (!raw) {
    throw new AppError(
      'INVALID_INPUT',
      `The ${LABEL} needs the gateway's base URL (ending in /v1) in settings or STORYBOARD_OPENAI_VIDEOS_BASE_URL; OpenAI's own /v1/videos was shut down on 2026-09-24.`,
      { setting: 'baseUrl' },
    );
  }
  return raw.replace(/\/+$/, '');
}

function key(ctx: ProviderContext): string {
  const k = ctx.settings.apiKey?.trim();
  if (!k)
    throw new AppError(
      'INVALID_INPUT',
      `The ${LABEL} needs the gateway's API key in settings (or STORYBOARD_OPENAI_VIDEOS_API_KEY).`,
      { auth: true },
    );
  return k;
}

/** Retry-After in ms (providers/http.ts), 0 when absent: the runner then waits its own backoff. */
export function retryAfterHeaderMs(h: Headers, now = Date.now()): number {
  return retryAfterFromHeaders(h, now) ?? 0;
}

interface OpenAIErrorBody {
  error?: { message?: string; type?: string; param?: string | null; code?: string | null };
}

/** An error answer as an AppError: the gateway answered, so nothing was created (types.ts submit). */
export async function answerError(res: Response, what: string): Promise<AppError> {
  const text = await res.text().catch(() => '');
  let body: OpenAIErrorBody['error'];
  try {
    body = (JSON.parse(text) as OpenAIErrorBody).error;
  } catch {
    body = undefined;
  }
  const reason = body?.message ?? (text.trim().slice(0, 300) || res.statusText);
  const details = {
    status: res.status,
    code: body?.code ?? null,
    type: body?.type ?? null,
    param: body?.param ?? null,
  };
  const s = res.status;
  if (s === 401 || s === 403)
    return new AppError(
      'PROVIDER_FAILED',
      `The gateway rejected the API key when trying to ${what}: check it in settings (${reason}).`,
      { ...details, auth: true },
    );
  if (s === 429 && (body?.code === 'insufficient_quota' || body?.type === 'insufficient_quota')) {
    return new AppError(
      'PROVIDER_FAILED',
      `The gateway refused to ${what}: your quota or credit is used up (${reason}).`,
      { ...details, quota: true },
    );
  }
  if (s === 429) {
    return new AppError(
      'PROVIDER_FAILED',
      `The gateway is throttling requests (${reason}); waiting before trying again.`,
      { ...details, throttled: true, retryAfterMs: retryAfterHeaderMs(res.headers) },
    );
  }
  if (s === 404)
    return new AppError('PROVIDER_FAILED', `The gateway does not know this when trying to ${what} (${reason}).`, {
      ...details,
      notFound: true,
    });
  // OpenAI's error body `{"error":{message,type,param,code}}` (openai-node@7b7d6ca src/core/error.ts,
  // https://github.com/openai/openai-node/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/core/error.ts);
  // a moderation refusal is the failure kind the runner and the jobs panel read (shared/generation/failure.ts).
  if (body?.code === 'moderation_blocked' || /moderation|safety/i.test(body?.code ?? '')) {
    return new AppError('PROVIDER_FAILED', `The gateway's moderation blocked the request: ${reason}`, {
      ...details,
      moderation: true,
      failureKind: 'moderation',
    });
  }
  if (s >= 400 && s < 500)
    return new AppError(
      'INVALID_INPUT',
      `The gateway refused to ${what}: ${reason}${body?.param ? ` (parameter "${body.param}")` : ''}`,
      details,
    );
  return new AppError('PROVIDER_FAILED', `The gateway failed to ${what} (HTTP ${s}): ${reason}`, {
    ...details,
    server: true,
  });
}

/**
 * One request, no retries. A network error or a 5xx on a create is thrown as a plain Error, so
 * the runner marks the job `unknown` rather than paying twice (`create: true`).
 */
export async function gatewayFetch(
  ctx: ProviderContext,
  path: string,
  init: RequestInit & { what: string; create?: boolean },
): Promise<Response> {
  const base = gatewayBase(ctx);
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key(ctx)}`);
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { ...init, headers, signal: init.signal ?? ctx.signal });
  } catch (err) {
    if (ctx.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    const msg = `Could not reach the gateway at ${base} to ${init.what}: ${(err as Error).message}`;
    if (init.create) throw new Error(msg);
    throw new AppError('PROVIDER_FAILED', msg, { baseUrl: base });
  }
  if (res.ok) return res;
  if (init.create && res.status >= 500)
    throw new Error(
      `The gateway at ${base} failed to ${init.what} (HTTP ${res.status}); whether it created the video is unknown.`,
    );
  throw await answerError(res, init.what);
}

export async function gatewayJson<T>(
  ctx: ProviderContext,
  path: string,
  init: RequestInit & { what: string; create?: boolean },
): Promise<T> {
  const res = await gatewayFetch(ctx, path, init);
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    const msg = `The gateway at ${gatewayBase(ctx)} answered "${init.what}" with something that is not JSON: ${text.slice(0, 200)}`;
    // A create that answered 200 with garbage may still have created a video.
    if (init.create) throw new Error(msg);
    throw new AppError('PROVIDER_FAILED', msg);
  }
}
