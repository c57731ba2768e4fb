/**
 * HTTP to a ComfyUI server, with the error mapping the job runner relies on (types.ts submit):
 * - connection refused: nothing reached the server, so nothing was created -> PROVIDER_FAILED
 *   "not running" (safe to say, unlike a timeout or a reset after sending);
 * - other network errors / timeouts: a plain Error (on create: outcome unknown);
 * - 429: PROVIDER_FAILED with details { status: 429, throttled: true, retryAfterMs } so the
 *   queue waits and tries again (JOB-4);
 * - 4xx: PROVIDER_FAILED with ComfyUI's own message (it answered and created nothing);
 * - 5xx: a plain Error (the server may or may not have acted).
 */
import { AppError } from '../../../../../shared/errors.js';
import { causeCode, joinUrl, parseRetryAfter, readErrorBody } from '../http.js';
import type { ComfyHistoryEntry, ComfyQueue } from './history.js';

export const DEFAULT_COMFYUI_URL = 'http://127.0.0.1:8188';
/** Local server: answers in milliseconds unless it is stuck; never hang a job (MEDIA-12). */
const REQUEST_TIMEOUT_MS = 30_000;

/** The sentence for a ComfyUI 400 body `{error:{type,message,details}, node_errors}`. */
export function describeComfyError(body: unknown): string {
  const b = (body ?? {}) as {
    error?: unknown;
    node_errors?: Record<string, { class_type?: string; errors?: { message?: string; details?: string }[] }>;
  };
  const e =
    typeof b.error === 'string'
      ? { message: b.error }
      : ((b.error ?? {}) as { message?: string; details?: string; type?: string });
  const parts = [e.message || e.type || 'the request was refused'];
  if (e.details) parts.push(e.details);
  for (const [node, ne] of Object.entries(b.node_errors ?? {})) {
    for (const err of ne.errors ?? []) {
      parts.push(`${ne.class_type ?? 'node'} (node ${node}): ${[err.message, err.details].filter(Boolean).join(': ')}`);
    }
  }
  return parts.join('; ');
}

/**
 * fetch with a timeout and the mapping above. `what` names the call in messages. Returns the
 * Response for 2xx (and for 404, which callers interpret: a missing prompt, an expired file).
 */
export async function comfyFetch(
  base: string,
  path: string,
  init: RequestInit & { what: string; signal?: AbortSignal },
): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(joinUrl(base, path), { ...init, signal });
  } catch (err) {
    if (init.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    if (causeCode(err) === 'ECONNREFUSED') {
      throw new AppError(
        'PROVIDER_FAILED',
        `ComfyUI is not running at ${base} (connection refused while trying to ${init.what}). Start ComfyUI, or set its address in settings (STORYBOARD_COMFYUI_BASE_URL).`,
        { baseUrl: base, notRunning: true },
      );
    }
    throw new Error(
      `ComfyUI at ${base} did not answer while trying to ${init.what}: ${causeCode(err) ?? (err as Error).message}`,
    );
  }
  if (res.ok || res.status === 404) return res;
  const { text, body } = await readErrorBody(res);
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    throw new AppError(
      'PROVIDER_FAILED',
      `ComfyUI at ${base} is busy (429 Too Many Requests) while trying to ${init.what}; waiting before trying again.`,
      { status: 429, throttled: true, retryAfterMs: retryAfterMs ?? 0 },
    );
  }
  if (res.status >= 400 && res.status < 500) {
    throw new AppError('PROVIDER_FAILED', `ComfyUI refused to ${init.what}: ${describeComfyError(body)}`, {
      status: res.status,
      comfyError: body,
    });
  }
  throw new Error(
    `ComfyUI at ${base} failed with HTTP ${res.status} while trying to ${init.what}${text ? `: ${text.slice(0, 300)}` : ''}`,
  );
}

export async function comfyJson<T>(
  base: string,
  path: string,
  init: RequestInit & { what: string; signal?: AbortSignal },
): Promise<T | null> {
  const res = await comfyFetch(base, path, init);
  if (res.status === 404) return null;
  return (await res.json()) as T;
}

/** A prompt's entry in GET /history/{id}; null while the server has not finished it (or never had it). */
export async function readComfyHistory(
  base: string,
  promptId: string,
  signal?: AbortSignal,
): Promise<ComfyHistoryEntry | null> {
  const all = await comfyJson<Record<string, ComfyHistoryEntry>>(base, `/history/${encodeURIComponent(promptId)}`, {
    what: 'read the prompt history',
    signal,
  });
  return all?.[promptId] ?? null;
}

/** GET /queue: the running and pending prompts (empty when the server has no such route). */
export async function readComfyQueue(base: string, signal?: AbortSignal): Promise<ComfyQueue> {
  return (await comfyJson<ComfyQueue>(base, '/queue', { what: 'read the queue', signal })) ?? {};
}
