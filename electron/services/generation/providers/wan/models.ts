/**
 * Alibaba Wan models and request bodies through DashScope / Model Studio (providers.md §8).
 * Every create carries `X-DashScope-Async: enable` and `{model, input, parameters}`:
 *   t2v  POST /api/v1/services/aigc/video-generation/video-synthesis, parameters.size "W*H";
 *   i2v  same path, input.img_url (URL or data URI), parameters.resolution "720P";
 *   kf2v POST /api/v1/services/aigc/image2video/video-synthesis (first-party kf2v API ref),
 *        input.first_frame_url + last_frame_url;
 *   2.7  same path as i2v, input.media [{type:'first_frame'|'last_frame', url}] (data URIs are
 *        sent here as before; the first-party 2.7 i2v page was not re-read for this);
 *   r2v  same path: wan2.6-r2v(-flash) input.reference_urls + parameters.size, wan2.7-r2v
 *        input.media reference_image (+ first_frame) + resolution/ratio (references.ts; the
 *        pictures go up first as `oss://` temporary files, upload.ts).
 * The model `auto` picks one of these from what the shot has (wanModel).
 */
import { AppError } from '../../../../../shared/errors.js';
import type {
  DurationRule,
  ProviderCapabilities,
  ProviderModel,
} from '../../../../../shared/generation/capabilities.js';
import { allowedDuration, modelCapabilities } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import { fullPrompt, imageDataUri, nearestRatio } from '../cloudRest.js';
import type { WanUploader } from './references.js';
import { DEFAULT_WATERMARK } from '../../../../../shared/generation/watermark.js';
import { labelPrompt, r2vLegacyUrls, r2vMediaBody, WAN_R2V_MAX_REFERENCES, wanReferences } from './references.js';

/** Region base URLs (model, endpoint and key must be in the same region). */
export const WAN_BASE_URLS = {
  intl: 'https://dashscope-intl.aliyuncs.com',
  us: 'https://dashscope-us.aliyuncs.com',
  cn: 'https://dashscope.aliyuncs.com',
} as const;
export type WanRegion = keyof typeof WAN_BASE_URLS;

export const WAN_VIDEO_PATH = '/api/v1/services/aigc/video-generation/video-synthesis';
export const WAN_KF2V_PATH = '/api/v1/services/aigc/image2video/video-synthesis';
/** img_url limit for the Wan i2v models is 10 MB. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** media = 2.7 i2v; r2v = wan2.6-r2v (reference_urls); r2v-media = wan2.7-r2v (media). */
type Kind = 't2v' | 'i2v' | 'kf2v' | 'media' | 'r2v' | 'r2v-media';
const FIVE: DurationRule = { kind: 'set', values: [5] };
const TWO_TO_10: DurationRule = { kind: 'range', min: 2, max: 10 };
const TWO_TO_15: DurationRule = { kind: 'range', min: 2, max: 15 };
const HD = ['720p', '1080p'] as const;
// r2v makes the video from the prompt plus reference pictures (no first frame needed), so it
// counts as text-to-video for the capability check; wanCreate refuses a shot with no pictures.
const r2v = {
  textToVideo: true,
  lastFrame: false,
  referenceImagesMax: WAN_R2V_MAX_REFERENCES,
  audio: true,
  resolutions: HD,
};
const t2v = { textToVideo: true, imageToVideo: false, lastFrame: false };
const i2v = { textToVideo: false, imageToVideo: true, lastFrame: false };
const flf = { textToVideo: false, imageToVideo: true, lastFrame: true };

const MODELS: readonly (ProviderModel & { kind: Kind | 'auto' })[] = [
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

export const WAN_MODELS: readonly ProviderModel[] = MODELS.map(({ kind: _kind, ...m }) => m);

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
): { id: string; kind: Kind } {
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
 * 480P-1080P, 2.6 / 2.7 and r2v 720P / 1080P.
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

export interface WanCreate {
  path: string;
  body: Record<string, unknown>;
  /** The body holds `oss://` URLs: the create must send X-DashScope-OssResourceResolve. */
  ossResolve: boolean;
}

/** What a reference-to-video model cannot take from this shot, as a sentence, or null. */
function r2vProblem(req: GenerationRequest, model: { id: string; kind: Kind }, pictures: number): string | null {
  const shot = `Shot ${req.shotNumber}`;
  if (req.lastFrame)
    return `${shot} has a last frame, but ${model.id} (reference-to-video) cannot end on a given frame; use wan2.7-i2v.`;
  if (req.firstFrame && model.kind === 'r2v')
    return `${shot} has a first frame, but ${model.id} takes only reference pictures; use wan2.7-r2v or an image-to-video model.`;
  if (pictures === 0) {
    return `${shot} has no ${model.kind === 'r2v' ? 'element' : 'element or style'} pictures, and ${model.id} makes a video from reference pictures: add an element to the shot or pick another model.`;
  }
  return null;
}

function sentPrompt(req: GenerationRequest, kind: Kind, refs: ReturnType<typeof wanReferences>): string {
  const prompt = fullPrompt(req, 'Wan');
  return kind === 'r2v' || kind === 'r2v-media'
    ? labelPrompt(prompt, refs, kind === 'r2v' ? 'legacy' : 'media')
    : prompt;
}

/** The model and the exact `input.prompt` a create for this request sends (no files read). */
export function wanSent(req: GenerationRequest): { model: string; prompt: string } {
  const model = wanModel(req);
  const isR2v = model.kind === 'r2v' || model.kind === 'r2v-media';
  const refs = isR2v ? wanReferences(req, model.kind === 'r2v' ? 'legacy' : 'media') : [];
  return { model: model.id, prompt: sentPrompt(req, model.kind, refs) };
}

/**
 * The create request. `upload` turns a local picture into an `oss://` URL (needed by the r2v
 * models only, whose URL fields take no data URIs); everything is checked before the first
 * upload, so a shot the model cannot make sends nothing.
 */
export async function wanCreate(
  req: GenerationRequest,
  upload?: WanUploader,
  watermark = DEFAULT_WATERMARK,
): Promise<WanCreate> {
  const model = wanModel(req);
  const caps = modelCapabilities(WAN_CAPABILITIES, model.id);
  const shot = `shot ${req.shotNumber}`;
  const isR2v = model.kind === 'r2v' || model.kind === 'r2v-media';
  const refs = isR2v ? wanReferences(req, model.kind === 'r2v' ? 'legacy' : 'media') : [];
  const r2vWhy = isR2v ? r2vProblem(req, model, refs.length) : null;
  if (r2vWhy) throw new AppError('INVALID_INPUT', r2vWhy, { model: model.id, shotId: req.shotId });
  if (req.lastFrame && !req.firstFrame)
    throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has a last frame but no first frame; Wan needs both.`, {
      shotId: req.shotId,
    });
  // Wan extends nothing here: a shot that extends a take is refused, never sent as a new clip.
  if (req.extend)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} extends a take, but Wan (${model.id}) cannot extend a clip.`,
      { model: model.id },
    );
  if (req.firstFrame && !caps.imageToVideo)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} has a first frame, but ${model.id} is text-to-video only.`,
      { model: model.id },
    );
  if (!req.firstFrame && !caps.textToVideo)
    throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no first frame, and ${model.id} needs one.`, {
      model: model.id,
    });
  if (req.lastFrame && !caps.lastFrame)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} has a last frame, but ${model.id} cannot end on a given frame.`,
      { model: model.id },
    );
  const input: Record<string, unknown> = { prompt: sentPrompt(req, model.kind, refs) };
  if (req.negativePrompt.trim()) input.negative_prompt = req.negativePrompt.trim();
  const resolution = wanTier(model.id, req.width, req.height);
  const tier = resolution === '1080P' ? '1080P' : '720P';
  const size = wanSize(model.kind === 't2v' ? resolution : tier, req.width, req.height);
  let parameters: Record<string, unknown>;
  if (isR2v) {
    if (!upload) throw new Error(`${model.id} needs an uploader for its reference pictures.`);
    if (model.kind === 'r2v') {
      input.reference_urls = await r2vLegacyUrls(req, model.id, refs, upload);
      // A storyboard shot is one shot: single, not the model's own multi-shot cutting. The
      // legacy page lists no prompt_extend parameter for these models.
      parameters = { watermark, size, shot_type: 'single' };
    } else {
      const m = await r2vMediaBody(req, model.id, refs, upload, tier, watermark);
      input.media = m.media;
      parameters = m.parameters;
    }
  } else {
    const first = req.firstFrame
      ? await imageDataUri(req.firstFrame.path, `The first frame of ${shot}`, MAX_IMAGE_BYTES)
      : null;
    const last = req.lastFrame
      ? await imageDataUri(req.lastFrame.path, `The last frame of ${shot}`, MAX_IMAGE_BYTES)
      : null;
    // prompt_extend off: the storyboard's prompt is what the user wrote; the watermark is the
    // provider's setting (shared/generation/watermark.ts, off by default).
    parameters = { prompt_extend: false, watermark };
    if (model.kind === 't2v') parameters.size = size;
    else parameters.resolution = resolution;
    if (model.kind === 'i2v') input.img_url = first;
    if (model.kind === 'kf2v') Object.assign(input, { first_frame_url: first, last_frame_url: last });
    if (model.kind === 'media')
      input.media = [{ type: 'first_frame', url: first }, ...(last ? [{ type: 'last_frame', url: last }] : [])];
  }
  // kf2v's duration is fixed (5 s) and not a parameter.
  if (model.kind !== 'kf2v') parameters.duration = Math.round(allowedDuration(caps.durations, req.durationSec));
  if (req.seed !== null) parameters.seed = Math.abs(req.seed) % 2147483648;
  const body = { model: model.id, input, parameters };
  return {
    path: model.kind === 'kf2v' ? WAN_KF2V_PATH : WAN_VIDEO_PATH,
    body,
    ossResolve: JSON.stringify(input).includes('"oss://'),
  };
}
