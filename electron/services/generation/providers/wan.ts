/**
 * Alibaba Wan through DashScope / Model Studio (providers.md §8): plain fetch,
 * `Authorization: Bearer <key>`, and `X-DashScope-Async: enable` on every create (without it:
 * "current user api does not support synchronous calls"). Poll `GET /api/v1/tasks/{id}`
 * (PENDING | RUNNING | SUCCEEDED | FAILED | CANCELED | UNKNOWN = missing), download
 * `output.video_url` at once (kept 24 h). Cancel: `POST /api/v1/tasks/{id}/cancel` (no body),
 * which works only while the task is PENDING; a started task answers 400 UnsupportedOperation
 * "Failed to cancel the task, please confirm if the task is in PENDING status." and runs on
 * (https://www.alibabacloud.com/help/en/model-studio/manage-asynchronous-tasks, zh text at
 * https://help.aliyun.com/zh/model-studio/manage-asynchronous-tasks; the official Python SDK
 * dashscope/client/base_api.py `cancel`: "Cancel PENDING task", POST tasks/{id}/cancel).
 * Reference-to-video pictures are uploaded first (wan/upload.ts, wan/references.ts). A create
 * whose answer was lost is looked for by model + exact prompt (wan/reconcile.ts).
 *
 * Region: the base URL setting takes a URL or a region name (`intl` Singapore, `us` Virginia,
 * `cn` Beijing/mainland); else STORYBOARD_WAN_REGION; else `intl`. Key, model and endpoint
 * must be in the same region.
 */
import { AppError } from '../../../../shared/errors.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { priceOf } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import type { AdapterExtras } from '../ports.js';
import type { PollResult, ProviderAdapter, ProviderContext } from '../types.js';
import type { ProviderErrorInfo, RestProvider, RestProviderOptions } from './cloudRest.js';
import type { ReasonKind } from './http.js';
import { concurrencySetting, downloadOutputFresh, providerError, restJson } from './cloudRest.js';
import { wanCreate } from './wan/create.js';
import { WAN_BASE_URLS, WAN_CAPABILITIES, type WanRegion, wanModel } from './wan/models.js';
import { WAN_R2V_MAX_IMAGE_BYTES } from './wan/references.js';
import { OSS_RESOLVE_HEADER, wanUploadFile } from './wan/upload.js';
import { reconcileWan, type WanListPage } from './wan/reconcile.js';

export interface WanTaskAnswer {
  request_id?: string;
  code?: string;
  message?: string;
  output?: { task_id?: string; task_status?: string; video_url?: string; code?: string; message?: string };
}

/** A region name or a URL -> the base URL. */
export function wanBaseUrl(setting: string | undefined, env: Record<string, string | undefined> = process.env): string {
  const value = (setting?.trim() || env.STORYBOARD_WAN_REGION?.trim() || 'intl').toLowerCase();
  const alias: Record<string, WanRegion> = {
    intl: 'intl',
    international: 'intl',
    singapore: 'intl',
    us: 'us',
    virginia: 'us',
    cn: 'cn',
    mainland: 'cn',
    beijing: 'cn',
    china: 'cn',
  };
  const region = alias[value];
  if (region) return WAN_BASE_URLS[region];
  if (/^https?:\/\//.test(value)) return setting?.trim() || value;
  throw new AppError('INVALID_INPUT', `The Wan base URL "${value}" is neither a URL nor a region (intl, us, cn).`);
}

/** DashScope error codes (Model Studio error-code page): which kind of failure each is. */
export function wanReasonKind(status: number, code: string, message: string): ReasonKind {
  const text = `${code} ${message}`;
  if (status === 401 || /InvalidApiKey|Unauthorized|AccessDenied(?!\.Unpurchased)/i.test(code)) return 'auth';
  // Throttling.* (RateQuota, AllocationQuota) is a wait-and-retry, not an empty account.
  if (/^Throttling/i.test(code)) return 'provider';
  if (/Arrearage|Unpurchased|FreeTierOnly|balance|insufficient/i.test(text)) return 'quota';
  // DataInspectionFailed: "Input or output data may contain inappropriate content" — names no input, so
  // moderation unflagged (https://www.alibabacloud.com/help/en/model-studio/developer-reference/error-code — first-party).
  if (/DataInspection|inappropriate|IPInfringement|sensitive|green/i.test(text)) return 'moderation';
  if (status === 403) return 'auth';
  if (status === 400 || /InvalidParameter|Invalid|BadRequest/i.test(code)) return 'invalid';
  return 'provider';
}

export function describeWanError(status: number, body: unknown): ProviderErrorInfo {
  const b = (typeof body === 'object' && body !== null ? body : { message: String(body ?? '') }) as WanTaskAnswer;
  const code = b.code ?? b.output?.code ?? '';
  const message = b.message ?? b.output?.message ?? '';
  return {
    kind: wanReasonKind(status, code, message),
    reason: [code, message].filter(Boolean).join(': ') || `HTTP ${status}`,
  };
}

export function createWanProvider(opts: RestProviderOptions = {}): ProviderAdapter & AdapterExtras {
  const prices = opts.prices ?? PRICES;
  const env = opts.env ?? process.env;
  const rest = (ctx: ProviderContext): RestProvider => ({
    label: 'Wan (DashScope)',
    envPrefix: 'STORYBOARD_WAN',
    defaultBaseUrl: wanBaseUrl(ctx.settings.baseUrl, env),
    headers: (key) => ({ authorization: `Bearer ${key}` }),
    describeError: describeWanError,
  });
  // The rest helper reads ctx.settings.baseUrl first; hand it the resolved URL instead.
  const resolved = (ctx: ProviderContext): ProviderContext => ({
    ...ctx,
    settings: { ...ctx.settings, baseUrl: wanBaseUrl(ctx.settings.baseUrl, env) },
  });
  const task = async (id: string, ctx: ProviderContext): Promise<WanTaskAnswer | null> =>
    restJson<WanTaskAnswer>(rest(ctx), resolved(ctx), `/api/v1/tasks/${encodeURIComponent(id)}`, {
      what: `read task ${id}`,
      signal: ctx.signal,
    });

  return {
    id: 'wan',
    label: 'Alibaba Wan',
    offline: false,
    capabilities: WAN_CAPABILITIES,
    // "typically 1-5 minutes" (i2v API ref); the task query allows 20 QPS per account.
    pollPolicy: opts.pollPolicy ?? { initialMs: 10_000, maxMs: 30_000, factor: 1.5 },
    // Per-account task limits vary by model and plan: 2 unless the user sets their number.
    maxConcurrent: concurrencySetting('STORYBOARD_WAN_CONCURRENCY', 2, env),
    // No price in the table: null, "price unknown" (never free).
    estimateCost(req) {
      const model = req.model ? wanModel(req).id : 'auto';
      return (
        priceOf(prices, 'wan', model, req.durationSec, modelCapabilities(WAN_CAPABILITIES, model).durations) ?? null
      );
    },

    async submit(req, ctx) {
      const p = rest(ctx);
      const { path, body, ossResolve } = await wanCreate(
        req,
        (file, what, model) => wanUploadFile(p, resolved(ctx), model, file, what, WAN_R2V_MAX_IMAGE_BYTES),
        ctx.settings.watermark,
      );
      const what = `create the video of shot ${req.shotNumber}`;
      // The async header is what makes this a task; one attempt only (design.md §5). `oss://`
      // URLs are read only with the resolve header (get-temporary-file-url page).
      const headers = (key: string): Record<string, string> => ({
        ...p.headers(key),
        'x-dashscope-async': 'enable',
        ...(ossResolve ? { [OSS_RESOLVE_HEADER]: 'enable' } : {}),
      });
      const res = await restJson<WanTaskAnswer>({ ...p, headers }, resolved(ctx), path, { method: 'POST', body, what });
      const taskId = res?.output?.task_id;
      if (!taskId) {
        if (res?.code) throw providerError(p, what, 200, describeWanError(200, res));
        throw new Error(`DashScope answered ${path} without output.task_id; the task may or may not exist.`);
      }
      return { taskId };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const res = await task(taskId, ctx);
      const status = res?.output?.task_status;
      if (!res || status === 'UNKNOWN')
        return { state: 'failed', taskLost: true, error: `DashScope has no task ${taskId} (tasks are kept 24 hours).` };
      if (status === 'SUCCEEDED') return { state: 'succeeded', progress: 1 };
      if (status === 'FAILED' || status === 'CANCELED') {
        const info = describeWanError(200, res);
        const result: PollResult & { failureKind: ReasonKind | 'canceled' } = {
          state: 'failed',
          failureKind: status === 'CANCELED' ? 'canceled' : info.kind,
          error:
            status === 'CANCELED'
              ? `The Wan task ${taskId} was canceled.`
              : `Wan could not make the video (${info.kind}): ${info.reason}.`,
        };
        return result;
      }
      return { state: 'running', progress: status === 'RUNNING' ? 0.5 : 0 };
    },

    async fetchResult(taskId, destPath, ctx) {
      // video_url is a signed OSS link valid 24 h (async task API,
      // https://www.alibabacloud.com/help/en/model-studio/manage-asynchronous-tasks — first-party;
      // wan/rules.ts); an expired one is read again from the task
      // (a new link if DashScope signs one; the same link means the result is gone).
      await downloadOutputFresh(
        rest(ctx),
        async () => (await task(taskId, ctx))?.output?.video_url ?? null,
        destPath,
        ctx,
        taskId,
        `DashScope no longer lists a video for task ${taskId} (results are kept 24 hours); generate the shot again.`,
      );
    },

    async cancel(taskId, ctx) {
      // `{request_id}` on success. A task that has started cannot be stopped: say so plainly
      // (the runner marks the job canceled either way; DashScope finishes and bills the task).
      await restJson(rest(ctx), resolved(ctx), `/api/v1/tasks/${encodeURIComponent(taskId)}/cancel`, {
        method: 'POST',
        what: `cancel task ${taskId}`,
      }).catch((err: unknown) => {
        if (
          err instanceof AppError &&
          /UnsupportedOperation/.test(String((err.details as { reason?: string } | undefined)?.reason))
        ) {
          throw new AppError(
            'PROVIDER_FAILED',
            `DashScope could not cancel the Wan task ${taskId}: only queued (PENDING) tasks can be canceled, and this one has started; it will run to the end.`,
            { ...(err.details as Record<string, unknown>), notCancelable: true, taskId },
          );
        }
        throw err;
      });
    },

    async reconcile(job, ctx) {
      try {
        return await reconcileWan(
          job,
          async (q) => {
            const query = new URLSearchParams({
              page_no: String(q.pageNo),
              page_size: String(q.pageSize),
              start_time: q.startTime,
              end_time: q.endTime,
              model_name: q.modelName,
            });
            const page = await restJson<WanListPage>(rest(ctx), resolved(ctx), `/api/v1/tasks?${query.toString()}`, {
              what: 'list recent tasks',
              signal: ctx.signal,
            });
            if (!page) throw new Error('no task list here (404)'); // never read a missing list as an empty one
            return page;
          },
          (id) => task(id, ctx),
          Date.now(),
          ctx.knownTaskIds,
        );
      } catch {
        return null; // the list could not be read: the job stays unknown for the user
      }
    },

    async ping(ctx) {
      // Free: reading an unknown task answers UNKNOWN with a good key, 401 with a bad one.
      await task('storyboard-connection-test', ctx);
    },
  };
}
