/**
 * The Ark create body for a shot (providers.md §9): `content` is a text item plus image items
 * with roles first_frame / last_frame (images as data URIs). 2.0 models take ratio, duration,
 * resolution, seed, watermark, camera_fixed and generate_audio as body fields; 1.0 models take
 * `--ratio --duration --resolution --seed --camerafixed --watermark` appended to the text.
 */
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../types.js';
import { imageDataUri } from '../imageInput.js';
import type { SeedanceModel } from './models.js';

const RATIOS: [string, number][] = [['16:9', 16 / 9], ['4:3', 4 / 3], ['1:1', 1], ['3:4', 3 / 4], ['9:16', 9 / 16], ['21:9', 21 / 9]];

/** The nearest Ark ratio for a size. */
export function seedanceRatio(width: number, height: number): string {
  const r = width / height;
  let best = RATIOS[0] as [string, number];
  for (const c of RATIOS) if (Math.abs(Math.log(c[1] / r)) < Math.abs(Math.log(best[1] / r))) best = c;
  return best[0];
}

/** 480p / 720p / 1080p from the short side (the nearest not below it, else 1080p). */
export function seedanceResolution(width: number, height: number): string {
  const short = Math.min(width, height);
  return short <= 480 ? '480p' : short <= 720 ? '720p' : '1080p';
}

export interface SeedanceContentItem {
  type: 'text' | 'image_url';
  text?: string;
  image_url?: { url: string };
  role?: 'first_frame' | 'last_frame' | 'reference_image';
}

export async function seedanceBody(model: SeedanceModel, req: GenerationRequest): Promise<Record<string, unknown>> {
  const prompt = [req.prompt.trim(), req.stylePrompt.trim()].filter(Boolean).join('. ') || req.title.trim();
  if (!prompt && !req.firstFrame) throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no prompt; Seedance needs one without a first frame.`, { shotId: req.shotId });
  const duration = allowedDuration(model.durations, req.durationSec);
  const opts = {
    ratio: req.firstFrame ? 'adaptive' : seedanceRatio(req.width, req.height),
    duration: Math.round(duration),
    resolution: seedanceResolution(req.width, req.height),
    ...(req.seed !== null ? { seed: req.seed } : {}),
    camera_fixed: req.camera === 'static',
    watermark: false,
  };
  const content: SeedanceContentItem[] = [];
  const text = model.style === 'flags'
    ? [prompt, ...Object.entries(opts).map(([k, v]) => `--${k === 'camera_fixed' ? 'camerafixed' : k} ${String(v)}`)].join(' ')
    : prompt;
  content.push({ type: 'text', text });
  if (req.firstFrame) {
    content.push({ type: 'image_url', image_url: { url: await imageDataUri(req.firstFrame.path, `The first frame of shot ${req.shotNumber}`) }, role: 'first_frame' });
  }
  if (req.lastFrame) {
    content.push({ type: 'image_url', image_url: { url: await imageDataUri(req.lastFrame.path, `The last frame of shot ${req.shotNumber}`) }, role: 'last_frame' });
  }
  // Reference mode excludes first/last frames on Ark (providers.md §9): references only
  // without keyframes, at most the model's maximum, in the request's priority order.
  if (!req.firstFrame && !req.lastFrame && model.referenceImagesMax > 0) {
    for (const [i, ref] of (req.references ?? []).slice(0, model.referenceImagesMax).entries()) {
      content.push({ type: 'image_url', image_url: { url: await imageDataUri(ref.path, `Reference image ${i + 1} of shot ${req.shotNumber}`) }, role: 'reference_image' });
    }
  }
  if (model.style === 'flags') return { model: model.id, content };
  return { model: model.id, content, ...opts, ...(model.audio ? { generate_audio: true } : {}) };
}
