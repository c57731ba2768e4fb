/**
 * HTTP for the plain-fetch cloud adapters (Vidu, Wan), with the error mapping the job runner
 * relies on (types.ts submit):
 * - no API key: PROVIDER_FAILED before anything is sent (nothing was created);
 * - connection refused: nothing reached the provider -> PROVIDER_FAILED;
 * - other network errors / timeouts: a plain Error (on create: outcome unknown, never re-sent);
 * - 429: PROVIDER_FAILED { status: 429, throttled: true, retryAfterMs } (Retry-After, else 0);
 * - 401/403 auth, 402 / quota codes, moderation codes, other 4xx: PROVIDER_FAILED with the
 *   provider's own reason and a `failureKind` (auth | quota | moderation | invalid | provider;
 *   failureKindOf() in shared/generation/failure.ts reads the ones it does not list as provider);
 * - 5xx: a plain Error (the provider may or may not have acted).
 */
import { FLAGGED_TEXT, type FlaggedInput } from '../../../../shared/generation/failure.js';
import { shotPrompt } from '../../../../shared/generation/cameraMoves.js';
import type { CameraMove } from '../../../../shared/model/entities.js';
import { AppError } from '../../../../shared/errors.js';
import type { PriceEntry } from '../../../../shared/generation/priceList.js';
import type { PollPolicy, ProviderContext } from '../types.js';
import { downloadFreshLink, downloadToFile } from './download.js';
import { causeCode, joinUrl, parseRetryAfter, readErrorBody, type ReasonKind } from './http.js';

/** What a provider's error body says: its code and reason, and which kind of failure it is. */
export interface ProviderErrorInfo {
  kind: ReasonKind;
  /** The provider's own words (code + message), shown to the user. */
  reason: string;
  /** For moderation: which input the provider says it flagged. */
  flagged?: FlaggedInput | null;
}

export interface RestProvider {
  /** For messages ("Vidu"). */
  label: string;
  /** Settings env prefix for messages ("STORYBOARD_VIDU"). */
  envPrefix: string;
  defaultBaseUrl: string;
  /** The auth (and other fixed) headers for a key. */
  headers(apiKey: string): Record<string, string>;
  /** Classifies an error answer (status + parsed body). */
  describeError(status: number, body: unknown): ProviderErrorInfo;
}

/** What a plain-fetch adapter's factory takes; tests pass their own prices, poll timing and env. */
export interface RestProviderOptions {
  prices?: readonly PriceEntry[];
  pollPolicy?: PollPolicy;
  env?: Record<string, string | undefined>;
}

const REQUEST_TIMEOUT_MS = 60_000;
export const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

export function baseUrlOf(p: RestProvider, ctx: ProviderContext): string {
  return ctx.settings.baseUrl?.trim() || p.defaultBaseUrl;
}

function apiKeyOf(p: RestProvider, ctx: ProviderContext): string {
  const key = ctx.settings.apiKey?.trim();
  if (!key) {
    throw new AppError(
      'PROVIDER_FAILED',
      `No ${p.label} API key is set. Add it in settings (or ${p.envPrefix}_API_KEY).`,
      { failureKind: 'auth', missingKey: true },
    );
  }
  return key;
}

const ADVICE: Record<ReasonKind, string> = {
  auth: 'Check the API key (and that it belongs to this region/base URL) in settings.',
  quota: 'Check the account balance, plan or quota with the provider.',
  moderation: 'Change the prompt or images and try again.',
  invalid: 'Change the shot settings (model, duration, size or images) and try again.',
  provider: '',
};

/** An AppError for an error answer that created nothing. */
export function providerError(
  p: RestProvider,
  what: string,
  status: number,
  info: ProviderErrorInfo,
  extra: Record<string, unknown> = {},
): AppError {
  const why = {
    auth: `${p.label} refused the API key`,
    quota: `${p.label} refused for quota or billing`,
    moderation: info.flagged
      ? `${p.label}'s safety review flagged ${FLAGGED_TEXT[info.flagged]}`
      : `${p.label} blocked the content (safety review)`,
    invalid: `${p.label} rejected a parameter`,
    provider: `${p.label} refused`,
  }[info.kind];
  const advice = ADVICE[info.kind];
  return new AppError(
    'PROVIDER_FAILED',
    `${why} while trying to ${what}: ${info.reason}.${advice ? ` ${advice}` : ''}`,
    {
      status,
      failureKind: info.kind,
      reason: info.reason,
      ...(info.flagged ? { flagged: info.flagged } : {}),
      ...extra,
    },
  );
}

export interface RestInit {
  method?: 'GET' | 'POST';
  body?: unknown;
  what: string;
  signal?: AbortSignal;
}

/** fetch with a timeout, the key and the error mapping above. Returns the Response (2xx or 404). */
export async function restFetch(
  p: RestProvider,
  ctx: ProviderContext,
  path: string,
  init: RestInit,
): Promise<Response> {
  const base = baseUrlOf(p, ctx);
  const headers: Record<string, string> = { ...p.headers(apiKeyOf(p, ctx)) };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(joinUrl(base, path), {
      method: init.method ?? 'GET',
      headers,
      signal,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (err) {
    if (init.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    if (causeCode(err) === 'ECONNREFUSED') {
      throw new AppError(
        'PROVIDER_FAILED',
        `${p.label} at ${base} refused the connection while trying to ${init.what}. Check the base URL in settings (${p.envPrefix}_BASE_URL).`,
        { baseUrl: base, notRunning: true },
      );
    }
    throw new Error(
      `${p.label} at ${base} did not answer while trying to ${init.what}: ${causeCode(err) ?? (err as Error).message}`,
    );
  }
  if (res.ok || res.status === 404) return res;
  const { text, body } = await readErrorBody(res);
  if (res.status === 429) {
    const info = p.describeError(429, body);
    // A quota that is used up is not a wait-and-retry: say so instead of waiting forever.
    if (info.kind === 'quota') throw providerError(p, init.what, 429, info);
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after')) ?? 0;
    throw new AppError(
      'PROVIDER_FAILED',
      `${p.label} is busy (429: ${info.reason}) while trying to ${init.what}; waiting before trying again.`,
      { status: 429, throttled: true, retryAfterMs, reason: info.reason },
    );
  }
  if (res.status >= 400 && res.status < 500)
    throw providerError(p, init.what, res.status, p.describeError(res.status, body));
  throw new Error(
    `${p.label} failed with HTTP ${res.status} while trying to ${init.what}${text ? `: ${text.slice(0, 300)}` : ''}`,
  );
}

/** JSON of a 2xx answer; null for 404. */
export async function restJson<T>(
  p: RestProvider,
  ctx: ProviderContext,
  path: string,
  init: RestInit,
): Promise<T | null> {
  const res = await restFetch(p, ctx, path, init);
  if (res.status === 404) return null;
  return (await res.json()) as T;
}

/** Downloads an output URL (signed; no key sent to another host): see download.ts. */
export async function downloadOutput(
  p: RestProvider,
  url: string,
  destPath: string,
  ctx: ProviderContext,
  taskId: string,
): Promise<void> {
  await downloadToFile(url, destPath, {
    label: p.label,
    taskId,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
  });
}

/**
 * Downloads a task's output whose signed URL expires, reading the link again from the task when
 * the first one has (download.ts downloadFreshLink); `gone` is the sentence when the task lists none;
 * `stableLink` for providers that answer the same link on every read.
 */
export async function downloadOutputFresh(
  p: RestProvider,
  link: () => Promise<string | null>,
  destPath: string,
  ctx: ProviderContext,
  taskId: string,
  gone: string,
  stableLink = false,
): Promise<void> {
  await downloadFreshLink(
    link,
    destPath,
    {
      label: p.label,
      taskId,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
      stableLink,
    },
    () => new AppError('PROVIDER_FAILED', gone, { expired: true, failureKind: 'expired', taskId }),
  );
}

/** The prompt a provider gets: the shot's prompt and the project's style (else the title). */
export function fullPrompt(
  req: { prompt: string; stylePrompt: string; title: string; shotNumber: number; shotId: string; camera: CameraMove },
  label: string,
): string {
  // The camera move as a sentence (cameraMoves.ts: the style Wan's and Vidu's prompt guides use).
  const prompt = shotPrompt(req, 'sentence');
  if (!prompt)
    throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no prompt; ${label} needs one to generate.`, {
      shotId: req.shotId,
    });
  return prompt;
}

/** The nearest of `ratios` ("W:H") to a width/height. */
export function nearestRatio<T extends string>(width: number, height: number, ratios: readonly T[]): T {
  const target = Math.log(width / height);
  let best = ratios[0] as T;
  let bestDiff = Infinity;
  for (const r of ratios) {
    const [w, h] = r.split(':').map(Number) as [number, number];
    const diff = Math.abs(Math.log(w / h) - target);
    if (diff < bestDiff) [best, bestDiff] = [r, diff];
  }
  return best;
}

/**
 * Tasks at once for a provider whose limit depends on the account's plan: the env setting
 * (e.g. STORYBOARD_VIDU_CONCURRENCY) else `fallback`. A value that is not a whole number >= 1
 * is ignored (the registry is built at start-up; one bad variable must not hide every provider).
 */
export function concurrencySetting(
  envName: string,
  fallback: number,
  env: Record<string, string | undefined> = process.env,
): number {
  const raw = env[envName]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
