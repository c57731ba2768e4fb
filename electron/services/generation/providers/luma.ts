/**
 * Luma's Dream Machine API through the official SDK (`lumaai`; providers.md §4a):
 * POST /generations/video -> Generation {id, state}; GET /generations/{id} (queued, dreaming,
 * completed, failed + failure_reason); the clip is `assets.video`, downloaded at once;
 * DELETE /generations/{id} removes a generation (the API has no separate cancel).
 * Auth: `Authorization: Bearer <key>`.
 *
 * Text-to-video only here: keyframe pictures must be public URLs and there is no upload API
 * (luma/body.ts NO_IMAGE_REASON). The newer Luma Agents API (providers.md §4b) is not used.
 * Creates are never retried (maxRetries 0). Luma takes no client id: a create whose answer was
 * lost is looked for in the generation list by model + exact prompt (luma/reconcile.ts), and
 * stays `unknown` for the user when that is not certain.
 */
import LumaAI, { APIConnectionError, APIError, APIUserAbortError } from 'lumaai';
import { AppError } from '../../../../shared/errors.js';
import type { ModelRule } from '../../../../shared/generation/capabilities.js';
import type { AdapterExtras } from '../ports.js';
import type { PollPolicy, PollResult, ProviderAdapter, ProviderContext } from '../types.js';
import { parseRetryAfter, readOrNullOn404 } from './http.js';
import { buildLumaCreate, LUMA_DURATIONS, LUMA_MODELS, NO_IMAGE_REASON } from './luma/body.js';
import { reconcileLuma, type LumaListPage } from './luma/reconcile.js';
import { downloadFreshLink } from './download.js';

export const DEFAULT_LUMA_URL = 'https://api.lumalabs.ai/dream-machine/v1';

/** How a failed download is retried (fetchResult), with its source. */
const LUMA_EXPIRY_RULE: ModelRule = {
  rule: 'A download that fails as expired (403/404/410) reads the generation again (`GET /generations/{id}`) and tries the `assets.video` it lists then, once, before the job is marked expired; a generation that lists no video is expired at once. Unconfirmed first-party: Luma states no lifetime for `assets.video`.',
  source: 'https://github.com/lumalabs/lumaai-api/blob/main/openapi.yaml',
  firstParty: false,
};

export interface LumaOptions {
  pollPolicy?: PollPolicy;
  maxConcurrent?: number;
}

export type LumaProvider = ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent' | 'reconcile'>>;

interface LumaGeneration {
  id?: string;
  state?: string;
  failure_reason?: string | null;
  assets?: { video?: string | null } | null;
}

const base = (ctx: ProviderContext): string => ctx.settings.baseUrl?.trim().replace(/\/+$/, '') || DEFAULT_LUMA_URL;

function client(ctx: ProviderContext, maxRetries: number): LumaAI {
  const authToken = ctx.settings.apiKey?.trim();
  if (!authToken)
    throw new AppError('PROVIDER_FAILED', 'Luma needs an API key: add it in settings (or STORYBOARD_LUMA_API_KEY).', {
      failureKind: 'auth',
      missingKey: true,
    });
  return new LumaAI({ authToken, baseURL: base(ctx), maxRetries, timeout: 60_000 });
}

/** Luma's message from an error body (`{detail}` or `{error}`/`{message}`), else the SDK's text. */
export function lumaErrorText(body: unknown, fallback: string): string {
  const b = (body ?? {}) as { detail?: unknown; error?: unknown; message?: unknown };
  const v = b.detail ?? b.error ?? b.message;
  if (typeof v === 'string' && v) return v;
  return v ? JSON.stringify(v) : fallback;
}

const MODERATION = /moderat|not allowed|nsfw|safety|inappropriate|prohibited/i;

/** Same mapping as the other cloud adapters (types.ts submit). Always throws. */
export function throwLumaError(err: unknown, what: string, baseUrl: string): never {
  if (err instanceof AppError) throw err;
  if (err instanceof APIUserAbortError) throw new AppError('CANCELED', 'Generation was canceled.');
  if (err instanceof APIConnectionError) {
    const code = (err.cause as { code?: string } | undefined)?.code;
    if (code === 'ECONNREFUSED') {
      throw new AppError(
        'PROVIDER_FAILED',
        `Luma could not be reached at ${baseUrl} (connection refused while trying to ${what}). Check the address in settings (STORYBOARD_LUMA_BASE_URL).`,
        { baseUrl, notRunning: true },
      );
    }
    throw new Error(`Luma at ${baseUrl} did not answer while trying to ${what}: ${code ?? err.message}`);
  }
  if (!(err instanceof APIError) || typeof err.status !== 'number')
    throw err instanceof Error ? err : new Error(String(err));
  const status = err.status;
  const text = lumaErrorText(err.error, err.message);
  if (status === 401 || status === 403) {
    throw new AppError(
      'PROVIDER_FAILED',
      `Luma rejected the API key (${status}: ${text}). Check the Luma key in settings.`,
      { status, failureKind: 'auth' },
    );
  }
  if (status === 429) {
    const header = (err.headers as Record<string, string | null | undefined> | undefined)?.['retry-after'] ?? null;
    throw new AppError(
      'PROVIDER_FAILED',
      `Luma is rate limiting this account (429: ${text}) while trying to ${what}; waiting before trying again.`,
      { status, throttled: true, retryAfterMs: parseRetryAfter(header) ?? 0 },
    );
  }
  if (status >= 400 && status < 500) {
    const kind = MODERATION.test(text)
      ? 'moderation'
      : /credit|billing|balance|quota|insufficient/i.test(text)
        ? 'quota'
        : 'invalid';
    const lead =
      kind === 'moderation'
        ? "Luma's content moderation refused to"
        : kind === 'quota'
          ? 'Luma (not enough credits or over quota) refused to'
          : 'Luma refused to';
    throw new AppError('PROVIDER_FAILED', `${lead} ${what} (${status}): ${text}`, {
      status,
      failureKind: kind,
      lumaError: err.error,
    });
  }
  throw new Error(`Luma failed with HTTP ${status} while trying to ${what}: ${text}`);
}

export function pollFromLuma(g: LumaGeneration): PollResult {
  switch (g.state) {
    case 'completed':
      return { state: 'succeeded', progress: 1 };
    case 'failed': {
      const reason = g.failure_reason?.trim() || 'no reason given';
      // Luma's failure_reason is a free-text string naming no input (Luma generations API reference,
      // https://docs.lumalabs.ai/reference — first-party; the search corpus held no error table for it):
      // a moderation reason is failureKind 'moderation', unflagged.
      return MODERATION.test(reason)
        ? { state: 'failed', error: `Luma's moderation stopped this generation: ${reason}`, failureKind: 'moderation' }
        : { state: 'failed', error: `Luma failed the generation: ${reason}` };
    }
    case 'dreaming':
      return { state: 'running', progress: 0.5 };
    default:
      return { state: 'running', progress: 0 };
  }
}

export function createLumaProvider(opts: LumaOptions = {}): LumaProvider {
  const get = (id: string, ctx: ProviderContext, what: string): Promise<LumaGeneration | null> =>
    readOrNullOn404(
      async () => (await client(ctx, 2).generations.get(id, { signal: ctx.signal })) as LumaGeneration,
      (err) => throwLumaError(err, what, base(ctx)),
    );

  return {
    id: 'luma',
    label: 'Luma Dream Machine',
    offline: false,
    capabilities: {
      textToVideo: true,
      // See NO_IMAGE_REASON: keyframes must be public URLs and there is no upload API.
      imageToVideo: false,
      lastFrame: false,
      referenceImagesMax: 0,
      // "Extend this take": keyframes.frame0 = {type:'generation', id} of a completed generation
      // (Dream Machine API video guide, "Extend video", ray-2 example:
      // https://docs.lumalabs.ai/docs/video-generation). Luma's API docs do not say whether the
      // extension's asset repeats the source; the Dream Machine app's extended clips do (a 5 s
      // clip extended becomes ~10 s: secondary reports), so the extension shot starts after it.
      extend: true,
      extendIncludesSource: true,
      // Audio is a separate paid call (POST /generations/{id}/audio), not part of a take.
      audio: false,
      // The move as a camera sentence in the prompt (luma/body.ts lumaPrompt).
      cameraMoves: 'prompt',
      durations: LUMA_DURATIONS,
      aspects: 'any',
      resolutions: 'any',
      models: LUMA_MODELS.map((m) => ({
        id: m.id,
        label: m.label,
        note: 'Text to video only: Luma takes pictures only as public URLs.',
        rules: [LUMA_EXPIRY_RULE],
      })),
    },
    pollPolicy: opts.pollPolicy ?? { initialMs: 5000, maxMs: 30_000, factor: 1.5 },
    maxConcurrent: opts.maxConcurrent ?? 2,
    // No Luma API price was found (providers.md §4a): NaN makes the estimate "unpriced" (plan.ts
    // requestCost), so a budget cap is not passed by a made-up number.
    estimateCost: () => null,

    async submit(req, ctx) {
      const sdk = client(ctx, 0);
      const body = buildLumaCreate(req, req.extend ? { extendFrom: req.extend.ref } : {});
      const what = `create the generation for shot ${req.shotNumber}`;
      try {
        const g = (await sdk.generations.create(
          body as unknown as Parameters<LumaAI['generations']['create']>[0],
        )) as LumaGeneration;
        if (!g?.id) throw new Error(`Luma answered the create for shot ${req.shotNumber} without a generation id.`);
        return { taskId: g.id };
      } catch (err) {
        return throwLumaError(err, what, base(ctx));
      }
    },

    async poll(taskId, ctx) {
      const g = await get(taskId, ctx, `check generation ${taskId}`);
      if (!g)
        return {
          state: 'failed',
          taskLost: true,
          error: `Luma no longer knows generation ${taskId} (deleted). It was not created again automatically.`,
        };
      return pollFromLuma(g);
    },

    async fetchResult(taskId, destPath, ctx) {
      // Luma's docs give assets.video no lifetime (the OpenAPI `Generation.assets.video` is a
      // plain URL: https://github.com/lumalabs/lumaai-api/blob/main/openapi.yaml — first-party).
      // A failed download (403/404/410) reads the generation again (GET /generations/{id}) and
      // tries the link it lists then, once, before the job is called expired; a generation that
      // no longer lists a video is expired at once (LUMA_EXPIRY_RULE).
      await downloadFreshLink(
        async () => {
          const g = await get(taskId, ctx, `read generation ${taskId}`);
          return (g?.state === 'completed' ? g.assets?.video : null) ?? null;
        },
        destPath,
        { label: 'Luma', taskId, stableLink: true, ...(ctx.signal ? { signal: ctx.signal } : {}) },
        () =>
          new AppError(
            'PROVIDER_FAILED',
            `Luma no longer has the video of generation ${taskId} (deleted or expired); generate the shot again.`,
            { expired: true, failureKind: 'expired', taskId },
          ),
      );
      // A generation is extended by its own id (keyframes.frame0 {type:'generation', id}).
      return { outputRef: taskId };
    },

    async cancel(taskId, ctx) {
      try {
        await client(ctx, 0).generations.delete(taskId);
      } catch (err) {
        if ((err as { status?: number }).status === 404) return;
        throwLumaError(err, `delete generation ${taskId}`, base(ctx));
      }
    },

    async reconcile(job, ctx) {
      try {
        // A read: the SDK may retry it (it creates nothing).
        const sdk = client(ctx, 2);
        return await reconcileLuma(
          job,
          async (q) => (await sdk.generations.list(q, { signal: ctx.signal })) as LumaListPage,
          ctx.knownTaskIds,
        );
      } catch {
        return null; // the list could not be read: the job stays unknown for the user
      }
    },

    async ping(ctx) {
      try {
        // GET /credits: free, and it needs the key (the credit balance of the account).
        await client(ctx, 0).credits.get({ signal: ctx.signal });
      } catch (err) {
        throwLumaError(err, 'test the connection', base(ctx));
      }
    },
  };
}

export { NO_IMAGE_REASON as LUMA_NO_IMAGE_REASON };
