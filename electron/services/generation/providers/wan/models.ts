/**
 * Alibaba Wan models and request bodies through DashScope / Model Studio (providers.md §8).
 * Every create carries `X-DashScope-Async: enable` and `{model, input, parameters}`:
 *   t2v  POST /api/v1/services/aigc/video-generation/video-synthesis, parameters.size "W*H";
 *   i2v  same path, input.img_url (URL or data URI), parameters.resolution "720P";
 *   kf2v POST /api/v1/services/aigc/image2video/video-synthesis (first-party kf2v API ref),
 *        input.first_frame_url + last_frame_url;
 *   2.7  same path as i2v, input.media [{type:'first_frame'|'last_frame', url}] (Wan 2.7 i2v API
 *        reference, https://www.alibabacloud.com/help/en/model-studio/image-to-video-general-api-reference,
 *        first-party). Data URIs are sent there; unconfirmed: Comfy Router's copy of the schema
 *        says media url is a public or OSS temporary URL (secondary; rules.ts);
 *   r2v  same path: wan2.6-r2v(-flash) input.reference_urls + parameters.size, wan2.7-r2v
 *        input.media reference_image (+ first_frame) + resolution/ratio (references.ts; the
 *        pictures go up first as `oss://` temporary files, upload.ts).
 * The model `auto` picks one of these from what the shot has (wanModel); the request body is
 * built in create.ts.
 */
import { AppError } from '../../../../../shared/errors.js';
import type {
  DurationRule,
  ProviderCapabilities,
  ProviderModel,
} from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import { nearestRatio } from '../cloudRest.js';
import { WAN_R2V_MAX_REFERENCES } from './references.js';
import { WAN_RULES } from './rules.js';

/** Region base URLs (model, endpoint and key must be in the same region). */
export const WAN_BASE_URLS = {
  intl: 'https://dashscope-intl.aliyuncs.com',
  us: 'https://dashscope-us.aliyuncs.com',
  cn: 'https://dashscope.aliyuncs.com',
} as const;
export type WanRegion = keyof typeof WAN_BASE_URLS;

export const WAN_VIDEO_PATH = '/api/v1/services/aigc/video-generation/video-synthesis';
export const WAN_KF2V_PATH = '/api/v1/services/aigc/image2video/video-synthesis';

/** media = 2.7 i2v; r2v = wan2.6-r2v (reference_urls); r2v-media = wan2.7-r2v (media). */
export type WanKind = 't2v' | 'i2v' | 'kf2v' | 'media' | 'r2v' | 'r2v-media';
const FIVE: DurationRule = { kind: 'set', values: [5] };
const TWO_TO_10: DurationRule = { kind: 'range', min: 2, max: 10 };
const TWO_TO_15: DurationRule = { kind: 'range', min: 2, max: 15 };
const HD = ['720p', '1080p'] as const;
// r2v makes the video from the prompt plus reference pictures (no first frame needed) and never
// from text or a first frame alone: the capability check refuses a shot without pictures.
// (Wan 2.6 r2v brings "the subjects of one to three references" into a new scene, named
// character1, character2 in the prompt — https://docs.comfy.org/development/comfy-router/models/wan/wan2-6-r2v/code,
// secondary; wan2.7-r2v takes media reference_image, its first frame beside them — same page.)
const r2v = {
  textToVideo: true,
  needsReferences: 'always' as const,
  lastFrame: false,
  referenceImagesMax: WAN_R2V_MAX_REFERENCES,
  audio: true,
  resolutions: HD,
};
const t2v = { textToVideo: true, imageToVideo: false, lastFrame: false };
const i2v = { textToVideo: false, imageToVideo: true, lastFrame: false };
const flf = { textToVideo: false, imageToVideo: true, lastFrame: true };

const MODELS: readonly (ProviderModel & { kind: WanKind | 'auto' })[] = [
  // auto: first + last frame -> 2.7 i2v (the frames are the hard constraint; references are
  // dropped); element/style pictures -> 2.7 r2v (with the first frame when there is one: the
  // user gets both the start picture and the same characters); first frame -> 2.6 i2v; else t2v.
  {
    id: 'auto',
    kind: 'auto',
    label: 'Wan (text: 2.6 t2v, first frame: 2.6 i2v, first + last: 2.7 i2v, element pictures: 2.7 r2v)',
    capabilities: { audio: true, durations: TWO_TO_15, referenceImagesMax: WAN_R2V_MAX_REFERENCES },
  },
  {
    id: 'wan2.6-t2v',
    kind: 't2v',
    label: 'Wan 2.6 text-to-video',
    capabilities: { ...t2v, audio: true, durations: TWO_TO_15 },
  },
  {
    id: 'wan2.2-t2v-plus',
    kind: 't2v',
    label: 'Wan 2.2 Plus text-to-video',
    capabilities: { ...t2v, durations: FIVE },
  },
  {
    id: 'wanx2.1-t2v-turbo',
    kind: 't2v',
    label: 'Wan 2.1 Turbo text-to-video',
    capabilities: { ...t2v, durations: FIVE },
  },
  {
    id: 'wan2.7-i2v',
    kind: 'media',
    label: 'Wan 2.7 image-to-video (first + last frame)',
    capabilities: { ...flf, audio: true, durations: TWO_TO_15, resolutions: ['720p', '1080p'] },
  },
  {
    id: 'wan2.6-i2v',
    kind: 'i2v',
    label: 'Wan 2.6 image-to-video',
    capabilities: { ...i2v, audio: true, durations: TWO_TO_15 },
  },
  {
    id: 'wan2.6-i2v-flash',
    kind: 'i2v',
    label: 'Wan 2.6 Flash image-to-video',
    capabilities: { ...i2v, audio: true, durations: TWO_TO_15 },
  },
  {
    id: 'wan2.2-i2v-plus',
    kind: 'i2v',
    label: 'Wan 2.2 Plus image-to-video',
    capabilities: { ...i2v, durations: FIVE },
  },
  {
    id: 'wan2.2-i2v-flash',
    kind: 'i2v',
    label: 'Wan 2.2 Flash image-to-video',
    capabilities: { ...i2v, durations: FIVE },
  },
  {
    id: 'wan2.2-kf2v-flash',
    kind: 'kf2v',
    label: 'Wan 2.2 Flash first + last frame',
    capabilities: { ...flf, durations: FIVE },
  },
  {
    id: 'wan2.7-r2v',
    kind: 'r2v-media',
    label: 'Wan 2.7 reference-to-video (element pictures as Image 1-5, optional first frame)',
    capabilities: { ...r2v, imageToVideo: true, durations: TWO_TO_15 },
  },
  {
    id: 'wan2.6-r2v',
    kind: 'r2v',
    label: 'Wan 2.6 reference-to-video (characters as character1-5, no first frame)',
    capabilities: { ...r2v, imageToVideo: false, durations: TWO_TO_10 },
  },
  {
    id: 'wan2.6-r2v-flash',
    kind: 'r2v',
    label: 'Wan 2.6 Flash reference-to-video (characters as character1-5, no first frame)',
    capabilities: { ...r2v, imageToVideo: false, durations: TWO_TO_10 },
  },
];

export const WAN_MODELS: readonly ProviderModel[] = MODELS.map(({ kind: _kind, ...m }) =>
  WAN_RULES[m.id] ? { ...m, rules: WAN_RULES[m.id] } : m,
);

export const WAN_CAPABILITIES: ProviderCapabilities = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  referenceImagesMax: 0,
  extend: false,
  audio: false,
  // The move as a sentence in the prompt (cloudRest fullPrompt; Wan prompt guide camera terms).
  cameraMoves: 'prompt',
  durations: TWO_TO_15,
  aspects: ['16:9', '9:16', '1:1'],
  resolutions: ['720p', '1080p'],
  models: WAN_MODELS,
};

/** The model a request is sent to (resolving `auto` from the shot's frames). */
export function wanModel(
  req: Pick<GenerationRequest, 'model' | 'firstFrame' | 'lastFrame' | 'shotNumber' | 'references'>,
): { id: string; kind: WanKind } {
  const id = req.model ?? 'auto';
  const m = MODELS.find((x) => x.id === id);
  if (!m)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber}: Wan has no model "${id}". Available: ${MODELS.map((x) => x.id).join(', ')}.`,
      { model: id },
    );
  if (m.kind !== 'auto') return { id: m.id, kind: m.kind };
  if (req.lastFrame) return { id: 'wan2.7-i2v', kind: 'media' };
  if (req.references?.length) return { id: 'wan2.7-r2v', kind: 'r2v-media' };
  return req.firstFrame ? { id: 'wan2.6-i2v', kind: 'i2v' } : { id: 'wan2.6-t2v', kind: 't2v' };
}

type Tier = '480P' | '720P' | '1080P';

/** t2v output sizes per tier ("W*H"), by aspect (480P has three shapes only). */
const SIZES: Record<Tier, Partial<Record<string, string>>> = {
  '480P': { '16:9': '832*480', '9:16': '480*832', '1:1': '624*624' },
  '720P': { '16:9': '1280*720', '9:16': '720*1280', '1:1': '960*960', '4:3': '1088*832', '3:4': '832*1088' },
  '1080P': { '16:9': '1920*1080', '9:16': '1080*1920', '1:1': '1440*1440', '4:3': '1632*1248', '3:4': '1248*1632' },
};

/**
 * The tiers each model renders (t2v as `size`, the rest as `resolution`). Not one shared list:
 * wan2.2-t2v-plus has 480P and 1080P sizes only, wanx2.1-t2v-turbo 480P and 720P only
 * ("Wan text-to-video API reference (2.1-2.6)",
 * https://www.alibabacloud.com/help/en/model-studio/legacy-wan-text-to-video-api-reference —
 * first-party), wan2.2-i2v-plus 480P and 1080P ("Wan image-to-video API reference",
 * https://www.alibabacloud.com/help/en/model-studio/image-to-video-api-reference/ — first-party;
 * https://novita.ai/docs/api-reference/model-apis-wan2.2-i2v, secondary), the 2.2 flash models
 * 480P-1080P (i2v and kf2v API references' resolution tables, help.aliyun.com zh pages —
 * first-party), 2.6 720P / 1080P (same i2v table; t2v API reference for wan2.6-t2v), 2.7 i2v and
 * r2v 720P / 1080P (https://www.alibabacloud.com/help/en/model-studio/wan-image-to-video-guide —
 * first-party). Each with its source in rules.ts.
 */
const TIERS: Record<string, readonly Tier[]> = {
  'wan2.2-t2v-plus': ['480P', '1080P'],
  'wanx2.1-t2v-turbo': ['480P', '720P'],
  'wan2.2-i2v-plus': ['480P', '1080P'],
  'wan2.2-i2v-flash': ['480P', '720P', '1080P'],
  'wan2.2-kf2v-flash': ['480P', '720P', '1080P'],
};
const HD_TIERS: readonly Tier[] = ['720P', '1080P'];

/** The model's tier for a project size: the smallest that covers the short side, else its largest. */
export function wanTier(modelId: string, width: number, height: number): Tier {
  const tiers = TIERS[modelId] ?? HD_TIERS;
  const short = Math.min(width, height);
  return tiers.find((t) => short <= parseInt(t, 10)) ?? (tiers[tiers.length - 1] as Tier);
}

/** The t2v `size` for a tier and project shape (the nearest shape the tier has). */
export function wanSize(tier: Tier, width: number, height: number): string {
  const shapes = SIZES[tier];
  return shapes[nearestRatio(width, height, Object.keys(shapes))] as string;
}
