/**
 * HTTP to the Kling API with the error mapping the job runner relies on (types.ts submit).
 * Kling answers `{code, message, request_id, data}`; code 0 is success, anything else is an
 * error whatever the HTTP status (providers.md §5 "Errors"; commonInfo error-code table):
 *   1000-1004 auth (1004 = token expired), 1100-1103 account (1101 arrears, 1102 resource
 *   pack used up), 1200-1203 invalid request, 1300/1301 platform / content-safety policy,
 *   1302 too fast and 1303 too many parallel tasks (both throttling), 5000-5002 server.
 * A 4xx / known code means Kling answered and created nothing -> PROVIDER_FAILED; network
 * errors and 5xx are plain Errors (on create: outcome unknown, never re-sent).
 */
import { AppError } from '../../../../../shared/errors.js';
import { fetchJsonText, parseRetryAfter } from '../http.js';
import type { KlingKeys } from './jwt.js';
import { klingJwt } from './jwt.js';

/**
 * Regional endpoints: global (Singapore; commonInfo) and its older host, and mainland China
 * (Beijing; secondary: third-party clients). Keys of one region do not work in the other.
 * Pick one with the provider's base URL setting (STORYBOARD_KLING_BASE_URL).
 */
export const KLING_REGIONS = {
  global: 'https://api-singapore.klingai.com',
  legacy: 'https://api.klingai.com',
  china: 'https://api-beijing.klingai.com',
} as const;
export const DEFAULT_KLING_URL = KLING_REGIONS.global;

const REQUEST_TIMEOUT_MS = 60_000;

export interface KlingEnvelope<T> {
  code?: number;
  message?: string;
  request_id?: string;
  data?: T;
}

/** The user's sentence and details for a Kling error code (null: not a known client error). */
export function klingError(
  code: number,
  message: string,
  status: number,
  retryAfterMs: number | null,
): AppError | null {
  const said = message ? ` Kling said: "${message}" (code ${code}).` : ` (code ${code})`;
  if ((code >= 1000 && code <= 1004) || status === 401) {
    return new AppError(
      'PROVIDER_FAILED',
      `Kling refused the key${code === 1004 ? ' (token expired: check the computer clock)' : ''}: check the access key and secret key in settings (keys of the global and China sites differ: does the base URL match?).${said}`,
      { status, code, auth: true },
    );
  }
  if (code === 1302 || code === 1303 || (status === 429 && !(code >= 1100 && code <= 1103))) {
    return new AppError(
      'PROVIDER_FAILED',
      `Kling is at its limit (${code === 1303 ? 'too many tasks running for your resource pack' : 'too many requests'}); waiting before trying again.${said}`,
      { status: 429, code, throttled: true, retryAfterMs: retryAfterMs ?? 1000 },
    );
  }
  if (code >= 1100 && code <= 1103) {
    return new AppError(
      'PROVIDER_FAILED',
      `Kling account problem: ${code === 1101 ? 'the account is in arrears' : code === 1102 ? 'the resource pack is used up or expired' : 'no access'}; top up or check the plan in the Kling console.${said}`,
      { status, code, quota: true },
    );
  }
  if (code === 1300 || code === 1301) {
    return new AppError(
      'PROVIDER_FAILED',
      `Kling's content-safety policy blocked this shot; change the prompt or images.${said}`,
      // 1300/1301 "trigger the content security policy" names no input (Kling error-code page,
      // https://app.klingai.com/global/dev/document-api/protocols/errorCode — first-party): moderation, unflagged.
      { status, code, moderation: true, reason: message, failureKind: 'moderation' },
    );
  }
  if (code >= 1200 && code <= 1203) {
    return new AppError('PROVIDER_FAILED', `Kling rejected a parameter.${said}`, {
      status,
      code,
      invalidParameter: true,
    });
  }
  if (status >= 400 && status < 500)
    return new AppError('PROVIDER_FAILED', `Kling refused the request (HTTP ${status}).${said}`, { status, code });
  return null;
}

export interface KlingCall {
  base: string;
  keys: KlingKeys;
  what: string;
  signal?: AbortSignal;
  method?: 'GET' | 'POST';
  body?: unknown;
}

/** One call; returns `data` of a code-0 envelope, or null for an unknown task (HTTP 404). */
export async function klingJson<T>(path: string, c: KlingCall): Promise<T | null> {
  const { res, text } = await fetchJsonText(path, {
    provider: 'Kling',
    base: c.base,
    what: c.what,
    authorization: `Bearer ${klingJwt(c.keys.accessKey, c.keys.secretKey)}`,
    method: c.method ?? 'GET',
    body: c.body,
    signal: c.signal,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  let env: KlingEnvelope<T> = {};
  try {
    env = JSON.parse(text) as KlingEnvelope<T>;
  } catch {
    /* not JSON: judged by the status below */
  }
  const code = typeof env.code === 'number' ? env.code : res.ok ? 0 : -1;
  if (res.ok && code === 0) return env.data ?? null;
  if (res.status === 404 || code === 1203) return null;
  const mapped = klingError(code, env.message ?? '', res.status, parseRetryAfter(res.headers.get('retry-after')));
  if (mapped) throw mapped;
  throw new Error(
    `Kling failed with HTTP ${res.status} while trying to ${c.what}${text ? `: ${text.slice(0, 300)}` : ''}`,
  );
}
