/**
 * HTTP to the MiniMax API with the runner's error mapping (types.ts submit). MiniMax answers
 * HTTP 200 with `base_resp: {status_code, status_msg}` even for errors (providers.md §6,
 * errorcode page): 0 ok, 1002 rate limit, 1004 not authorized, 1008 balance, 1026/1027
 * input/output sensitive, 2013 invalid parameters, 2049 invalid key. Known codes and 4xx mean
 * nothing was created -> PROVIDER_FAILED; network errors and 5xx are plain Errors (unknown).
 */
import { keyedError, type AppError } from '../../../../../shared/errors.js';
import { fetchJsonText, parseRetryAfter } from '../http.js';

/** Global, and mainland China (platform.minimaxi.com). */
export const MINIMAX_REGIONS = { global: 'https://api.minimax.io', china: 'https://api.minimaxi.com' } as const;
export const DEFAULT_MINIMAX_URL = MINIMAX_REGIONS.global;
const REQUEST_TIMEOUT_MS = 60_000;

export interface BaseResp {
  base_resp?: { status_code?: number; status_msg?: string };
}

/**
 * What MiniMax's own error codes mean (error-code page, https://platform.minimax.io/docs/api-reference/errorcode
 * — first-party; copy at github.com/petehsu/LLM-Docs docs/MiniMax/English/api-reference/errorcode.md):
 * each a keyed, translated sentence (providers.json `minimaxErrors.*`, params `code` and `said`,
 * MiniMax's own words) with the English one as the message. 1026 is "input sensitive" without
 * saying which input: it names the prompt when the request had no pictures, else "the prompt or
 * a picture". 1000/1001/1024/1033 (unknown, timeout, internal, system) answer no task id but say
 * nothing of what happened: null, so the job stays `unknown` and is never sent twice.
 */
const MINIMAX_CODES: Record<number, { key: string; en: string; details: Record<string, unknown> }> = {
  1004: {
    key: 'auth',
    en: "MiniMax refused the API key; check it in settings (and that it belongs to this region's platform).",
    details: { auth: true },
  },
  2049: {
    key: 'auth',
    en: "MiniMax refused the API key; check it in settings (and that it belongs to this region's platform).",
    details: { auth: true },
  },
  1008: {
    key: 'balance',
    en: 'MiniMax account balance is too low; top up on the MiniMax platform.',
    details: { quota: true },
  },
  2056: {
    key: 'usageLimit',
    en: "MiniMax's usage limit is reached; it frees up in the next 5-hour window.",
    details: { quota: true },
  },
  1027: {
    key: 'moderationOutput',
    en: "MiniMax's content-safety check blocked the generated video; change the prompt or pictures.",
    details: { moderation: true, flagged: 'output', failureKind: 'moderation' },
  },
  1042: {
    key: 'invisibleChars',
    en: 'The prompt has too many invisible or illegal characters for MiniMax; remove them.',
    details: { flagged: 'prompt' },
  },
  2013: { key: 'invalidParameter', en: 'MiniMax rejected a parameter.', details: { invalidParameter: true } },
};
/** Codes that are MiniMax's limits (retried after a wait, never a failure). */
const THROTTLE_CODES = new Set([1002, 1039, 1041, 2045]);

export function minimaxError(
  code: number,
  msg: string,
  status: number,
  retryAfterMs: number | null,
  opts: { pictures?: boolean } = {},
): AppError | null {
  const said = msg ? ` MiniMax said: "${msg}" (code ${code}).` : ` (code ${code})`;
  const params = { code, said: msg || String(code) };
  const keyed = (key: string, en: string, details: Record<string, unknown>) =>
    keyedError('PROVIDER_FAILED', `minimaxErrors.${key}`, params, `${en}${said}`, { status, ...details });
  if (status === 401) return keyed('auth', MINIMAX_CODES[1004]!.en, { auth: true });
  if (THROTTLE_CODES.has(code) || status === 429)
    return keyed('throttled', 'MiniMax rate limit reached; waiting before trying again.', {
      status: 429,
      throttled: true,
      retryAfterMs: retryAfterMs ?? 0,
    });
  if (code === 1026) {
    const prompt = opts.pictures === false;
    return keyed(
      prompt ? 'moderationPrompt' : 'moderationInput',
      `MiniMax's content-safety check blocked ${prompt ? 'the prompt' : 'the prompt or an input picture (first frame, last frame or reference)'}; change it before trying again.`,
      { moderation: true, reason: msg, failureKind: 'moderation', ...(prompt ? { flagged: 'prompt' } : {}) },
    );
  }
  const known = MINIMAX_CODES[code];
  if (known)
    return keyed(known.key, known.en, { ...known.details, ...(known.details.moderation ? { reason: msg } : {}) });
  if (status >= 400 && status < 500)
    return keyed('refused', `MiniMax refused the request (HTTP ${status}).`, { httpStatus: status });
  return null;
}

export interface MinimaxCall {
  base: string;
  apiKey: string;
  what: string;
  signal?: AbortSignal;
  body?: unknown;
  /** Whether the request carries pictures (names the flagged input of a 1026 refusal). */
  pictures?: boolean;
}

export async function minimaxJson<T extends BaseResp>(path: string, c: MinimaxCall): Promise<T> {
  const { res, text } = await fetchJsonText(path, {
    provider: 'MiniMax',
    base: c.base,
    what: c.what,
    authorization: `Bearer ${c.apiKey}`,
    method: c.body === undefined ? 'GET' : 'POST',
    body: c.body,
    signal: c.signal,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
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
    c.pictures === undefined ? {} : { pictures: c.pictures },
  );
  if (mapped) throw mapped;
  throw new Error(
    `MiniMax failed (HTTP ${res.status}, code ${code}) while trying to ${c.what}${text ? `: ${text.slice(0, 300)}` : ''}`,
  );
}
