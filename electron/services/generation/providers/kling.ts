/**
 * Kling AI official API (providers.md §5), plain fetch (no official Node SDK). Every request
 * carries a fresh HS256 JWT made from the access key + secret key (kling/jwt.ts). Images go
 * as raw base64. Creates carry `external_task_id` = the job id, so a create whose answer was
 * lost is looked up by that id (reconcile) instead of being sent again. The task id we store is
 * "<endpoint family>:<task_id>" because polls go to the family's own path.
 * Kling has no cancel endpoint; its limit is concurrency (code 1303), mapped to throttling.
 */
import { extname } from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import type { FrameRef } from '../../../../shared/generation/request.js';
import { findPrice } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import type { Job } from '../../../../shared/model/entities.js';
import type { QueueAdapter } from '../ports.js';
import type { PollResult, ProviderContext } from '../types.js';
import { downloadFreshLink } from './download.js';
import { DEFAULT_KLING_URL, klingJson, type KlingCall } from './kling/http.js';
import { klingKeys } from './kling/jwt.js';
import type { KlingRequest } from './kling/models.js';
import { KLING_CAPABILITIES, klingFamily, klingModel, klingTaskId, parseKlingTaskId } from './kling/models.js';
import { klingBody, klingPlan } from './kling/body.js';
import { readInputFile } from './imageInput.js';

interface KlingTask {
  task_id?: string;
  task_status?: 'submitted' | 'processing' | 'succeed' | 'failed';
  task_status_msg?: string;
  task_result?: { videos?: { id?: string; url?: string; watermark_url?: string; duration?: string }[] };
}

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** A frame as raw base64 (no data: prefix), checked against Kling's rules first. */
async function rawBase64(f: FrameRef, shotNumber: number): Promise<string> {
  const ext = extname(f.path).toLowerCase();
  if (!['.png', '.jpg', '.jpeg'].includes(ext)) {
    throw new AppError('INVALID_INPUT', `Shot ${shotNumber}: Kling takes only PNG or JPEG images (${f.path}).`, {
      path: f.path,
    });
  }
  const bytes = await readInputFile(f.path, `An image of shot ${shotNumber}`);
  if (bytes.length > MAX_IMAGE_BYTES)
    throw new AppError('INVALID_INPUT', `Shot ${shotNumber}: ${f.path} is over Kling's 10 MB image limit.`, {
      path: f.path,
    });
  return bytes.toString('base64');
}

export interface KlingOptions {
  env?: Record<string, string | undefined>;
}

export function createKlingProvider(opts: KlingOptions = {}): QueueAdapter {
  const call = (ctx: ProviderContext, what: string): KlingCall => ({
    base: ctx.settings.baseUrl?.trim() || DEFAULT_KLING_URL,
    keys: klingKeys(ctx.settings, opts.env),
    what,
    signal: ctx.signal,
  });
  const task = async (taskId: string, ctx: ProviderContext): Promise<KlingTask | null> => {
    const { family, id } = parseKlingTaskId(taskId);
    return klingJson<KlingTask>(`/v1/videos/${family}/${encodeURIComponent(id)}`, call(ctx, 'read the task'));
  };

  return {
    id: 'kling',
    label: 'Kling AI',
    offline: false,
    capabilities: KLING_CAPABILITIES,
    // ComfyUI's estimates are 164-320 s per clip: start at the 5 s floor, back off to 30 s.
    pollPolicy: { initialMs: 5000, maxMs: 30_000, factor: 1.5 },
    // Concurrency-limited per resource pack (rateLimits page); 1303 beyond it is throttled.
    maxConcurrent: 2,

    estimateCost(req) {
      // Priced as sent: the model's own durations and the mode the body uses (pro with sound).
      const kreq = req as KlingRequest;
      const model = klingModel(kreq.model).id;
      const { duration } = klingPlan(kreq);
      const price = findPrice(PRICES, 'kling', model);
      // No entry: null, "price unknown" (never free).
      return price ? price.perRequest + price.perSecond * duration : null;
    },

    async submit(req, ctx) {
      const kreq = req as KlingRequest;
      // A dry run names the pictures the body uses (and refuses what the model cannot take)
      // before any file is read.
      const used: FrameRef[] = [];
      klingBody(kreq, (f) => (used.push(f), ''), ctx.jobId);
      const encoded = new Map<string, string>();
      for (const f of used) encoded.set(f.path, await rawBase64(f, req.shotNumber));
      const { family, body } = klingBody(kreq, (f) => encoded.get(f.path) ?? '', ctx.jobId);
      // Off by default (not sent); on, Kling also answers a watermarked copy (watermark.ts).
      if (ctx.settings.watermark && family !== 'video-extend') body.watermark_info = { enabled: true };
      // One attempt: a lost answer is reconciled by external_task_id, never re-sent.
      const data = await klingJson<KlingTask>(`/v1/videos/${family}`, {
        ...call(ctx, `create shot ${req.shotNumber}`),
        method: 'POST',
        body,
      });
      if (!data?.task_id) throw new Error('Kling accepted the request but returned no task id.');
      return { taskId: klingTaskId(family, data.task_id) };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const t = await task(taskId, ctx);
      if (!t)
        return {
          state: 'failed',
          taskLost: true,
          error: `Kling has no task ${parseKlingTaskId(taskId).id} (tasks are kept 30 days).`,
        };
      if (t.task_status === 'succeed') return { state: 'succeeded', progress: 1 };
      // A task that fails after it was accepted stays a plain provider failure, its
      // task_status_msg shown as Kling wrote it. Kling's docs say only that the message gives the
      // reason, "such as triggering the platform's content moderation" (Kling's async-task
      // callback protocol as copied by resellers that point to app.klingai.com/cn/dev/document-api,
      // e.g. https://docs.kkiai.com/Other-Model-APIs/kling-platform-api/async-task-callback-protocol.html;
      // secondary); no first-party page lists the words it uses for a moderation
      // failure or which input was flagged, so nothing here guesses moderation from them.
      // Searched (2026-12-07): docs "Kling API task_status failed task_status_msg content risk
      // moderation"; pages "klingai developer task_status_msg failure reason risk control",
      // "app.klingai.com dev document-api apiReference text2video query task task_status_msg";
      // issues "kling task_status_msg failed content security"; code "task_status_msg risk
      // control kling failed" — only the callback note above and third-party guesses.
      // (A refusal at create, codes 1300/1301, is moderation: kling/http.ts.)
      if (t.task_status === 'failed')
        return { state: 'failed', error: `Kling could not make this clip: ${t.task_status_msg || 'no reason given'}.` };
      return { state: 'running', progress: t.task_status === 'processing' ? 0.5 : 0 };
    },

    async fetchResult(taskId, destPath, ctx) {
      let t: KlingTask | null = null;
      // The CDN link is public and signed: no key on the download. An expired link is read
      // again from the task (a fresh signature) before the job is called expired.
      await downloadFreshLink(
        async () => {
          const v = (t = await task(taskId, ctx))?.task_result?.videos?.[0];
          // With the watermark setting on, the take is the watermarked copy when Kling made one.
          return (ctx.settings.watermark ? v?.watermark_url || v?.url : v?.url) ?? null;
        },
        destPath,
        { label: 'Kling', taskId, ...(ctx.signal ? { signal: ctx.signal } : {}) },
        // 30 days: Kling API specification changelog 2024-10-25, first-party (kling/rules.ts).
        () =>
          new AppError(
            'PROVIDER_FAILED',
            `Kling no longer lists a video for task ${parseKlingTaskId(taskId).id} (outputs are cleared after 30 days).`,
            { expired: true, failureKind: 'expired', taskId },
          ),
      );
      // The video id (not the task id) is what /v1/videos/video-extend takes as `video_id`.
      const videoId = (t as KlingTask | null)?.task_result?.videos?.[0]?.id;
      return videoId ? { outputRef: videoId } : undefined;
    },

    async reconcile(job: Job, ctx) {
      // The create carried external_task_id = job id, and a single-task query takes it in
      // place of task_id (query page: "choose one of task_id / external_task_id"). Kling
      // answering "does not exist" (404 / 1203) for our own unique id means it never took the
      // create: sending it now cannot pay twice. Any other answer or error: null (unknown).
      try {
        const family = klingFamily(job.request as unknown as KlingRequest);
        const t = await klingJson<KlingTask>(
          `/v1/videos/${family}/${encodeURIComponent(job.id)}`,
          call(ctx, 'look up a lost task'),
        );
        if (!t) return { absent: true };
        return t.task_id ? { taskId: klingTaskId(family, t.task_id) } : null;
      } catch {
        return null;
      }
    },

    async ping(ctx) {
      // A free, authenticated read: the first page of text2video tasks.
      await klingJson('/v1/videos/text2video?pageNum=1&pageSize=1', call(ctx, 'test the connection'));
    },
  };
}
