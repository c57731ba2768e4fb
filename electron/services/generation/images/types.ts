/**
 * Image model adapters (keyframes): the same create-then-poll shape as the video adapters
 * (../types.ts), so image jobs run through the same durable runner (jobs/paidJob.ts: job
 * row before the request, task id stored in the same step as the create's answer, never sent
 * twice). A synchronous provider (the image comes back in the create's answer) writes it
 * beside the job before submit() returns and names it by a `local:` task id (jobs/localResult.ts).
 */
import type { PollPolicy } from '../../../../shared/generation/backoff.js';
import type { ImageRequest } from '../../../../shared/generation/imageRequest.js';
import type { PromptStyle } from '../../../../shared/generation/promptParts.js';
import type { PollResult, RunFfmpeg } from '../types.js';
import type { JobContext } from '../../jobs/paidJob.js';

export type { ImageRequest } from '../../../../shared/generation/imageRequest.js';

/** What a picture model is given for one job (the context of every paid-job adapter). */
export type ImageContext = JobContext;

export interface ImageModel {
  id: string;
  label: string;
  /** Reference pictures the model takes (its docs); extra ones are not sent. */
  referenceImagesMax: number;
  /** USD per image, with its source in the adapter; null when unknown (never counted as free). */
  pricePerImage: number | null;
}

export interface ImageAdapter {
  readonly id: string;
  readonly label: string;
  readonly offline: boolean;
  /** Whose key and base URL it uses (settings are per provider: fal, runway, veo = Gemini API key). */
  readonly settingsId: string;
  readonly pollPolicy: PollPolicy;
  /** How its prompt names the reference pictures (shared/generation/promptParts.ts). */
  readonly promptStyle: PromptStyle;
  /** The first is the default. */
  readonly models: readonly ImageModel[];
  submit(req: ImageRequest, ctx: ImageContext): Promise<{ taskId: string }>;
  poll(taskId: string, ctx: ImageContext): Promise<PollResult>;
  /**
   * For a job cut off while sending, when the provider names requests by our job id (ComfyUI):
   * the task id if the request reached it, else null (the job stays `unknown`).
   */
  reconcile?(jobId: string, ctx: ImageContext): Promise<string | null>;
  /** Writes the finished picture (PNG/JPEG/WebP) to destPath. */
  fetchResult(taskId: string, destPath: string, ctx: ImageContext): Promise<void>;
}

export interface ImageAdapterDeps {
  runFfmpeg: RunFfmpeg;
}

/** The model a request gets: the one named, else the adapter's first. */
export function imageModel(adapter: Pick<ImageAdapter, 'models'>, id: string | null): ImageModel {
  const m = adapter.models.find((x) => x.id === id) ?? adapter.models[0];
  if (!m) throw new Error('An image adapter must list at least one model.');
  return m;
}
