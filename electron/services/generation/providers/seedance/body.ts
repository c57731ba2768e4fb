/**
 * The Ark create body for a shot (providers.md §9): `content` is a text item plus image items
 * with roles first_frame / last_frame (images as data URIs). 2.0 models take ratio, duration,
 * resolution, seed, watermark and generate_audio as body fields; 1.0 models take
 * `--ratio --duration --resolution --seed --camerafixed --watermark` appended to the text.
 */
import { DEFAULT_WATERMARK } from '../../../../../shared/generation/watermark.js';
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration } from '../../../../../shared/generation/capabilities.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { GenerationRequest } from '../../types.js';
import { imageDataUri } from '../imageInput.js';
import type { SeedanceModel, SeedanceRegion } from './models.js';

const RATIOS: [string, number][] = [
  ['16:9', 16 / 9],
  ['4:3', 4 / 3],
  ['1:1', 1],
  ['3:4', 3 / 4],
  ['9:16', 9 / 16],
  ['21:9', 21 / 9],
];

/** The nearest Ark ratio for a size. */
export function seedanceRatio(width: number, height: number): string {
  const r = width / height;
  let best = RATIOS[0] as [string, number];
  for (const c of RATIOS) if (Math.abs(Math.log(c[1] / r)) < Math.abs(Math.log(best[1] / r))) best = c;
  return best[0];
}

/** 480p / 720p / 1080p from the short side (the nearest not below it), capped at the model's highest. */
export function seedanceResolution(width: number, height: number, max: '720p' | '1080p' = '1080p'): string {
  const short = Math.min(width, height);
  const want = short <= 480 ? '480p' : short <= 720 ? '720p' : '1080p';
  return want === '1080p' && max === '720p' ? '720p' : want;
}

export interface SeedanceContentItem {
  type: 'text' | 'image_url';
  text?: string;
  image_url?: { url: string };
  role?: 'first_frame' | 'last_frame' | 'reference_image';
}

/**
 * The create body. `region` picks the model id Ark knows in that region (models.ts). A camera
 * move goes into the prompt as a sentence; a static shot is `--camerafixed true` on the 1.0
 * models (the 2.0 parameter list has no camera_fixed: crazyrouter's copy, secondary).
 */
export async function seedanceBody(
  model: SeedanceModel,
  req: GenerationRequest,
  region: SeedanceRegion = 'intl',
  watermark = DEFAULT_WATERMARK,
): Promise<Record<string, unknown>> {
  const prompt = shotPrompt(req, 'sentence');
  if (!prompt && !req.firstFrame)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} has no prompt; Seedance needs one without a first frame.`,
      { shotId: req.shotId },
    );
  const refs =
    !req.firstFrame && !req.lastFrame && model.referenceImagesMax > 0
      ? (req.references ?? []).slice(0, model.referenceImagesMax)
      : [];
  if (model.needsPicture && !req.firstFrame && refs.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} has no first frame and no element pictures; ${model.label} needs one or the other.`,
      { model: model.id },
    );
  }
  const duration = allowedDuration(model.durations, req.durationSec);
  const opts: Record<string, unknown> = {
    ratio: req.firstFrame ? 'adaptive' : seedanceRatio(req.width, req.height),
    duration: Math.round(duration),
    resolution: seedanceResolution(req.width, req.height, model.maxResolution),
    ...(req.seed !== null ? { seed: req.seed } : {}),
    ...(model.style === 'flags' ? { camerafixed: req.camera === 'static' } : {}),
    // The provider's setting (shared/generation/watermark.ts), off by default.
    watermark,
  };
  const content: SeedanceContentItem[] = [];
  const text =
    model.style === 'flags'
      ? [prompt, ...Object.entries(opts).map(([k, v]) => `--${k} ${String(v)}`)].join(' ')
      : prompt;
  content.push({ type: 'text', text });
  if (req.firstFrame) {
    content.push({
      type: 'image_url',
      image_url: { url: await imageDataUri(req.firstFrame.path, `The first frame of shot ${req.shotNumber}`) },
      role: 'first_frame',
    });
  }
  if (req.lastFrame) {
    content.push({
      type: 'image_url',
      image_url: { url: await imageDataUri(req.lastFrame.path, `The last frame of shot ${req.shotNumber}`) },
      role: 'last_frame',
    });
  }
  // Reference mode excludes first/last frames on Ark: references only without keyframes, at
  // most the model's maximum, in the request's priority order. Ark's 400 "first/last frame
  // content cannot be mixed with reference media content", quoted at
  // https://docs.apiyi.com/en/faq/seedance-first-frame-mixed-with-reference.md (secondary).
  // (The refs list is built empty above when the shot has a frame.)
  for (const [i, ref] of refs.entries()) {
    content.push({
      type: 'image_url',
      image_url: { url: await imageDataUri(ref.path, `Reference image ${i + 1} of shot ${req.shotNumber}`) },
      role: 'reference_image',
    });
  }
  const id = model.wire[region];
  if (model.style === 'flags') return { model: id, content };
  return { model: id, content, ...opts, ...(model.audio ? { generate_audio: true } : {}) };
}
