/**
 * Replicate's Kling 3.0 Omni and Runway Gen-4 Aleph: the models that take a clip as well as
 * pictures. Their inputs, from each model's own API page on replicate.com (first-party, read
 * 2026-12-06) unless marked:
 *   [KO] https://replicate.com/kwaivgi/kling-v3-omni-video/versions/1d449e25…/api — `prompt`
 *        (required, <= 2500 characters, pictures named <<<image_1>>>, the clip <<<video_1>>>),
 *        `start_image`, `end_image` ("Requires start_image"), `reference_images` ("Max 7 without
 *        video, 4 with video"), `reference_video` (.mp4/.mov, 3-10 s, 720-2160 px per side),
 *        `video_reference_type` feature | base ("base for video editing"), `keep_original_sound`,
 *        `generate_audio` ("Mutually exclusive with reference video"), `mode` standard (720p) | pro
 *        (1080p), `aspect_ratio` 16:9 | 9:16 | 1:1 ("Required when not using start frame or video
 *        editing"), `duration` integer 3-15 ("Ignored for video editing (base)"), `multi_prompt`.
 *   [GA] https://replicate.com/runwayml/gen4-aleph/versions/35e570d1…/api — `prompt`, `video`
 *        ("less than 16MB. Only 5s of the input video will be used"), `aspect_ratio` (default
 *        16:9), `seed`, `reference_images` ("Up to 3"). The page shows no aspect enum: the values
 *        sent are the ones Runway's own ratios map to (16:9, 9:16, 1:1, 21:9; github
 *        RunwayML-to-Replicate converter, secondary).
 *   Prices: Replicate's per-second prices for these were not found. Kling 3.0 Omni is priced as
 *   fal's Kling O3 Standard with audio ($0.112/s; secondary stand-in), Gen-4 Aleph at $0.18/s
 *   ($0.90 per 5 s run; https://www.vibedream.ai/models/generate?model=gen4-aleph, secondary).
 */
import { AppError } from '../../../../../shared/errors.js';
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../types.js';
import { checkEditSource, omniPrompt } from '../fal/klingOmni.js';

const KO =
  'https://replicate.com/kwaivgi/kling-v3-omni-video/versions/1d449e255319a7c07feca688cf0596cb82cc8a96ceddff6c44fd0d090b4e830c/api';
const GA =
  'https://replicate.com/runwayml/gen4-aleph/versions/35e570d17bdb4e24c57f4c16366e15eef635bdf09c504f47205a1d60017fbc54/api';

/** Aleph reads the first 5 s of the clip [GA]. */
export const ALEPH_SECONDS = 5;

export const REPLICATE_KLING_OMNI_RULES: readonly ModelRule[] = [
  {
    rule: '`start_image` / `end_image` (an end frame only after a start frame); `reference_images` at most 7, only without frames; `aspect_ratio` 16:9 / 9:16 / 1:1 only without a start frame; `duration` integer 3-15; `mode` standard (720p); `generate_audio` sent true except with a clip.',
    source: KO,
    firstParty: true,
  },
  {
    rule: "Restyle (`--restyle`): the clip as `reference_video` with `video_reference_type` base and `keep_original_sound`, no duration, audio, frames or references (the output is the clip's length); the clip 3-10 s and 720-2160 px per side, refused before sending when outside.",
    source: KO,
    firstParty: true,
  },
  {
    rule: "The clip's frame rate 24-60 fps, refused before sending: Replicate's page states none; fal states it for the same Kling video input (O1 Edit).",
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-video-to-video',
    firstParty: false,
  },
  {
    rule: "Priced at $0.112 per second (fal's Kling O3 Standard with audio; Replicate's price not found).",
    source: 'https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video/playground',
    firstParty: false,
  },
];

export const REPLICATE_ALEPH_RULES: readonly ModelRule[] = [
  {
    rule: "Restyles the shot's clip: `video` (inline, under 16 MB; only its first 5 s are used, so the output is 5 s), `prompt`, `seed`; no first / last frame or references.",
    source: GA,
    firstParty: true,
  },
  {
    rule: '`aspect_ratio` from 16:9, 9:16, 1:1, 21:9 (the page shows no list; the ratios Runway maps to).',
    source: 'github RunwayML-to-Replicate converter (RUNWAY_TO_REPLICATE_MODEL, _RATIO_MAP)',
    firstParty: false,
  },
  {
    rule: 'Priced at $0.18 per output second ($0.90 per 5 s run).',
    source: 'https://www.vibedream.ai/models/generate?model=gen4-aleph',
    firstParty: false,
  },
];

/**
 * The Kling Omni source clip's limits [KO] are fal's for its edit endpoint (3-10 s, 720-2160 px
 * per side; 24-60 fps from fal's O1 Edit page, which Replicate's page does not state): one check
 * for both, refused before anything is encoded or sent. Gen-4 Aleph's page states no frame rate:
 * none is checked there (nor for Runway Aleph 2, whose SDK types state none).
 */
export function checkKlingOmniSource(req: GenerationRequest, label: string): void {
  if (req.sourceVideo) checkEditSource(req, label);
}

/** kwaivgi/kling-v3-omni-video's input [KO]; pictures and the clip already encoded. */
export function klingOmniInput(
  req: GenerationRequest,
  prompt: string,
  aspect: string,
  media: { first?: string; last?: string; references?: string[]; video?: string },
): Record<string, unknown> {
  const refs = media.video || media.first ? 0 : (media.references?.length ?? 0);
  const named = omniPrompt(req, prompt, refs, (n) => `<<<image_${n}>>>`, 'Kling 3.0 Omni');
  const input: Record<string, unknown> = { prompt: named, mode: 'standard' };
  if (media.video) {
    Object.assign(input, { reference_video: media.video, video_reference_type: 'base', keep_original_sound: true });
    return input;
  }
  input.duration = Math.min(15, Math.max(3, Math.round(req.durationSec)));
  input.generate_audio = true;
  if (media.first) {
    input.start_image = media.first;
    if (media.last) input.end_image = media.last;
    return input;
  }
  input.aspect_ratio = aspect;
  if (media.references?.length) input.reference_images = media.references.slice(0, 7);
  return input;
}

/** runwayml/gen4-aleph's input [GA]. */
export function alephInput(
  req: GenerationRequest,
  prompt: string,
  aspect: string,
  video: string | undefined,
): Record<string, unknown> {
  if (!video)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber}: Gen-4 Aleph edits an existing clip; restyle a take with it.`,
    );
  return { prompt, video, aspect_ratio: aspect, ...(req.seed !== null ? { seed: req.seed } : {}) };
}
