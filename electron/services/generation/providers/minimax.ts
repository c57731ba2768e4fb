/**
 * MiniMax Hailuo video API (providers.md §6), plain fetch (no official Node SDK). Bearer key.
 * One create endpoint for every kind; images go as data URIs (first_frame_image,
 * last_frame_image, subject_reference). The finished task gives only a file_id: fetchResult
 * asks /v1/files/retrieve for its download_url, then downloads it at once (the link expires).
 * No cancel endpoint and no client-chosen task id, so no reconcile: a create whose answer was
 * lost stays `unknown` for the user (never re-sent).
 */
import { extname } from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import { allowedDuration, modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { findPrice } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import type { FrameRef } from '../../../../shared/generation/request.js';
import type { QueueAdapter } from '../ports.js';
import type { PollResult, ProviderContext } from '../types.js';
import { downloadFreshLink } from './download.js';
import type { BaseResp, MinimaxCall } from './minimax/http.js';
import { DEFAULT_MINIMAX_URL, minimaxJson } from './minimax/http.js';
import { MINIMAX_CAPABILITIES, minimaxBody } from './minimax/models.js';
import { readInputFile } from './imageInput.js';

interface QueryResp extends BaseResp {
  task_id?: string;
  status?: 'Preparing' | 'Queueing' | 'Processing' | 'Success' | 'Fail';
  file_id?: string | number;
  video_width?: number;
  video_height?: number;
}
interface RetrieveResp extends BaseResp {
  file?: { file_id?: string | number; download_url?: string; filename?: string };
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

async function dataUri(f: FrameRef, shotNumber: number): Promise<string> {
  const mime = MIME[extname(f.path).toLowerCase()];
  if (!mime)
    throw new AppError('INVALID_INPUT', `Shot ${shotNumber}: MiniMax takes PNG, JPEG or WebP images (${f.path}).`, {
      path: f.path,
    });
  const bytes = await readInputFile(f.path, `An image of shot ${shotNumber}`);
  return `data:${mime};base64,${bytes.toString('base64')}`;
}

export function createMinimaxProvider(): QueueAdapter {
  const call = (ctx: ProviderContext, what: string): MinimaxCall => {
    const apiKey = ctx.settings.apiKey?.trim();
    if (!apiKey)
      throw new AppError(
        'INVALID_INPUT',
        'No MiniMax API key: enter it in settings (or set STORYBOARD_MINIMAX_API_KEY).',
        { provider: 'minimax', auth: true },
      );
    return { base: ctx.settings.baseUrl?.trim() || DEFAULT_MINIMAX_URL, apiKey, what, signal: ctx.signal };
  };
  const query = (taskId: string, ctx: ProviderContext): Promise<QueryResp> =>
    minimaxJson<QueryResp>(
      `/v1/query/video_generation?task_id=${encodeURIComponent(taskId)}`,
      call(ctx, 'read the task'),
    );

  return {
    id: 'minimax',
    label: 'MiniMax Hailuo',
    offline: false,
    capabilities: MINIMAX_CAPABILITIES,
    // ComfyUI's estimates are 114-234 s per clip: start at the 5 s floor, back off to 30 s.
    pollPolicy: { initialMs: 5000, maxMs: 30_000, factor: 1.5 },

    estimateCost(req) {
      const price = findPrice(PRICES, 'minimax', req.model);
      const secs = allowedDuration(modelCapabilities(MINIMAX_CAPABILITIES, req.model).durations, req.durationSec);
      return price ? price.perRequest + price.perSecond * secs : null; // no entry: price unknown, never free
    },

    async submit(req, ctx) {
      // A dry run names the pictures the body uses (and refuses what the model cannot take)
      // before any file is read.
      const used: FrameRef[] = [];
      minimaxBody(req, (f) => (used.push(f), ''));
      const encoded = new Map<string, string>();
      for (const f of used) encoded.set(f.path, await dataUri(f, req.shotNumber));
      const body = minimaxBody(req, (f) => encoded.get(f.path) ?? '');
      // One attempt: a lost answer leaves the job `unknown`, never a second paid create.
      const res = await minimaxJson<BaseResp & { task_id?: string }>('/v1/video_generation', {
        ...call(ctx, `create shot ${req.shotNumber}`),
        body,
        pictures: used.length > 0,
      });
      if (!res.task_id) throw new Error('MiniMax accepted the request but returned no task_id.');
      return { taskId: res.task_id };
    },

    async poll(taskId, ctx): Promise<PollResult> {
      const q = await query(taskId, ctx);
      switch (q.status) {
        case 'Success':
          return { state: 'succeeded', progress: 1 };
        case 'Fail':
          // A task refused on one of MiniMax's codes (1026/1027 safety, ...) already threw from
          // query() as the keyed error minimaxError() makes; here MiniMax gave only a message.
          return {
            state: 'failed',
            error: `MiniMax could not make this clip: ${q.base_resp?.status_msg && q.base_resp.status_msg !== 'success' ? q.base_resp.status_msg : 'no reason given'}.`,
          };
        case 'Processing':
          return { state: 'running', progress: 0.5 };
        default:
          return { state: 'running', progress: 0 };
      }
    },

    async fetchResult(taskId, destPath, ctx) {
      const q = await query(taskId, ctx);
      if (q.file_id === undefined || q.file_id === '')
        throw new AppError('PROVIDER_FAILED', `MiniMax task ${taskId} has no output file.`, {
          expired: true,
          failureKind: 'expired',
          taskId,
        });
      // The second call: the file id becomes a (short-lived) download URL. An expired one is
      // asked for again (retrieve signs a new URL for the same file) before the job is expired.
      await downloadFreshLink(
        async () =>
          (
            await minimaxJson<RetrieveResp>(
              `/v1/files/retrieve?file_id=${encodeURIComponent(String(q.file_id))}`,
              call(ctx, 'look up the output file'),
            )
          ).file?.download_url ?? null,
        destPath,
        { label: 'MiniMax', taskId, ...(ctx.signal ? { signal: ctx.signal } : {}) },
        () =>
          new AppError(
            'PROVIDER_FAILED',
            `MiniMax no longer has the output of task ${taskId}; generate the shot again.`,
            { expired: true, failureKind: 'expired', taskId },
          ),
      );
    },

    async ping(ctx) {
      // A free, authenticated read: the list of generated video files.
      await minimaxJson('/v1/files/list?purpose=video_generation', call(ctx, 'test the connection'));
    },
  };
}
