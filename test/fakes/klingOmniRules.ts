/**
 * What Kling's Omni endpoint (POST /v1/videos/omni-video) accepts, written from Kling's own page
 * and its copies — NOT from the adapter (kling/omni.ts), so a wrong request fails here:
 *   - kling-video-o1: Kling's Omni-Video (O1) API page, first-party, as copied at
 *     github.com/WHQ25/rawgenai docs/research/kling/omni-video-o1.md (request fields, image_list /
 *     video_list limits, FAQ on duration and aspect_ratio).
 *   - kling-v3-omni: https://docs.anyfast.ai/api-reference/model-api/kuaishou/kling-v3-omni and
 *     https://doc.ezmodel.cloud/en/kling/omni-video.html (3-15 s, sound on/off, off with a video,
 *     multi_shot) — secondary.
 * A refusal is Kling's envelope: HTTP 400 `{code: 1201, message, request_id}` (commonInfo error
 * table: 1201 "invalid request parameters").
 */
interface OmniRule {
  durations: number[];
  /** Text-only and first-frame-only requests: only these durations. */
  plain: number[];
  /** `sound` is a known field. */
  sound: boolean;
  multiShot: boolean;
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const KLING_OMNI_RULES: Record<string, OmniRule> = {
  'kling-video-o1': { durations: range(3, 10), plain: [5, 10], sound: false, multiShot: false },
  'kling-v3-omni': { durations: range(3, 15), plain: range(3, 15), sound: true, multiShot: true },
};

const O1_FIELDS = [
  'model_name',
  'prompt',
  'image_list',
  'element_list',
  'video_list',
  'mode',
  'aspect_ratio',
  'duration',
  'watermark_info',
  'callback_url',
  'external_task_id',
];
const V3_FIELDS = [...O1_FIELDS, 'sound', 'multi_shot', 'shot_type', 'multi_prompt'];

/** Why Kling would refuse this Omni create (in Kling's words), or null if it accepts it. */
export function klingOmniRefusal(body: Record<string, unknown>): string | null {
  const model = String(body.model_name ?? 'kling-video-o1');
  const rule = KLING_OMNI_RULES[model];
  if (!rule) return `model_name ${model} is invalid`;
  const fields = rule.sound ? V3_FIELDS : O1_FIELDS;
  const unknown = Object.keys(body).filter((k) => !fields.includes(k));
  if (unknown.length) return `invalid parameter: ${unknown.join(', ')}`;
  if (typeof body.prompt !== 'string' || !body.prompt) return 'prompt is required';
  if (body.prompt.length > 2500) return 'prompt is longer than 2500 characters';
  if (body.mode !== undefined && body.mode !== 'std' && body.mode !== 'pro')
    return `mode ${String(body.mode)} is invalid`;
  const images = (body.image_list ?? []) as { image_url?: unknown; type?: unknown }[];
  if (!Array.isArray(images)) return 'image_list must be an array';
  const videos = (body.video_list ?? []) as unknown[];
  if (!Array.isArray(videos) || videos.length > 1) return 'video_list takes at most 1 video';
  const max = videos.length ? 4 : 7;
  if (images.length > max) return `image_list takes at most ${max} images`;
  for (const img of images) {
    if (Object.keys(img).some((k) => k !== 'image_url' && k !== 'type')) return 'image_list has an unknown field';
    if (typeof img.image_url !== 'string' || !img.image_url) return 'image_list image_url is required';
    if (img.image_url.startsWith('data:')) return 'image_url must be raw base64 or a URL';
    if (img.type !== undefined && img.type !== 'first_frame' && img.type !== 'end_frame')
      return `image_list type ${String(img.type)} is invalid`;
  }
  const first = images.filter((i) => i.type === 'first_frame').length;
  const end = images.filter((i) => i.type === 'end_frame').length;
  if (first > 1 || end > 1) return 'image_list takes one first_frame and one end_frame at most';
  if (end && !first) return 'end_frame requires a first_frame';
  if (end && images.length > 2) return 'end_frame is not supported with more than 2 images';
  const aspect = body.aspect_ratio;
  if (aspect !== undefined && !['16:9', '9:16', '1:1'].includes(String(aspect)))
    return `aspect_ratio ${String(aspect)} is invalid`;
  // FAQ 3: not supported for image-to-video (first frame, first + last); required without a first frame.
  if (first && aspect !== undefined) return 'aspect_ratio is not supported with a first frame';
  if (!first && !videos.length && aspect === undefined) return 'aspect_ratio is required';
  if (body.duration !== undefined && typeof body.duration !== 'string') return 'duration must be a string';
  const duration = Number(body.duration ?? '5');
  // FAQ 1: text-to-video and first-frame-only take 5 or 10 (O1); others the model's range.
  const plain = !videos.length && !end && images.length === first;
  const allowed = plain ? rule.plain : rule.durations;
  if (!allowed.includes(duration)) return `duration ${String(body.duration)} is not supported by ${model} here`;
  if (body.sound !== undefined) {
    if (body.sound !== 'on' && body.sound !== 'off') return `sound ${String(body.sound)} is invalid`;
    if (body.sound === 'on' && videos.length) return 'sound must be off with a reference video';
  }
  if (body.watermark_info !== undefined) {
    const w = body.watermark_info as Record<string, unknown> | null;
    if (!w || typeof w !== 'object' || Object.keys(w).some((k) => k !== 'enabled') || typeof w.enabled !== 'boolean')
      return 'watermark_info must be {"enabled": boolean}';
  }
  return null;
}
