/**
 * Kling's Omni models on fal.ai, one entry per tier: O1 Standard and the O3 Standard / Pro / 4K
 * tiers generate; O1 Edit and O3 Pro Edit restyle a clip. The request each one takes and its
 * sources are in klingOmni.ts; the tiers added here, from fal's own pages (read 2026-12-07):
 *   [O3PT] https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-pro-text-to-video —
 *          `prompt`, `duration` "3".."15", `aspect_ratio` 16:9 | 9:16 | 1:1, `generate_audio`,
 *          `multi_prompt`, `shot_type`. Its image- and reference-to-video siblings are listed as
 *          "Kling O3 Image to Video [Pro]" / "Reference to Video [Pro]" beside the Standard pages
 *          (…/kling-video-o3-standard-reference-to-video): the Standard schemas are assumed for them.
 *   [O3K]  https://fal.ai/models/fal-ai/kling-video/o3/4k/image-to-video/playground — `image_url` +
 *          `end_image_url`, 3-15 s, audio opt-in, "$0.42 regardless of whether audio is on or off";
 *          https://fal.ai/models/fal-ai/kling-video/o3/4k/text-to-video/playground — 16:9 / 9:16 / 1:1;
 *          https://fal.ai/models/fal-ai/kling-video/o3/4k/reference-to-video/llms.txt — `start_image_url`,
 *          `end_image_url`, `image_urls` "Maximum 7 total (elements + reference images)".
 *   [O1E]  klingOmni.ts: O1 Edit, `video_url` 3-10.05 s, 720-2160 px, 24-60 fps; prompt without @Video1.
 * Prices: the 4K tier's $0.42/s is first-party. No fal page we could read states the O3 Pro
 * generate price or the O1 Edit price: both are priced at O3 Pro Edit's $0.336/s (first-party for
 * that endpoint) as an upper estimate (shared/generation/priceList.ts).
 */
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';
import {
  EDIT_SOURCE_SEC,
  FAL_O1_RULES,
  FAL_O3_EDIT_RULES,
  FAL_O3_RULES,
  O1_DURATIONS,
  O1E,
  O3_DURATIONS,
} from './klingOmni.js';
import type { FalModel } from './models.js';

const O3PT = 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-pro-text-to-video';
const O3K = 'https://fal.ai/models/fal-ai/kling-video/o3/4k/image-to-video/playground';
const O3KR = 'https://fal.ai/models/fal-ai/kling-video/o3/4k/reference-to-video/llms.txt';
const ASPECTS = ['16:9', '9:16', '1:1'] as const;
const EDIT = 'https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt';

const FAL_O3_PRO_RULES: readonly ModelRule[] = [
  {
    rule: 'O3 Pro (1080p) on `o3/pro/text-to-video`, `o3/pro/image-to-video` (`image_url` + `end_image_url`) and `o3/pro/reference-to-video` (`image_urls`, at most 4); durations "3"-"15"; `generate_audio` sent true.',
    source: O3PT,
    firstParty: true,
  },
  {
    rule: "The Pro image / reference schemas are taken as the Standard tier's (fal lists them side by side; their own pages were not read).",
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-standard-reference-to-video',
    firstParty: false,
  },
  {
    rule: "No O3 Pro generate price found on fal's pages: priced at O3 Pro Edit's $0.336 per second, an upper estimate.",
    source: EDIT,
    firstParty: false,
  },
];

const FAL_O3_4K_RULES: readonly ModelRule[] = [
  {
    rule: 'O3 4K (native 2160p) on `o3/4k/text-to-video` (aspect 16:9 / 9:16 / 1:1), `o3/4k/image-to-video` (`image_url` + `end_image_url`) and `o3/4k/reference-to-video` (`image_urls`, at most 7); durations "3"-"15".',
    source: O3KR,
    firstParty: true,
  },
  { rule: 'Priced at $0.42 per second, audio on or off.', source: O3K, firstParty: true },
];

const FAL_O1_EDIT_RULES: readonly ModelRule[] = [
  {
    rule: "Restyles the shot's clip on `o1/video-to-video/edit`: `video_url` (uploaded), the clip 3-10 s, 720-2160 px per side and 24-60 fps (refused before uploading when the take is outside); the prompt as written (no @Video1 tag); `keep_audio` true.",
    source: O1E,
    firstParty: true,
  },
  {
    rule: "No O1 Edit price found on fal's pages: priced at O3 Pro Edit's $0.336 per output second, an upper estimate.",
    source: EDIT,
    firstParty: false,
  },
];

/** The generating tiers share their fields; they differ in endpoints, size and reference count. */
function o3(tier: 'standard' | 'pro' | '4k', label: string, rules: readonly ModelRule[]): FalModel {
  const id = `fal-ai/kling-video/o3/${tier}`;
  return {
    id,
    label,
    family: 'kling-omni',
    audio: true,
    durations: O3_DURATIONS,
    aspects: ASPECTS,
    resolutions: [tier === '4k' ? '4k' : tier === 'pro' ? '1080p' : '720p'],
    endpoints: { text: `${id}/text-to-video`, image: `${id}/image-to-video`, reference: `${id}/reference-to-video` },
    fields: { image: 'image_url', lastImage: 'end_image_url', references: 'image_urls' },
    referenceImagesMax: tier === '4k' ? 7 : 4,
    rules,
  };
}

function edit(id: string, label: string, rules: readonly ModelRule[], videoTag?: string): FalModel {
  return {
    id,
    label,
    family: 'kling-edit',
    audio: false,
    // The output is the source clip's length (3-10 s): the shot's own length does not apply.
    durations: { kind: 'range', min: EDIT_SOURCE_SEC.min, max: 10 },
    aspects: 'any',
    resolutions: ['1080p'],
    endpoints: { video: id },
    fields: { image: 'image_url', video: 'video_url' },
    referenceImagesMax: 0,
    videoInput: 'required',
    ...(videoTag ? { videoTag } : {}),
    rules,
  };
}

export const KLING_OMNI_MODELS: readonly FalModel[] = [
  {
    // Text goes to reference-to-video without pictures (image_urls is optional there: klingOmni.ts [O1R]).
    id: 'fal-ai/kling-video/o1/standard',
    label: 'Kling O1 Standard (fal)',
    family: 'kling-omni',
    audio: false,
    durations: O1_DURATIONS,
    aspects: ASPECTS,
    resolutions: ['720p'],
    endpoints: {
      text: 'fal-ai/kling-video/o1/standard/reference-to-video',
      image: 'fal-ai/kling-video/o1/standard/image-to-video',
      reference: 'fal-ai/kling-video/o1/standard/reference-to-video',
    },
    fields: { image: 'start_image_url', lastImage: 'end_image_url', references: 'image_urls' },
    referenceImagesMax: 7,
    rules: FAL_O1_RULES,
  },
  o3('standard', 'Kling O3 (3.0 Omni) Standard (fal)', FAL_O3_RULES),
  o3('pro', 'Kling O3 (3.0 Omni) Pro (fal, 1080p)', FAL_O3_PRO_RULES),
  o3('4k', 'Kling O3 (3.0 Omni) 4K (fal, native 4K)', FAL_O3_4K_RULES),
  edit('fal-ai/kling-video/o1/video-to-video/edit', 'Kling O1 Edit (fal, restyles a clip)', FAL_O1_EDIT_RULES),
  edit(
    'fal-ai/kling-video/o3/pro/video-to-video/edit',
    'Kling O3 Pro Edit (fal, restyles a clip)',
    FAL_O3_EDIT_RULES,
    '@Video1',
  ),
];
