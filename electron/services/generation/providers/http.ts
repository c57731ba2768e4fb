/**
 * HTTP helpers every provider adapter shares: URL joining, the system error code of a failed
 * fetch, an error answer's body, and the ONE Retry-After parser (a throttled provider's wait).
 */
import { AppError } from '../../../../shared/errors.js';

/**
 * Why a provider refused, finer than the job's FailureKind (shared/generation/failure.ts): it
 * picks the advice the user gets (check the key, top up, change the prompt, fix the request).
 */
export type ReasonKind = 'auth' | 'quota' | 'moderation' | 'invalid' | 'provider';

/**
 * Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3,
 * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after); null if absent or malformed.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/**
 * The wait a response asks for, in ms: OpenAI-style `retry-after-ms` first (what the OpenAI SDKs
 * read), else Retry-After; null when neither is present and valid.
 */
export function retryAfterFromHeaders(h: Headers, now = Date.now()): number | null {
  const ms = h.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  return parseRetryAfter(h.get('retry-after'), now);
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** The system error code of a failed fetch (ECONNREFUSED, ...), on the error or its cause. */
export function causeCode(err: unknown): string | undefined {
  return ((err as { cause?: { code?: string } }).cause ?? (err as { code?: string })).code;
}

/** An error answer's body: parsed JSON, else the text; `text` is kept for messages. */
export async function readErrorBody(res: Response): Promise<{ text: string; body: unknown }> {
  const text = await res.text().catch(() => '');
  try {
    return { text, body: JSON.parse(text) as unknown };
  } catch {
    return { text, body: text };
  }
}

export interface JsonRequest {
  /** The provider's name in the "did not answer" message. */
  provider: string;
  base: string;
  what: string;
  authorization: string;
  method: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs: number;
}

/**
 * One JSON request with a timeout and the job's cancel: a canceled job is CANCELED, no answer
 * names the provider, address and system code. The caller judges the answer's text and status.
 */
export async function fetchJsonText(path: string, r: JsonRequest): Promise<{ res: Response; text: string }> {
  const timeout = AbortSignal.timeout(r.timeoutMs);
  const signal = r.signal ? AbortSignal.any([r.signal, timeout]) : timeout;
  const headers: Record<string, string> = { authorization: r.authorization };
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(joinUrl(r.base, path), {
      method: r.method,
      headers,
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
      signal,
    });
  } catch (err) {
    if (r.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    const code = ((err as { cause?: { code?: string } }).cause ?? {}).code;
    throw new Error(
      `${r.provider} at ${r.base} did not answer while trying to ${r.what}: ${code ?? (err as Error).message}`,
    );
  }
  return { res, text: await res.text().catch(() => '') };
}

/**
 * An SDK read of a task that answers null when the provider says 404 (it no longer knows the id:
 * the caller reports the task lost); any other error goes to `fail` (the adapter's error map).
 */
export async function readOrNullOn404<T>(read: () => Promise<T>, fail: (err: unknown) => never): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    return fail(err);
  }
}
