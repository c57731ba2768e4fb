/**
 * ByteDance Seedance through Volcengine Ark (China) or BytePlus ModelArk (international), plain
 * fetch (no official npm SDK; providers.md §9). Create `POST /contents/generations/tasks` with a
 * `content` array (text + images with roles first_frame / last_frame), poll `GET …/tasks/{id}`
 * (queued / running / succeeded / failed / cancelled), download `content.video_url` at once
 * (it expires after ~24 h), cancel with `DELETE …/tasks/{id}`. Ark takes no client id and
 * echoes no prompt: a shot without a seed is sent one made from the job id (seedance/reconcile.ts
 * jobSeed), so a create whose answer was lost can be found in the task list by that seed.
 */
import { FLAGGED_TEXT, flaggedInput, type FlaggedInput } from '../../../../shared/generation/failure.js';
import { AppError } from '../../../../shared/errors.js';
import type { AdapterExtras } from '../ports.js';
import type { PollResult, ProviderAdapter, ProviderContext } from '../types.js';
import { catalogueCapabilities, catalogueCost, catalogueModel } from './catalogue.js';
import { joinUrl, type ReasonKind } from './http.js';
import { baseUrlOf, DOWNLOAD_TIMEOUT_MS, restFetch, restJson, type RestProvider } from './cloudRest.js';
import { downloadFreshLink } from './download.js';
import { seedanceBody } from './seedance/body.js';
import { ARK_PAGE_SIZE, jobSeed, reconcileSeedance, type ArkListPage } from './seedance/reconcile.js';
import { SEEDANCE_CATALOGUE, seedanceRegion } from './seedance/models.js';

/** BytePlus (international); mainland China keys use SEEDANCE_CN_BASE_URL. Keys are per region. */
export const SEEDANCE_INTL_BASE_URL = 'https://ark.ap-southeast.bytepluses.com/api/v3';
export const SEEDANCE_CN_BASE_URL = 'https://ark.cn-beijing.volces.com/api/v3';

interface ArkTask {
  id?: string;
  model?: string;
  status?: 'queued' | 'running' | 'cancelled' | 'succeeded' | 'failed' | string;
  content?: { video_url?: string; last_frame_url?: string };
  error?: { code?: string; message?: string } | null;
}

/** Ark error codes (`error.code`) by kind; the provider's own message is always shown. */
export function classifySeedanceError(
  status: number,
  body: unknown,
): { kind: ReasonKind; reason: string; flagged?: FlaggedInput | null } {
  const e = (body as { error?: { code?: string; message?: string } } | null)?.error ?? {};
  const code = e.code ?? '';
  const reason =
    [code, e.message].filter(Boolean).join(': ') ||
    (typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`);
  if (/Sensitive|Moderation|Risk/i.test(code)) return { kind: 'moderation', reason, flagged: flaggedInput(code) };
  if (status === 401 || /Authentication|ApiKey|AccessDenied/i.test(code)) return { kind: 'auth', reason };
  if (status === 402 || /Overdue|Quota|Balance|Billing|SetLimitExceeded/i.test(code)) return { kind: 'quota', reason };
  if (status === 403) return { kind: 'auth', reason };
  if (status === 400 || /Invalid|NotFound|Unsupported/i.test(code)) return { kind: 'invalid', reason };
  return { kind: 'provider', reason };
}

const REST: RestProvider = {
  label: 'Seedance',
  envPrefix: 'STORYBOARD_SEEDANCE',
  defaultBaseUrl: SEEDANCE_INTL_BASE_URL,
  headers: (key) => ({ authorization: `Bearer ${key}` }),
  describeError: classifySeedanceError,
};

const taskPath = (id: string): string => `/contents/generations/tasks/${encodeURIComponent(id)}`;

async function getTask(taskId: string, ctx: ProviderContext): Promise<ArkTask | null> {
  return restJson<ArkTask>(REST, ctx, taskPath(taskId), { what: `read task ${taskId}`, signal: ctx.signal });
}

export function createSeedanceProvider(
  opts: { env?: Record<string, string | undefined> } = {},
): ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent' | 'reconcile'>> {
  const env = opts.env ?? process.env;
  const region = (ctx: ProviderContext) => seedanceRegion(baseUrlOf(REST, ctx), env);
  const provider: ProviderAdapter & Required<Pick<AdapterExtras, 'ping' | 'maxConcurrent' | 'reconcile'>> = {
    id: 'seedance',
    label: 'Seedance (ByteDance)',
    offline: false,
    capabilities: catalogueCapabilities(SEEDANCE_CATALOGUE),
    pollPolicy: { initialMs: 5000, maxMs: 20_000, factor: 1.5 },
    maxConcurrent: 2,
    estimateCost: (req) => catalogueCost(SEEDANCE_CATALOGUE, req),

    // No seed of the shot's own: a random-looking one from the job id is our fingerprint (the
    // runner stores it in the job's request before the create, see types.ts seedFor).
    seedFor: jobSeed,

    async submit(req, ctx) {
      const model = catalogueModel(SEEDANCE_CATALOGUE, req);
      const body = await seedanceBody(model, req, region(ctx), ctx.settings.watermark);
      // One attempt only: a lost answer leaves the job `unknown`, never re-sent (design.md §5).
      const res = await restJson<ArkTask>(REST, ctx, '/contents/generations/tasks', {
        method: 'POST',
        body,
        what: `create the video for shot ${req.shotNumber}`,
      });
      if (!res?.id)
        throw new AppError(
          'PROVIDER_FAILED',
          `Seedance at ${baseUrlOf(REST, ctx)} has no task API (404); check the base URL.`,
        );
      return { taskId: res.id };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const t = await getTask(taskId, ctx);
      if (!t)
        return {
          state: 'failed',
          taskLost: true,
          error: `Seedance has no task ${taskId} (deleted, or another region's key/base URL).`,
        };
      switch (t.status) {
        case 'succeeded':
          return { state: 'succeeded', progress: 1 };
        case 'failed': {
          const info = classifySeedanceError(200, { error: t.error ?? {} });
          const prefix =
            info.kind !== 'moderation'
              ? 'Seedance could not make the video'
              : info.flagged
                ? `Seedance's safety review flagged ${FLAGGED_TEXT[info.flagged]}`
                : 'Seedance blocked the content (safety review)';
          return {
            state: 'failed',
            error: `${prefix}: ${info.reason}.`,
            ...(info.kind === 'moderation' ? { failureKind: 'moderation' } : {}),
            ...(info.flagged ? { flagged: info.flagged } : {}),
          };
        }
        case 'cancelled':
          return { state: 'failed', error: 'The Seedance task was cancelled.' };
        default:
          return { state: 'running', progress: t.status === 'running' ? 0.5 : 0 };
      }
    },

    async fetchResult(taskId, destPath, ctx) {
      // content.video_url is signed per read and kept ~24 h (https://nango.dev/docs/api-integrations/byteplus-modelark,
      // secondary; seedance/rules.ts): an expired link is read again once.
      await downloadFreshLink(
        async () => (await getTask(taskId, ctx))?.content?.video_url ?? null,
        destPath,
        { label: REST.label, taskId, ...(ctx.signal ? { signal: ctx.signal } : {}), timeoutMs: DOWNLOAD_TIMEOUT_MS },
        () =>
          new AppError(
            'PROVIDER_FAILED',
            `Seedance no longer has a video for task ${taskId}; generate the shot again.`,
            { expired: true, failureKind: 'expired', taskId },
          ),
      );
    },

    async cancel(taskId, ctx) {
      // DELETE cancels a queued task (Ark cannot stop a running one; it then finishes or fails).
      const key = ctx.settings.apiKey?.trim() ?? '';
      await fetch(joinUrl(baseUrlOf(REST, ctx), taskPath(taskId)), {
        method: 'DELETE',
        headers: REST.headers(key),
        signal: ctx.signal,
      }).catch(() => undefined);
    },

    async reconcile(job, ctx) {
      try {
        const model = catalogueModel(
          SEEDANCE_CATALOGUE,
          job.request as unknown as Parameters<typeof catalogueModel>[1],
        );
        const wireId = model.wire[region(ctx)];
        const q = (n: number) =>
          `/contents/generations/tasks?page_num=${n}&page_size=${ARK_PAGE_SIZE}&filter.model=${encodeURIComponent(wireId)}`;
        return await reconcileSeedance(
          job,
          wireId,
          async (n) => {
            const page = await restJson<ArkListPage>(REST, ctx, q(n), {
              what: 'list recent tasks',
              signal: ctx.signal,
            });
            if (!page) throw new Error('no task list here (404)'); // never read a missing list as an empty one
            return page;
          },
          ctx.knownTaskIds,
        );
      } catch {
        return null; // the list could not be read: the job stays unknown for the user
      }
    },

    async ping(ctx) {
      // Listing one task is free and needs a valid key for this region.
      const res = await restFetch(REST, ctx, '/contents/generations/tasks?page_num=1&page_size=1', {
        what: 'test the connection',
        signal: ctx.signal,
      });
      if (res.status === 404)
        throw new AppError(
          'PROVIDER_FAILED',
          `${baseUrlOf(REST, ctx)} has no Ark task API; check the base URL (e.g. ${SEEDANCE_INTL_BASE_URL} or ${SEEDANCE_CN_BASE_URL}).`,
        );
    },
  };
  return provider;
}
