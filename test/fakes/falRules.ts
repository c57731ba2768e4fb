/**
 * Each fal endpoint's input schema (field names and allowed values), written from fal's own
 * model pages (https://fal.ai/models/<endpoint>/llms.txt and the API pages under
 * https://fal.ai/docs/model-api-reference/video-generation-api/ — first-party) — NOT from the
 * adapter's fal/models.ts:
 *   - Veo 3.1 (and Fast) text / image / first-last / reference: duration "4s" | "6s" | "8s"
 *     (reference: "8s"), resolution "720p" | "1080p" (no 4k on these endpoints), aspect_ratio
 *     "16:9" | "9:16" (image endpoints also "auto"), generate_audio, negative_prompt, seed,
 *     enhance_prompt, auto_fix;
 *   - Kling 2.5 Turbo Pro / 2.1 Pro: duration "5" | "10", aspect_ratio "16:9" | "9:16" | "1:1"
 *     (text only), negative_prompt, cfg_scale, tail_image_url (image only).
 * A refusal is fal's 422 ValidationError body `{detail:[{loc, msg, type}]}`.
 */
import type { ClipFacts } from './clipProbe.js';

type Schema = Record<string, readonly (string | number | boolean)[] | 'string' | 'number' | 'boolean' | 'url' | 'urls'>;

const VEO_COMMON: Schema = {
  prompt: 'string',
  duration: ['4s', '6s', '8s'],
  resolution: ['720p', '1080p'],
  generate_audio: 'boolean',
  negative_prompt: 'string',
  seed: 'number',
  enhance_prompt: 'boolean',
  auto_fix: 'boolean',
};
const veo = (prefix: string): Record<string, Schema> => ({
  [prefix]: { ...VEO_COMMON, aspect_ratio: ['16:9', '9:16'] },
  [`${prefix}/image-to-video`]: { ...VEO_COMMON, image_url: 'url', aspect_ratio: ['auto', '16:9', '9:16'] },
  [`${prefix}/first-last-frame-to-video`]: {
    ...VEO_COMMON,
    first_frame_url: 'url',
    last_frame_url: 'url',
    aspect_ratio: ['auto', '16:9', '9:16'],
  },
});
const KLING_T2V: Schema = {
  prompt: 'string',
  duration: ['5', '10'],
  aspect_ratio: ['16:9', '9:16', '1:1'],
  negative_prompt: 'string',
  cfg_scale: 'number',
};
const KLING_I2V: Schema = {
  prompt: 'string',
  image_url: 'url',
  tail_image_url: 'url',
  duration: ['5', '10'],
  negative_prompt: 'string',
  cfg_scale: 'number',
};

/**
 * Kling Omni on fal (first-party pages, read 2026-12-06):
 *   - O1 Standard image-to-video (https://fal.ai/models/fal-ai/kling-video/o1/standard/image-to-video/llms.txt):
 *     prompt, start_image_url, end_image_url, duration "3".."10". Nothing else.
 *   - O1 Standard reference-to-video (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-standard-reference-to-video):
 *     prompt, image_urls, elements, duration "3".."10", aspect_ratio 16:9 | 9:16 | 1:1.
 *   - O3 Standard text-to-video (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-pro-text-to-video):
 *     prompt, duration "3".."15", aspect_ratio, generate_audio, multi_prompt, shot_type.
 *   - O3 Standard image-to-video (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-standard-image-to-video):
 *     prompt, image_url (required), end_image_url, duration "3".."15", generate_audio, multi_prompt, shot_type.
 *   - O3 Standard reference-to-video (…/kling-video-o3-standard-reference-to-video): prompt, multi_prompt,
 *     start_image_url, end_image_url, image_urls (at most 4 with elements), elements, generate_audio,
 *     duration, shot_type, aspect_ratio.
 *   - O3 Pro video-to-video/edit (https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt):
 *     prompt, video_url (required), image_urls, keep_audio, elements. No duration.
 *   - O3 Pro text-to-video (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-pro-text-to-video):
 *     the O3 text schema; Pro image / reference listed beside the Standard pages with the same fields.
 *   - O3 4K (https://fal.ai/models/fal-ai/kling-video/o3/4k/reference-to-video/llms.txt and the 4K
 *     image / text playgrounds): image_url + end_image_url; start_image_url, end_image_url,
 *     image_urls "Maximum 7 total"; aspect 16:9 | 9:16 | 1:1; duration 3-15.
 *   - O1 Edit (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-video-to-video):
 *     prompt, video_url (required), keep_audio, image_urls / elements "Maximum 4 total". No duration.
 */
const secs = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const KLING_ASPECT = ['16:9', '9:16', '1:1'];
const O3_COMMON: Schema = {
  prompt: 'string',
  duration: secs(3, 15),
  generate_audio: 'boolean',
  multi_prompt: 'urls',
  shot_type: ['customize'],
};
const KLING_OMNI: Record<string, Schema> = {
  'fal-ai/kling-video/o1/standard/image-to-video': {
    prompt: 'string',
    start_image_url: 'url',
    end_image_url: 'url',
    duration: secs(3, 10),
  },
  'fal-ai/kling-video/o1/standard/reference-to-video': {
    prompt: 'string',
    image_urls: 'urls',
    elements: 'urls',
    duration: secs(3, 10),
    aspect_ratio: KLING_ASPECT,
  },
  'fal-ai/kling-video/o3/standard/text-to-video': { ...O3_COMMON, aspect_ratio: KLING_ASPECT },
  'fal-ai/kling-video/o3/standard/image-to-video': { ...O3_COMMON, image_url: 'url', end_image_url: 'url' },
  'fal-ai/kling-video/o3/standard/reference-to-video': {
    ...O3_COMMON,
    start_image_url: 'url',
    end_image_url: 'url',
    image_urls: 'urls',
    elements: 'urls',
    aspect_ratio: KLING_ASPECT,
  },
  'fal-ai/kling-video/o3/pro/video-to-video/edit': {
    prompt: 'string',
    video_url: 'url',
    image_urls: 'urls',
    keep_audio: 'boolean',
    elements: 'urls',
  },
  'fal-ai/kling-video/o1/video-to-video/edit': {
    prompt: 'string',
    video_url: 'url',
    image_urls: 'urls',
    keep_audio: 'boolean',
    elements: 'urls',
  },
};
/** The O3 Pro and 4K tiers take the Standard tier's fields (their pages list the same inputs). */
for (const tier of ['pro', '4k']) {
  for (const kind of ['text-to-video', 'image-to-video', 'reference-to-video'])
    KLING_OMNI[`fal-ai/kling-video/o3/${tier}/${kind}`] = KLING_OMNI[
      `fal-ai/kling-video/o3/standard/${kind}`
    ] as Schema;
}
/** At most this many pictures in `image_urls` (the pages' "Maximum N total"). */
const MAX_IMAGES: Record<string, number> = {
  'fal-ai/kling-video/o1/standard/reference-to-video': 7,
  'fal-ai/kling-video/o3/standard/reference-to-video': 4,
  'fal-ai/kling-video/o3/pro/video-to-video/edit': 4,
  'fal-ai/kling-video/o3/pro/reference-to-video': 4,
  'fal-ai/kling-video/o3/4k/reference-to-video': 7,
  'fal-ai/kling-video/o1/video-to-video/edit': 4,
};

/**
 * FLUX.1 Kontext [pro] image endpoints (https://fal.ai/models/fal-ai/flux-pro/kontext/multi/llms.txt,
 * https://fal.ai/docs/model-api-reference/image-generation-api/flux-pro-kontext-text-to-image):
 * aspect_ratio 21:9 | 16:9 | 4:3 | 3:2 | 1:1 | 2:3 | 3:4 | 9:16 | 9:21, num_images 1-4,
 * output_format jpeg | png, safety_tolerance "1".."6", guidance_scale, seed, sync_mode, enhance_prompt.
 */
const KONTEXT: Schema = {
  prompt: 'string',
  seed: 'number',
  guidance_scale: 'number',
  sync_mode: 'boolean',
  num_images: [1, 2, 3, 4],
  output_format: ['jpeg', 'png'],
  safety_tolerance: ['1', '2', '3', '4', '5', '6'],
  enhance_prompt: 'boolean',
  aspect_ratio: ['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21'],
};

export const FAL_SCHEMAS: Record<string, Schema> = {
  'fal-ai/flux-pro/kontext/multi': { ...KONTEXT, image_urls: 'urls' },
  'fal-ai/flux-pro/kontext/text-to-image': KONTEXT,
  ...veo('fal-ai/veo3.1'),
  'fal-ai/veo3.1/reference-to-video': {
    ...VEO_COMMON,
    image_urls: 'urls',
    duration: ['8s'],
    aspect_ratio: ['16:9', '9:16'],
  },
  ...veo('fal-ai/veo3.1/fast'),
  'fal-ai/kling-video/v2.5-turbo/pro/text-to-video': KLING_T2V,
  'fal-ai/kling-video/v2.5-turbo/pro/image-to-video': KLING_I2V,
  'fal-ai/kling-video/v2.1/pro/image-to-video': KLING_I2V,
  ...KLING_OMNI,
};

/**
 * The limits fal's file validation puts on an uploaded clip, per endpoint, from fal's pages:
 *   - O1 Edit (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o1-video-to-video):
 *     "Min width: 720px, Min height: 720px, Max width: 2160px, Max height: 2160px, Min duration: 3.0s,
 *     Max duration: 10.05s, Min FPS: 24.0, Max FPS: 60.0".
 *   - O3 Edit (https://fal.ai/models/fal-ai/kling-video/o3/pro/video-to-video/edit/llms.txt and the
 *     Standard tier's page): "3-10s duration, 720-2160px resolution" — the same Kling video input;
 *     its frame-rate bounds taken from the O1 page above.
 * A refusal is fal's error object (https://docs.fal.ai/errors: loc, msg, type, url, ctx).
 */
export interface FalClipLimits {
  minSec: number;
  maxSec: number;
  minPx: number;
  maxPx: number;
  minFps: number;
  maxFps: number;
}
const KLING_CLIP: FalClipLimits = { minSec: 3, maxSec: 10.05, minPx: 720, maxPx: 2160, minFps: 24, maxFps: 60 };
export const FAL_CLIP_LIMITS: Record<string, FalClipLimits> = {
  'fal-ai/kling-video/o1/video-to-video/edit': KLING_CLIP,
  'fal-ai/kling-video/o3/standard/video-to-video/edit': KLING_CLIP,
  'fal-ai/kling-video/o3/pro/video-to-video/edit': KLING_CLIP,
};

/** The first limit an uploaded clip breaks, as fal's error object, or null. */
export function falClipProblem(
  endpoint: string,
  field: string,
  clip: ClipFacts,
): { loc: string[]; msg: string; type: string; url: string; ctx: Record<string, number> } | null {
  const l = FAL_CLIP_LIMITS[endpoint];
  if (!l) return null;
  const err = (msg: string, type: string, ctx: Record<string, number>) => ({
    loc: ['body', field],
    msg,
    type,
    url: `https://docs.fal.ai/errors/#${type}`,
    ctx,
  });
  if (clip.fps < l.minFps || clip.fps > l.maxFps)
    return err(
      `Video frame rate must be between ${l.minFps.toFixed(1)} and ${l.maxFps.toFixed(1)} FPS; got ${clip.fps.toFixed(1)}.`,
      'video_fps_out_of_range',
      { min_fps: l.minFps, max_fps: l.maxFps, fps: clip.fps },
    );
  if (clip.durationSec < l.minSec)
    return err(`Video duration must be at least ${l.minSec}s.`, 'video_duration_too_short', { min_duration: l.minSec });
  if (clip.durationSec > l.maxSec)
    return err(`Video duration must be at most ${l.maxSec}s.`, 'video_duration_too_long', { max_duration: l.maxSec });
  if (Math.min(clip.width, clip.height) < l.minPx)
    return err(`Video must be at least ${l.minPx}x${l.minPx} pixels.`, 'video_too_small', {
      min_width: l.minPx,
      min_height: l.minPx,
    });
  if (Math.max(clip.width, clip.height) > l.maxPx)
    return err(`Video must be at most ${l.maxPx}x${l.maxPx} pixels.`, 'video_too_large', {
      max_width: l.maxPx,
      max_height: l.maxPx,
    });
  return null;
}

/** The first field fal's validation refuses: [field, message, type], or null. */
export function falSchemaProblem(endpoint: string, input: Record<string, unknown>): [string, string, string] | null {
  const schema = FAL_SCHEMAS[endpoint];
  if (!schema) return null;
  for (const [k, v] of Object.entries(input)) {
    const rule = schema[k];
    if (!rule) return [k, 'extra fields not permitted', 'value_error.extra'];
    if (Array.isArray(rule) && !rule.includes(v as string))
      return [k, `unexpected value; permitted: ${rule.map((x) => `'${String(x)}'`).join(', ')}`, 'value_error.const'];
    if ((rule === 'string' || rule === 'url') && typeof v !== 'string')
      return [k, 'str type expected', 'type_error.str'];
    if (rule === 'number' && typeof v !== 'number') return [k, 'value is not a valid number', 'type_error.number'];
    if (rule === 'boolean' && typeof v !== 'boolean')
      return [k, 'value could not be parsed to a boolean', 'type_error.bool'];
    if (rule === 'urls' && !Array.isArray(v)) return [k, 'value is not a valid list', 'type_error.list'];
  }
  const max = MAX_IMAGES[endpoint];
  const images = input.image_urls;
  if (max !== undefined && Array.isArray(images) && images.length > max)
    return ['image_urls', `ensure this value has at most ${max} items`, 'value_error.list.max_items'];
  // O3 reference-to-video: an end frame only after a start frame (Kling's rule on every Omni endpoint).
  if (input.end_image_url !== undefined && input.start_image_url === undefined && input.image_url === undefined)
    return ['end_image_url', 'end_image_url requires a start frame', 'value_error'];
  return null;
}
