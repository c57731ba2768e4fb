/**
 * Luma Agents API (providers.md §4b), the request body and HTTP mapping. Shapes from Luma's own
 * generated SDKs (github.com/lumalabs/luma-agents-python src/luma_agents/types/
 * video_options_param.py, image_ref_param.py, video_duration.py, video_resolution.py,
 * generation_create_params.py; CHANGELOG of lumalabs/luma-agents-typescript 0.3.0 "add video
 * generation ... ray-3.2"): POST /generations {prompt, model, type:'video', aspect_ratio,
 * video:{duration '5s'|'10s', resolution, start_frame, end_frame}}; a frame is an ImageRef with
 * inline base64 `{data, media_type}` (so local pictures work without a public URL).
 */
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration, type DurationRule } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import { parseRetryAfter } from '../http.js';
import { lumaPrompt } from './body.js';

export const AGENTS_MODEL = 'ray-3.2';
export const AGENTS_ASPECTS = ['3:1', '2:1', '16:9', '3:2', '1:1', '2:3', '9:16', '1:2', '1:3'] as const;
export const AGENTS_DURATIONS: DurationRule = { kind: 'set', values: [5, 10] };

export interface AgentsImage {
  data: string;
  media_type: string;
}

function nearestAspect(width: number, height: number): string {
  const want = Math.log(width / height);
  const score = (a: string): number => {
    const [w, h] = a.split(':').map(Number) as [number, number];
    return Math.abs(Math.log(w / h) - want);
  };
  return [...AGENTS_ASPECTS].sort((a, b) => score(a) - score(b))[0]!;
}

/** 360p is Luma's draft tier; otherwise the smallest tier covering the project's short side. */
export function agentsResolution(width: number, height: number): string {
  const short = Math.min(width, height);
  return short <= 540 ? '540p' : short <= 720 ? '720p' : '1080p';
}

export function buildAgentsCreate(
  req: GenerationRequest,
  frames: { first: AgentsImage | null; last: AgentsImage | null },
): Record<string, unknown> {
  const shot = `Shot ${req.shotNumber}`;
  const model = req.model ?? AGENTS_MODEL;
  if (model !== AGENTS_MODEL)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: Luma Agents has no video model "${model}". Available: ${AGENTS_MODEL}.`,
      { model },
    );
  if (frames.last && !frames.first)
    throw new AppError('INVALID_INPUT', `${shot}: Luma needs a first frame together with the last frame.`, { model });
  const prompt = lumaPrompt(req);
  if (!prompt)
    throw new AppError('INVALID_INPUT', `${shot} has no prompt; Luma needs one to generate.`, { shotId: req.shotId });
  const video: Record<string, unknown> = {
    duration: `${allowedDuration(AGENTS_DURATIONS, req.durationSec)}s`,
    resolution: agentsResolution(req.width, req.height),
  };
  if (frames.first) video.start_frame = frames.first;
  if (frames.last) video.end_frame = frames.last;
  return { prompt, model, type: 'video', aspect_ratio: nearestAspect(req.width, req.height), video };
}

/** failure_code -> a sentence (content_moderated, budget_exhausted, ... from the SDK's GenerationFailureCode). */
export function agentsFailure(code: string | null | undefined, reason: string | null | undefined): string {
  const why = reason?.trim() || 'no reason given';
  if (code === 'content_moderated') return `Luma's content moderation stopped this generation: ${why}`;
  if (code === 'budget_exhausted') return `Luma stopped this generation: the account's budget is used up (${why}).`;
  if (code === 'rate_limited') return `Luma rate limited this generation: ${why}. Try again later.`;
  return `Luma failed the generation${code ? ` (${code})` : ''}: ${why}`;
}

/** fetch with the error mapping of the other cloud adapters (types.ts submit). */
export async function agentsFetch(
  base: string,
  path: string,
  init: RequestInit & { what: string; apiKey: string },
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${init.apiKey}`,
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(60_000)]) : AbortSignal.timeout(60_000),
    });
  } catch (err) {
    if (init.signal?.aborted) throw new AppError('CANCELED', 'Generation was canceled.');
    const code = ((err as { cause?: { code?: string } }).cause ?? {}).code;
    if (code === 'ECONNREFUSED') {
      throw new AppError(
        'PROVIDER_FAILED',
        `Luma Agents could not be reached at ${base} (connection refused while trying to ${init.what}). Check the address in settings (STORYBOARD_LUMA_AGENTS_BASE_URL).`,
        { baseUrl: base, notRunning: true },
      );
    }
    throw new Error(
      `Luma Agents at ${base} did not answer while trying to ${init.what}: ${code ?? (err as Error).message}`,
    );
  }
  if (res.ok || res.status === 404) return res;
  const text = await res.text().catch(() => '');
  let detail = text;
  try {
    const b = JSON.parse(text) as { detail?: unknown; error?: unknown; message?: unknown };
    const v = b.detail ?? b.error ?? b.message;
    detail = typeof v === 'string' ? v : JSON.stringify(v ?? b);
  } catch {
    /* not JSON */
  }
  const status = res.status;
  if (status === 401 || status === 403)
    throw new AppError(
      'PROVIDER_FAILED',
      `Luma Agents rejected the API key (${status}: ${detail}). Check the Luma Agents key in settings.`,
      { status, failureKind: 'auth' },
    );
  if (status === 429) {
    throw new AppError(
      'PROVIDER_FAILED',
      `Luma Agents is rate limiting this account (429: ${detail}) while trying to ${init.what}; waiting before trying again.`,
      { status, throttled: true, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) ?? 0 },
    );
  }
  if (status >= 400 && status < 500) {
    const kind = /moderat/i.test(detail)
      ? 'moderation'
      : /budget|credit|billing|quota/i.test(detail)
        ? 'quota'
        : 'invalid';
    throw new AppError('PROVIDER_FAILED', `Luma Agents refused to ${init.what} (${status}): ${detail}`, {
      status,
      failureKind: kind,
    });
  }
  throw new Error(`Luma Agents failed with HTTP ${status} while trying to ${init.what}: ${detail.slice(0, 300)}`);
}
