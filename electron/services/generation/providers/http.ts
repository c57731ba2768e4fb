/**
 * HTTP helpers every provider adapter shares: URL joining, the system error code of a failed
 * fetch, an error answer's body, and the ONE Retry-After parser (a throttled provider's wait).
 */

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
