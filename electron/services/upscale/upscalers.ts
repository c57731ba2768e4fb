/**
 * Video upscalers: a take's clip in, a higher-resolution clip out, with the same create-then-
 * poll shape as every paid job (jobs/paidJob.ts runs them).
 * - `ffmpeg` (offline, free): Lanczos + unsharp through the one ffmpeg runner (shared/media/upscale.ts).
 * - `fal-seedvr`: SeedVR2 on fal (`fal-ai/seedvr/upscale/video`, input `video_url` and
 *   `upscale_factor` 1-10, default 2; output `video.url`; "$0.001 per megapixel of video data
 *   (width x height x frames)": https://fal.ai/models/fal-ai/seedvr/upscale/video/llms.txt),
 *   through the fal SDK set up like the video adapter (providers/fal/client.ts: no hidden retry).
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { PollPolicy } from '../../../shared/generation/backoff.js';
import { upscaleInvocation } from '../../../shared/media/upscale.js';
import { fetchLocal, pollLocal } from '../jobs/localResult.js';
import { LOCAL_TASK } from '../jobs/localResult.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import { downloadToFile } from '../generation/providers/download.js';
import { falClient, mapFalError } from '../generation/providers/fal/client.js';
import { falJobContext, falOutputUrl, pollFalRequest, submitFalRequest } from '../generation/providers/fal/queue.js';
import type { PollResult, RunFfmpeg } from '../generation/types.js';
import type { JobContext } from '../jobs/paidJob.js';

export interface UpscaleRequest {
  kind: 'upscale';
  takeId: string;
  shotId: string;
  provider: string;
  sourceAssetId: string;
  /** Absolute path when sent (re-resolved from the asset id on resume). */
  sourcePath: string;
  sourceWidth: number;
  sourceHeight: number;
  width: number;
  height: number;
  frames: number;
  durationSec: number;
}

/** What an upscaler is given for one job (the context of every paid-job adapter). */
export type UpscaleContext = JobContext;

export interface VideoUpscaler {
  id: string;
  label: string;
  offline: boolean;
  settingsId: string;
  pollPolicy: PollPolicy;
  /** USD; null when unknown (never counted as free). */
  estimateCost(req: UpscaleRequest): number | null;
  submit(req: UpscaleRequest, ctx: UpscaleContext): Promise<{ taskId: string }>;
  poll(taskId: string, ctx: UpscaleContext): Promise<PollResult>;
  fetchResult(taskId: string, destPath: string, ctx: UpscaleContext): Promise<void>;
}

export function createFfmpegUpscaler(run: RunFfmpeg = runFfmpeg): VideoUpscaler {
  const label = 'Lanczos + sharpen (offline)';
  return {
    id: 'ffmpeg',
    label,
    offline: true,
    settingsId: 'animatic',
    pollPolicy: { initialMs: 50, maxMs: 200, factor: 2 },
    estimateCost: () => 0,
    async submit(req, ctx) {
      const name = `${ctx.jobId}.mp4`;
      const part = join(ctx.outDir, `${ctx.jobId}.part.mp4`);
      await mkdir(ctx.outDir, { recursive: true });
      await run(
        upscaleInvocation({
          input: req.sourcePath,
          output: part,
          width: req.width,
          height: req.height,
          durationSec: req.durationSec,
        }),
        {
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          timeoutMs: 30 * 60_000,
        },
      );
      await rename(part, join(ctx.outDir, name));
      return { taskId: `${LOCAL_TASK}${name}` };
    },
    poll: (taskId, ctx) => pollLocal(taskId, ctx, label),
    fetchResult: (taskId, dest, ctx) => fetchLocal(taskId, dest, ctx),
  };
}

const SEEDVR = 'fal-ai/seedvr/upscale/video';
const SEEDVR_USD_PER_MEGAPIXEL = 0.001;

export function createFalSeedVrUpscaler(): VideoUpscaler {
  const label = 'SeedVR2 (fal.ai)';
  return {
    id: 'fal-seedvr',
    label,
    offline: false,
    settingsId: 'fal',
    pollPolicy: { initialMs: 5000, maxMs: 20_000, factor: 1.5 },
    estimateCost: (req) => (req.width * req.height * req.frames * SEEDVR_USD_PER_MEGAPIXEL) / 1e6,
    async submit(req, ctx) {
      const client = falClient(falJobContext(ctx));
      const bytes = await readFile(req.sourcePath).catch((err: NodeJS.ErrnoException) => {
        throw new AppError(
          'INVALID_INPUT',
          `The take's clip is missing or unreadable: ${req.sourcePath} (${err.code ?? err.message})`,
        );
      });
      let videoUrl: string;
      try {
        videoUrl = await client.storage.upload(new File([bytes], basename(req.sourcePath), { type: 'video/mp4' }));
      } catch (err) {
        // No task exists yet: a failed upload is a plain failure, never `unknown`.
        const e = mapFalError(err, 'upload the clip');
        throw e instanceof AppError
          ? e
          : new AppError('PROVIDER_FAILED', `Could not upload the clip to fal.ai: ${e.message}`);
      }
      const factor = Math.round((req.width / req.sourceWidth) * 100) / 100;
      const input = { video_url: videoUrl, upscale_factor: factor };
      return submitFalRequest(falJobContext(ctx), SEEDVR, input, 'queue the upscale');
    },
    poll: (taskId, ctx) => pollFalRequest(falJobContext(ctx), taskId, 'upscale the clip'),
    async fetchResult(taskId, dest, ctx) {
      const url = await falOutputUrl(
        falJobContext(ctx),
        taskId,
        (data) => (data as { video?: { url?: string } } | undefined)?.video?.url,
        'read the upscale result',
        'upscaled video',
      );
      await downloadToFile(url, dest, { label, taskId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    },
  };
}

let registry: Map<string, VideoUpscaler> | null = null;

export function listUpscalers(): VideoUpscaler[] {
  registry ??= new Map([createFfmpegUpscaler(), createFalSeedVrUpscaler()].map((u) => [u.id, u]));
  return [...registry.values()];
}

export function getUpscaler(id: string): VideoUpscaler {
  const u = listUpscalers().find((x) => x.id === id);
  if (!u)
    throw new AppError(
      'INVALID_INPUT',
      `Unknown upscaler "${id}". Available: ${listUpscalers()
        .map((x) => x.id)
        .join(', ')}`,
      {
        provider: id,
      },
    );
  return u;
}
