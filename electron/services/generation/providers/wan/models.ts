/**
 * Alibaba Wan models and request bodies through DashScope / Model Studio (providers.md §8).
 * Every create carries `X-DashScope-Async: enable` and `{model, input, parameters}`:
 *   t2v  POST /api/v1/services/aigc/video-generation/video-synthesis, parameters.size "W*H";
 *   i2v  same path, input.img_url (URL or data URI), parameters.resolution "720P";
 *   kf2v POST /api/v1/services/aigc/image2video/video-synthesis (first-party kf2v API ref),
 *        input.first_frame_url + last_frame_url;
 *   2.7  same path as i2v, input.media [{type:'first_frame'|'last_frame', url}].
 * The model `auto` picks one of these from what the shot has.
 */
import { AppError } from '../../../../../shared/errors.js';
import type { DurationRule, ProviderCapabilities, ProviderModel } from '../../../../../shared/generation/capabilities.js';
import { allowedDuration, modelCapabilities } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import { fullPrompt, imageDataUri, nearestRatio } from '../cloudRest.js';

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

type Kind = 't2v' | 'i2v' | 'kf2v' | 'media';
const FIVE: DurationRule = { kind: 'set', values: [5] };
const TWO_TO_15: DurationRule = { kind: 'range', min: 2, max: 15 };
const t2v = { textToVideo: true, imageToVideo: false, lastFrame: false };
const i2v = { textToVideo: false, imageToVideo: true, lastFrame: false };
const flf = { textToVideo: false, imageToVideo: true, lastFrame: true };

const MODELS: readonly (ProviderModel & { kind: Kind | 'auto' })[] = [
  { id: 'auto', kind: 'auto', label: 'Wan (text: 2.6 t2v, first frame: 2.6 i2v, first + last: 2.7 i2v)', capabilities: { audio: true, durations: TWO_TO_15 } },
  { id: 'wan2.6-t2v', kind: 't2v', label: 'Wan 2.6 text-to-video', capabilities: { ...t2v, audio: true, durations: TWO_TO_15 } },
  { id: 'wan2.2-t2v-plus', kind: 't2v', label: 'Wan 2.2 Plus text-to-video', capabilities: { ...t2v, durations: FIVE } },
  { id: 'wanx2.1-t2v-turbo', kind: 't2v', label: 'Wan 2.1 Turbo text-to-video', capabilities: { ...t2v, durations: FIVE } },
  { id: 'wan2.7-i2v', kind: 'media', label: 'Wan 2.7 image-to-video (first + last frame)', capabilities: { ...flf, audio: true, durations: TWO_TO_15, resolutions: ['720p', '1080p'] } },
  { id: 'wan2.6-i2v', kind: 'i2v', label: 'Wan 2.6 image-to-video', capabilities: { ...i2v, audio: true, durations: TWO_TO_15 } },
  { id: 'wan2.6-i2v-flash', kind: 'i2v', label: 'Wan 2.6 Flash image-to-video', capabilities: { ...i2v, audio: true, durations: TWO_TO_15 } },
  { id: 'wan2.2-i2v-plus', kind: 'i2v', label: 'Wan 2.2 Plus image-to-video', capabilities: { ...i2v, durations: FIVE } },
  { id: 'wan2.2-i2v-flash', kind: 'i2v', label: 'Wan 2.2 Flash image-to-video', capabilities: { ...i2v, durations: FIVE } },
  { id: 'wan2.2-kf2v-flash', kind: 'kf2v', label: 'Wan 2.2 Flash first + last frame', capabilities: { ...flf, durations: FIVE } },
];

export const WAN_MODELS: readonly ProviderModel[] = MODELS.map(({ kind: _kind, ...m }) => m);

export const WAN_CAPABILITIES: ProviderCapabilities = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  referenceImagesMax: 0,
  extend: false,
  audio: false,
  durations: TWO_TO_15,
  aspects: ['16:9', '9:16', '1:1'],
  resolutions: ['720p', '1080p'],
  models: WAN_MODELS,
};

/** The model a request is sent to (resolving `auto` from the shot's frames). */
export function wanModel(req: Pick<GenerationRequest, 'model' | 'firstFrame' | 'lastFrame' | 'shotNumber'>): { id: string; kind: Kind } {
  const id = req.model ?? 'auto';
  const m = MODELS.find((x) => x.id === id);
  if (!m) throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber}: Wan has no model "${id}". Available: ${MODELS.map((x) => x.id).join(', ')}.`, { model: id });
  if (m.kind !== 'auto') return { id: m.id, kind: m.kind };
  if (req.lastFrame) return { id: 'wan2.7-i2v', kind: 'media' };
  return req.firstFrame ? { id: 'wan2.6-i2v', kind: 'i2v' } : { id: 'wan2.6-t2v', kind: 't2v' };
}

/** t2v output sizes per tier ("W*H"), by aspect. */
const SIZES: Record<'720P' | '1080P', Record<string, string>> = {
  '720P': { '16:9': '1280*720', '9:16': '720*1280', '1:1': '960*960', '4:3': '1088*832', '3:4': '832*1088' },
  '1080P': { '16:9': '1920*1080', '9:16': '1080*1920', '1:1': '1440*1440', '4:3': '1632*1248', '3:4': '1248*1632' },
};

export function wanResolution(width: number, height: number, kind: Kind): '480P' | '720P' | '1080P' {
  const short = Math.min(width, height);
  if (short <= 480 && kind !== 'media') return '480P';
  return short <= 720 ? '720P' : '1080P';
}

export async function wanCreate(req: GenerationRequest): Promise<{ path: string; body: Record<string, unknown> }> {
  const model = wanModel(req);
  const caps = modelCapabilities(WAN_CAPABILITIES, model.id);
  const shot = `shot ${req.shotNumber}`;
  if (req.lastFrame && !req.firstFrame) throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has a last frame but no first frame; Wan needs both.`, { shotId: req.shotId });
  if (req.firstFrame && !caps.imageToVideo) throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has a first frame, but ${model.id} is text-to-video only.`, { model: model.id });
  if (!req.firstFrame && !caps.textToVideo) throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no first frame, and ${model.id} needs one.`, { model: model.id });
  if (req.lastFrame && !caps.lastFrame) throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has a last frame, but ${model.id} cannot end on a given frame.`, { model: model.id });
  const input: Record<string, unknown> = { prompt: fullPrompt(req, 'Wan') };
  if (req.negativePrompt.trim()) input.negative_prompt = req.negativePrompt.trim();
  const first = req.firstFrame ? await imageDataUri(req.firstFrame.path, `The first frame of ${shot}`, MAX_IMAGE_BYTES) : null;
  const last = req.lastFrame ? await imageDataUri(req.lastFrame.path, `The last frame of ${shot}`, MAX_IMAGE_BYTES) : null;
  const resolution = wanResolution(req.width, req.height, model.kind);
  // prompt_extend off: the storyboard's prompt is what the user wrote; no watermark on takes.
  const parameters: Record<string, unknown> = { prompt_extend: false, watermark: false };
  if (model.kind === 't2v') {
    const tier = resolution === '1080P' ? '1080P' : '720P';
    parameters.size = SIZES[tier][nearestRatio(req.width, req.height, ['16:9', '9:16', '1:1', '4:3', '3:4'])];
  } else {
    parameters.resolution = resolution;
  }
  if (model.kind === 'i2v') input.img_url = first;
  if (model.kind === 'kf2v') Object.assign(input, { first_frame_url: first, last_frame_url: last });
  if (model.kind === 'media') {
    input.media = [{ type: 'first_frame', url: first }, ...(last ? [{ type: 'last_frame', url: last }] : [])];
  }
  // kf2v's duration is fixed (5 s) and not a parameter.
  if (model.kind !== 'kf2v') parameters.duration = Math.round(allowedDuration(caps.durations, req.durationSec));
  if (req.seed !== null) parameters.seed = Math.abs(req.seed) % 2147483648;
  return { path: model.kind === 'kf2v' ? WAN_KF2V_PATH : WAN_VIDEO_PATH, body: { model: model.id, input, parameters } };
}
