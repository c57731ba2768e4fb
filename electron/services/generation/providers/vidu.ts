/**
 * Vidu (providers.md §7): plain fetch, `Authorization: Token <key>` (the word Token, not
 * Bearer). Create on one of four endpoints (vidu/models.ts), poll
 * `GET /tasks/{id}/creations` (created | queueing | processing | success | failed + err_code),
 * download `creations[0].url` at once (signed, valid 1-24 h), and cancel with
 * `POST /tasks/{id}/cancel {id}` (platform.vidu.com/docs/cancel-generation). Vidu has no task
 * list, so a create whose answer was lost stays `unknown` (never re-sent).
 */
import { priceOf } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { AppError } from '../../../../shared/errors.js';
import { flaggedInput } from '../../../../shared/generation/failure.js';
import type { ProviderAdapter, ProviderContext, PollResult } from '../types.js';
import type { AdapterExtras } from '../ports.js';
import type { ProviderErrorInfo, RestProvider, RestProviderOptions } from './cloudRest.js';
import type { ReasonKind } from './http.js';
import { concurrencySetting, downloadOutputFresh, providerError, restJson } from './cloudRest.js';
import { VIDU_CAPABILITIES, VIDU_DEFAULT_BASE_URL, VIDU_MODELS, viduCreate } from './vidu/models.js';

export interface ViduTask {
  id?: string;
  task_id?: string;
  state?: 'created' | 'queueing' | 'processing' | 'success' | 'failed' | string;
  err_code?: string;
  creations?: { id?: string; url?: string; cover_url?: string }[];
}

/** Which kind of failure a Vidu code or message names (codes are not listed first-party). */
export function viduReasonKind(status: number, text: string): ReasonKind {
  if (status === 401 || status === 403 || /unauthori[sz]ed|invalid.*(token|key)|auth/i.test(text)) return 'auth';
  if (status === 402 || /credit|quota|balance|insufficient|billing|arrear/i.test(text)) return 'quota';
  // No field marks moderation: Vidu's codes name it (AuditSubmitIllegal, TaskPromptPolicyViolation,
  // CreationPolicyViolation — https://platform.vidu.com/docs/error-code, first-party; vidu/rules.ts).
  if (/audit|sensitive|illegal|moderat|safety|violat|nsfw|block/i.test(text)) return 'moderation';
  if (status === 400 || status === 422 || /invalid|param|unsupported|too (large|long|small)/i.test(text))
    return 'invalid';
  return 'provider';
}

export function describeViduError(status: number, body: unknown): ProviderErrorInfo {
  const b = (typeof body === 'object' && body !== null ? body : { message: String(body ?? '') }) as Record<
    string,
    unknown
  >;
  const parts = [b.code, b.reason, b.err_code, b.message, b.detail]
    .filter((x) => typeof x === 'string' || typeof x === 'number')
    .map(String);
  const reason = [...new Set(parts)].join(': ') || `HTTP ${status}`;
  const kind = viduReasonKind(status, reason);
  // Vidu's own code names the flagged input when it is one (failure.ts flaggedInput).
  const flagged = parts.map(flaggedInput).find((f) => f !== null) ?? null;
  return { kind, reason, ...(kind === 'moderation' && flagged ? { flagged } : {}) };
}

const VIDU: RestProvider = {
  label: 'Vidu',
  envPrefix: 'STORYBOARD_VIDU',
  defaultBaseUrl: VIDU_DEFAULT_BASE_URL,
  headers: (key) => ({ authorization: `Token ${key}` }),
  describeError: describeViduError,
};

const taskPath = (id: string): string => `/tasks/${encodeURIComponent(id)}/creations`;

export function createViduProvider(opts: RestProviderOptions = {}): ProviderAdapter & AdapterExtras {
  const prices = opts.prices ?? PRICES;
  const query = (id: string, ctx: ProviderContext): Promise<ViduTask | null> =>
    restJson<ViduTask>(VIDU, ctx, taskPath(id), { what: `read task ${id}`, signal: ctx.signal });

  return {
    id: 'vidu',
    label: 'Vidu',
    offline: false,
    capabilities: VIDU_CAPABILITIES,
    // ComfyUI's Vidu node polls every 16 s; renders take minutes.
    pollPolicy: opts.pollPolicy ?? { initialMs: 8000, maxMs: 20_000, factor: 1.5 },
    // Plan limits are not published: 2 unless the user sets their plan's number.
    maxConcurrent: concurrencySetting('STORYBOARD_VIDU_CONCURRENCY', 2, opts.env),
    // No price in the table: null, "price unknown" (never free).
    estimateCost(req) {
      const model = req.model ?? VIDU_MODELS[0]?.id ?? null;
      return (
        priceOf(prices, 'vidu', model, req.durationSec, modelCapabilities(VIDU_CAPABILITIES, model).durations) ?? null
      );
    },

    async submit(req, ctx) {
      const { path, body } = await viduCreate(req, ctx.jobId);
      // Vidu's default is no watermark; it is sent only when the user turned it on (watermark.ts).
      if (ctx.settings.watermark) body.watermark = true;
      // One attempt only (design.md §5): a lost answer leaves the job `unknown`, never re-sent.
      const res = await restJson<ViduTask>(VIDU, ctx, path, {
        method: 'POST',
        body,
        what: `create the video of shot ${req.shotNumber}`,
      });
      const taskId = res?.task_id ?? res?.id;
      if (!taskId) throw new Error(`Vidu answered ${path} without a task_id; the task may or may not exist.`);
      if (res?.state === 'failed')
        throw providerError(VIDU, `create the video of shot ${req.shotNumber}`, 200, describeViduError(200, res));
      return { taskId: String(taskId) };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const task = await query(taskId, ctx);
      if (!task) return { state: 'failed', taskLost: true, error: `Vidu has no task ${taskId} (expired or deleted).` };
      switch (task.state) {
        case 'success':
          return { state: 'succeeded', progress: 1 };
        case 'failed': {
          const info = describeViduError(200, { err_code: task.err_code || 'failed without an error code' });
          const result: PollResult & { failureKind: ReasonKind | 'canceled' } = {
            state: 'failed',
            error: `Vidu could not make the video (${info.kind}): ${info.reason}.`,
            failureKind: info.kind,
            ...(info.flagged ? { flagged: info.flagged } : {}),
          };
          return result;
        }
        case 'processing':
          return { state: 'running', progress: 0.5 };
        default:
          // created / queueing / anything new: waiting.
          return { state: 'running', progress: 0 };
      }
    },

    async fetchResult(taskId, destPath, ctx) {
      // creations[].url lasts one hour (24 h in another version of https://platform.vidu.com/docs/get-generation,
      // first-party); the task query answers a new one while the task is kept,
      // so an expired link is read again before the job is expired.
      await downloadOutputFresh(
        VIDU,
        async () => (await query(taskId, ctx))?.creations?.find((c) => c.url)?.url ?? null,
        destPath,
        ctx,
        taskId,
        `Vidu no longer lists a video for task ${taskId} (its links last 1-24 hours); generate the shot again.`,
      );
    },

    async cancel(taskId, ctx) {
      // `{}` on success; a task already scheduled answers 400 "can not cancel" (shown as is).
      await restJson(VIDU, ctx, `/tasks/${encodeURIComponent(taskId)}/cancel`, {
        method: 'POST',
        body: { id: taskId },
        what: `cancel task ${taskId}`,
      });
    },

    async ping(ctx) {
      // Free: reading an unknown task. A bad key answers 401/403 (mapped to an auth error).
      await restJson(VIDU, ctx, taskPath('storyboard-connection-test'), {
        what: 'test the connection',
        signal: ctx.signal,
      }).catch((err: unknown) => {
        if (err instanceof AppError && (err.details as { failureKind?: string } | undefined)?.failureKind === 'invalid')
          return null;
        throw err;
      });
    },
  };
}
