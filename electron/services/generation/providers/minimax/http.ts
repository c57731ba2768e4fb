/**
 * HTTP to the MiniMax API with the runner's error mapping (types.ts submit). MiniMax answers
 * HTTP 200 with `base_resp: {status_code, status_msg}` even for errors (providers.md §6,
 * errorcode page): 0 ok, 1002 rate limit, 1004 not authorized, 1008 balance, 1026/1027
 * input/output sensitive, 2013 invalid parameters, 2049 invalid key. Known codes and 4xx mean
 * nothing was created -> PROVIDER_FAILED; network errors and 5xx are plain Errors (unknown).
 */
import { AppError } from '../../../../../shared/errors.js';
import { parseRetryAfter } from '../http.js';

/** Global, and mainland China (platform.minimaxi.com). */
export const MINIMAX_REGIONS = { global: 'https://api.minimax.io', china: 'https://api.minimaxi.com' } as const;
export const DEFAULT_MINIMAX_URL = MINIMAX_REGIONS.global;
const REQUEST_TIMEOUT_MS = 60_000;

export interface BaseResp {
  base_resp?: { status_code?: number; status_msg?: string };
}

export function minimaxError(code: number, msg: string, status: number, retryAfterMs: number | null): AppError | null {
  const said = msg ? ` MiniMax said: "${msg}" (code ${code}).` : ` (code ${code})`;
  if (code === 1004 || code === 2049 || status === 401) {
    return new AppError(
      'PROVIDER_FAILED',
      `MiniMax refused the API key; check it in settings (and that it belongs to this region's platform).${said}`,
      { status, code, auth: true },
    );
  }
  if (code === 1002 || status === 429) {
    return new AppError('PROVIDER_FAILED', `MiniMax rate limit reached; waiting before trying again.${said}`, {
      status: 429,
      code,
      throttled: true,
      retryAfterMs: retryAfterMs ?? 0,
    });
  }
  if (code === 1008)
    return new AppError(
      'PROVIDER_FAILED',
      `MiniMax account balance is too low; top up on the MiniMax platform.${said}`,
      { status, code, quota: true },
    );
  if (code === 1026 || code === 1027) {
    return new AppError(
      'PROVIDER_FAILED',
      `MiniMax's content-safety check blocked this shot (${code === 1026 ? 'the prompt or images' : 'the generated video'}); change the prompt or images.${said}`,
      { status, code, moderation: true, reason: msg },
    );
  }
  if (code === 2013)
    return new AppError('PROVIDER_FAILED', `MiniMax rejected a parameter.${said}`, {
      status,
      code,
      invalidParameter: true,
    });
  if (status >= 400 && status < 500)
    return new AppError('PROVIDER_FAILED', `MiniMax refused the request (HTTP ${status}).${said}`, { status, code });
  return null;
}

export interface MinimaxCall {
  base: string;
  apiKey: string;
  what: string;
  signal?: AbortSignal;
  body?: unknown;
}

export async function minimaxJson<T extends BaseResp>(path: string, c: MinimaxCall): Promise<T> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = c.signal ? AbortSignal.any([c.signal, timeout]) : timeout;
  const headers: Record<string, string> = { authorization: `Bearer ${c.apiKey}` };
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${c.base.replace(/\/+$/, '')}${path}`, {
      method: c.body === undefined ? 'GET' : 'POST',
      headers,
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
      signal,
    });
  } catch (err) {
    if (c.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    const code = ((err as { cause?: { code?: string } }).cause ?? {}).code;
    throw new Error(`MiniMax at ${c.base} did not answer while trying to ${c.what}: ${code ?? (err as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  let json: T | null = null;
  try {
    json = JSON.parse(text) as T;
  } catch {
    /* not JSON */
  }
  const code = json?.base_resp?.status_code ?? (res.ok ? 0 : -1);
  if (res.ok && json && code === 0) return json;
  const mapped = minimaxError(
    code,
    json?.base_resp?.status_msg ?? '',
    res.status,
    parseRetryAfter(res.headers.get('retry-after')),
  );
  if (mapped) throw mapped;
  throw new Error(
    `MiniMax failed (HTTP ${res.status}, code ${code}) while trying to ${c.what}${text ? `: ${text.slice(0, 300)}` : ''}`,
  );
}
