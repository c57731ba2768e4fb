/**
 * Kling's Omni models on fal.ai: O1 Standard and O3 Standard generate (text, first frame,
 * first + last, references), O3 Pro Edit restyles a clip. Each endpoint's fields from fal's own
 * model pages (first-party; read 2026-12-06):
 *   [O1I] https://fal.ai/models/fal-ai/kling-video/o1/standard/image-to-video/llms.txt —
 *         `start_image_url` (required), `end_image_url`, `duration` "3".."10"; no aspect_ratio,
 *         negative_prompt or audio; $0.084 per second.
 *   [O1R] https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-standard-reference-to-video —
 *         `prompt` (required), `image_urls` (optional; at most 7 with elements), `duration`,
 *         `aspect_ratio` 16:9 | 9:16 | 1:1. With `image_urls` optional, a prompt alone is text to video.
 *   [O3T] https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-pro-text-to-video
 *         (Standard the same schema) — `prompt`, `duration` "3".."15", `aspect_ratio` 16:9 | 9:16 | 1:1,
 *         `generate_audio`, `multi_prompt`, `shot_type`.
 *   [O3I] https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-standard-image-to-video —
 *         `image_url` (required; NOT start_image_url), `end_image_url`, `duration` "3".."15",
 *         `generate_audio`; no aspect_ratio. Price $0.084/s audio off, $0.112/s audio on
 *         (https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video/playground).
 *   [O3R] https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-standard-reference-to-video —
 *         `image_urls` ("Maximum 4 total (elements + reference images)"), `start_image_url`,
 *         `end_image_url`, `aspect_ratio`, `duration`, `generate_audio`.
 *   [O3E] https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt — `prompt`
 *         (required; the clip is @Video1), `video_url` (required; .mp4/.mov, 3-10 s, 720-2160 px,
 *         <= 200 MB), `image_urls`, `keep_audio`, `elements`; no duration (the output is the
 *         clip's length); $0.336 per second.
 *   [O1E] https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-video-to-video —
 *         O1 Edit `fal-ai/kling-video/o1/video-to-video/edit`: `prompt` (required; @Image/@Element
 *         tags, no @Video1), `video_url` with fal's file limits spelled out: "Min duration: 3.0s,
 *         Max duration: 10.05s, Min FPS: 24.0, Max FPS: 60.0", 720-2160 px, <= 200 MB; `image_urls`,
 *         `elements` (at most 4 together), `keep_audio`. The O3 Edit page [O3E] states the same
 *         3-10 s / 720-2160 px limits of the same Kling video input but no frame rate: the 24-60 fps
 *         rule is applied to every Kling Omni clip input from [O1E] (first-party for O1, inferred for O3).
 */
import { AppError, keyedError } from '../../../../../shared/errors.js';
import type { DurationRule, ModelRule } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../types.js';

const O1I = 'https://fal.ai/models/fal-ai/kling-video/o1/standard/image-to-video/llms.txt';
const O1R = 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-standard-reference-to-video';
const O3I = 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-standard-image-to-video';
const O3R = 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-standard-reference-to-video';
const O3P = 'https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video/playground';
const O3E = 'https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt';
export const O1E = 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-video-to-video';

export const O1_DURATIONS: DurationRule = { kind: 'range', min: 3, max: 10 };
export const O3_DURATIONS: DurationRule = { kind: 'range', min: 3, max: 15 };
/** The edit endpoint's source clip: 3 to 10 s ([O3E]; fal validates up to 10.05 s). */
export const EDIT_SOURCE_SEC = { min: 3, max: 10.05 } as const;
/** The source clip's sides ([O3E] "720-2160px resolution"). */
export const EDIT_SOURCE_PX = { min: 720, max: 2160 } as const;
/** The source clip's frame rate ([O1E] "Min FPS: 24.0, Max FPS: 60.0"). */
export const EDIT_SOURCE_FPS = { min: 24, max: 60 } as const;

export const FAL_O1_RULES: readonly ModelRule[] = [
  {
    rule: 'First frame on `o1/standard/image-to-video` as `start_image_url` (+ `end_image_url`); durations "3"-"10"; no aspect ratio, negative prompt or audio.',
    source: O1I,
    firstParty: true,
  },
  {
    rule: 'Text and references on `o1/standard/reference-to-video` (`image_urls` optional, at most 7; named @Image1…); `aspect_ratio` 16:9 / 9:16 / 1:1. References only without first/last frame.',
    source: O1R,
    firstParty: true,
  },
  { rule: 'Priced at $0.084 per second.', source: O1I, firstParty: true },
];

export const FAL_O3_RULES: readonly ModelRule[] = [
  {
    rule: 'First frame on `o3/standard/image-to-video` as `image_url` (not start_image_url) + `end_image_url`; durations "3"-"15"; `generate_audio` sent true; no aspect ratio or negative prompt.',
    source: O3I,
    firstParty: true,
  },
  {
    rule: 'References on `o3/standard/reference-to-video` as `image_urls`, at most 4 (elements + images); text on `o3/standard/text-to-video`; `aspect_ratio` 16:9 / 9:16 / 1:1.',
    source: O3R,
    firstParty: true,
  },
  { rule: 'Priced at $0.112 per second (audio on).', source: O3P, firstParty: true },
];

export const FAL_O3_EDIT_RULES: readonly ModelRule[] = [
  {
    rule: "Restyles the shot's clip: `video_url` (uploaded to fal storage), the clip 3-10 s and 720-2160 px per side (refused before sending when the take is outside); the prompt names it @Video1; no duration (the output is the clip's length), first / last frame or references.",
    source: O3E,
    firstParty: true,
  },
  {
    rule: 'The clip must run at 24 to 60 fps (refused before uploading, naming its rate); stated on the O1 Edit page for the same Kling video input.',
    source: O1E,
    firstParty: false,
  },
  { rule: 'Priced at $0.336 per output second (= the source clip).', source: O3E, firstParty: true },
];

/** Whole seconds in the endpoint's enum ("3".."15"): a 4.6 s shot is asked 5 s. */
export function klingSeconds(rule: DurationRule, seconds: number): string {
  const r = rule.kind === 'range' ? rule : { min: 3, max: 10 };
  return String(Math.min(r.max, Math.max(r.min, Math.round(seconds))));
}

/** The clip an edit endpoint restyles, refused before sending when fal's limits say it will be refused. */
export function checkEditSource(req: GenerationRequest, label: string): void {
  const src = req.sourceVideo;
  const shot = `Shot ${req.shotNumber}`;
  if (!src) throw new AppError('INVALID_INPUT', `${shot}: ${label} edits an existing clip; restyle a take with it.`);
  if (src.durationSec < EDIT_SOURCE_SEC.min || src.durationSec > EDIT_SOURCE_SEC.max)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: the clip to restyle is ${src.durationSec.toFixed(1)} s; ${label} takes clips of 3 to 10 s. Trim it or pick another take.`,
      { durationSec: src.durationSec },
    );
  const sides = [src.width, src.height].filter((v): v is number => typeof v === 'number');
  if (sides.some((v) => v < EDIT_SOURCE_PX.min || v > EDIT_SOURCE_PX.max))
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: the clip to restyle is ${src.width}×${src.height}; ${label} takes clips 720 to 2160 pixels on each side. Upscale the take first.`,
      { width: src.width, height: src.height },
    );
  const fps = src.fps;
  if (fps !== undefined && (fps < EDIT_SOURCE_FPS.min - 0.01 || fps > EDIT_SOURCE_FPS.max + 0.01)) {
    const params = {
      number: req.shotNumber,
      model: label,
      fps: Math.round(fps * 100) / 100,
      min: EDIT_SOURCE_FPS.min,
      max: EDIT_SOURCE_FPS.max,
    };
    throw keyedError(
      'INVALID_INPUT',
      'restyle.clipFps',
      params,
      `${shot}: the clip to restyle runs at ${params.fps} fps; ${label} takes clips of ${params.min} to ${params.max} fps. Convert the take's frame rate or pick another take.`,
    );
  }
}

/**
 * The prompt with the reference pictures named the way the endpoint reads them ("References: Mia
 * @Image1, Camp @Image2." on fal [O1R]/[O3R]; Replicate's Kling Omni uses <<<image_1>>> [KO]). A
 * prompt is required on every Omni endpoint: an empty one is refused before sending.
 */
export function omniPrompt(
  req: GenerationRequest,
  base: string,
  count: number,
  tag: (n: number) => string,
  label: string,
): string {
  if (!base.trim())
    throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no prompt; ${label} needs one.`, {
      shotId: req.shotId,
    });
  const named = (req.references ?? [])
    .slice(0, count)
    .map((r, i) => `${r.name?.trim() || r.kind || 'reference'} ${tag(i + 1)}`);
  return named.length ? `${base} References: ${named.join(', ')}.` : base;
}
