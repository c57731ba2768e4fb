/**
 * The HTTP rules every image adapter shares, the runner's contract (../types.ts submit): a 4xx
 * is PROVIDER_FAILED (the provider answered and made nothing), 429 is throttled with its
 * Retry-After, a refused connection is PROVIDER_FAILED (nothing was sent), and any other
 * transport error or 5xx on a create is a plain Error: the outcome is unknown and the job is
 * never sent again. Downloads go to a `.part` file renamed into place.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors.js';
import { causeCode, parseRetryAfter, readErrorBody } from '../providers/http.js';

export function requireKey(label: string, settingsId: string, key: string | undefined): string {
  const k = key?.trim();
  if (!k)
    throw new AppError(
      'PROVIDER_FAILED',
      `No ${label} key is set. Add it in settings (or STORYBOARD_${settingsId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY).`,
      { failureKind: 'auth', missingKey: true },
    );
  return k;
}

/** One request, no retry. Answers the parsed JSON body of a 2xx. */
export async function requestJson(
  label: string,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown; signal?: AbortSignal },
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (err) {
    if (init.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    if (causeCode(err) === 'ECONNREFUSED')
      throw new AppError('PROVIDER_FAILED', `${label} refused the connection (check the base URL in settings).`, {
        notRunning: true,
      });
    throw new Error(`${label} did not answer (${init.method}): ${causeCode(err) ?? (err as Error).message}`);
  }
  if (res.ok) return (await res.json()) as unknown;
  const { text, body } = await readErrorBody(res);
  if (res.status === 429)
    throw new AppError('PROVIDER_FAILED', `${label} is busy (429); waiting before trying again.`, {
      status: 429,
      throttled: true,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) ?? 0,
    });
  const reason = errorReason(body) ?? (text.slice(0, 300) || `HTTP ${res.status}`);
  if (res.status >= 400 && res.status < 500)
    throw new AppError('PROVIDER_FAILED', `${label} refused the request: ${reason}`, {
      status: res.status,
      failureKind: /safety|moderat|policy|blocked/i.test(reason) ? 'moderation' : 'provider',
    });
  throw new Error(`${label} failed with HTTP ${res.status}: ${reason}`);
}

function errorReason(body: unknown): string | null {
  const b = body as { error?: unknown; message?: unknown } | null;
  if (!b || typeof b !== 'object') return null;
  if (typeof b.error === 'string') return b.error;
  const e = b.error as { message?: unknown } | undefined;
  if (e && typeof e.message === 'string') return e.message;
  return typeof b.message === 'string' ? b.message : null;
}

/** Downloads an output (signed URLs expire: downloaded at once). 404/410: expired. */
export async function downloadTo(label: string, url: string, destPath: string, signal?: AbortSignal): Promise<void> {
  const res = await fetch(url, signal ? { signal } : {}).catch((err: unknown) => {
    throw new Error(`${label}: the picture could not be downloaded (${causeCode(err) ?? (err as Error).message}).`);
  });
  if (res.status === 404 || res.status === 410)
    throw new AppError('PROVIDER_FAILED', `${label}: the picture is no longer available (HTTP ${res.status}).`, {
      expired: true,
      failureKind: 'expired',
    });
  if (!res.ok) throw new Error(`${label}: downloading the picture failed with HTTP ${res.status}.`);
  const part = `${destPath}.part`;
  try {
    await writeFile(part, Buffer.from(await res.arrayBuffer()));
    await rename(part, destPath);
  } finally {
    await rm(part, { force: true });
  }
}
