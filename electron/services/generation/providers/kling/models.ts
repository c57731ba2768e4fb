/**
 * Kling models and what each can do, and the create bodies (providers.md §5). Pure.
 * Per model: image2video enum of the imageToVideo page; `sound` only from kling-v2-6 on;
 * multi-image references (up to 4) only on kling-v1-6 through /multi-image2video; extend
 * (/video-extend) only for V1 models' videos.
 */
import { AppError } from '../../../../../shared/errors.js';
import type { ProviderCapabilities } from '../../../../../shared/generation/capabilities.js';
import { allowedDuration } from '../../../../../shared/generation/capabilities.js';
import type { FrameRef, GenerationRequest } from '../../../../../shared/generation/request.js';

export type KlingFamily = 'text2video' | 'image2video' | 'multi-image2video' | 'video-extend';

export interface KlingModel {
  id: string;
  label: string;
  textToVideo: boolean;
  imageToVideo: boolean;
  lastFrame: boolean;
  referenceImagesMax: number;
  extend: boolean;
  /** Takes `sound: "on"` (native audio). */
  audio: boolean;
}

const m = (id: string, label: string, t2v: boolean, o: Partial<KlingModel> = {}): KlingModel =>
  ({ id, label, textToVideo: t2v, imageToVideo: true, lastFrame: true, referenceImagesMax: 0, extend: false, audio: false, ...o });

export const KLING_MODELS: readonly KlingModel[] = [
  m('kling-v2-6', 'Kling 2.6 (sound)', true, { audio: true }),
  m('kling-v2-5-turbo', 'Kling 2.5 Turbo', true),
  m('kling-v2-1-master', 'Kling 2.1 Master', true),
  m('kling-v2-1', 'Kling 2.1', false),
  m('kling-v2-master', 'Kling 2.0 Master', true),
  m('kling-v1-6', 'Kling 1.6 (references)', true, { referenceImagesMax: 4, extend: true }),
  m('kling-v1-5', 'Kling 1.5', false, { extend: true }),
  m('kling-v1', 'Kling 1.0', true, { extend: true }),
];
export const DEFAULT_KLING_MODEL = 'kling-v2-6';
export const KLING_DURATIONS = { kind: 'set', values: [5, 10] } as const;
export const KLING_ASPECTS = ['16:9', '9:16', '1:1'] as const;

const BASE = { textToVideo: true, imageToVideo: true, lastFrame: true, referenceImagesMax: 0, extend: false, audio: false } as const;
type Feature = keyof typeof BASE;

/** Provider defaults, and per model only where it differs (read via modelCapabilities()). */
export const KLING_CAPABILITIES: ProviderCapabilities = {
  ...BASE,
  // An extension's video is the whole clip, source + ~4-5 s: the docs let an extension's own
  // video_id be extended again up to 3 minutes in total (video-extend page, as copied by
  // https://docs.fast-token.com/en/kling/video/KlingVideoExtend.html [secondary]).
  extendIncludesSource: true,
  durations: { kind: 'set', values: [...KLING_DURATIONS.values] },
  aspects: KLING_ASPECTS,
  // Kling picks the size itself (720p std / 1080p pro); the take is conformed on export.
  resolutions: 'any',
  models: KLING_MODELS.map((x) => {
    const diff = Object.fromEntries((Object.keys(BASE) as Feature[]).filter((k) => x[k] !== BASE[k]).map((k) => [k, x[k]]));
    return Object.keys(diff).length ? { id: x.id, label: x.label, capabilities: diff } : { id: x.id, label: x.label };
  }),
};

/** A request that may also name the Kling video id of a clip to extend directly (tests, tools). */
export type KlingRequest = GenerationRequest & { extendVideoId?: string | null };

/** The Kling video id to extend: the engine's `extend.ref` (the source take's videos[0].id). */
function extendId(req: KlingRequest): string | null {
  return req.extendVideoId || req.extend?.ref || null;
}

export function klingModel(id: string | null): KlingModel {
  const found = KLING_MODELS.find((x) => x.id === (id ?? DEFAULT_KLING_MODEL));
  if (!found) throw new AppError('INVALID_INPUT', `Kling has no model "${id}". Models: ${KLING_MODELS.map((x) => x.id).join(', ')}.`, { model: id });
  return found;
}

export function klingAspect(width: number, height: number): (typeof KLING_ASPECTS)[number] {
  const r = width / height;
  if (r > 1.2) return '16:9';
  if (r < 1 / 1.2) return '9:16';
  return '1:1';
}

/**
 * Which endpoint a request goes to. Reference images are guidance the plan attaches to every
 * shot with elements: only a model that takes them (kling-v1-6) gets them, and only without a
 * first/last frame (the two are separate endpoints); elsewhere the shot is made without them.
 */
export function klingFamily(req: KlingRequest): KlingFamily {
  if (extendId(req)) return 'video-extend';
  if (req.firstFrame || req.lastFrame) return 'image2video';
  return req.references?.length && klingModel(req.model).referenceImagesMax > 0 ? 'multi-image2video' : 'text2video';
}

/**
 * The create body. `image` reads a frame as RAW base64 (no `data:` prefix: imageToVideo page).
 * `externalTaskId` is the job id, so a create whose answer was lost can be looked up (reconcile).
 */
export function klingBody(req: KlingRequest, image: (f: FrameRef) => string, externalTaskId?: string): { family: KlingFamily; body: Record<string, unknown> } {
  const model = klingModel(req.model);
  const family = klingFamily(req);
  const shot = `Shot ${req.shotNumber}`;
  const prompt = [req.prompt.trim(), req.stylePrompt.trim()].filter(Boolean).join('. ') || req.title.trim();
  if (family === 'video-extend') {
    if (!model.extend) throw new AppError('INVALID_INPUT', `${shot}: ${model.label} cannot extend a clip (Kling extends V1-model videos only).`, { model: model.id });
    if (req.firstFrame || req.lastFrame) throw new AppError('INVALID_INPUT', `${shot}: an extension takes no first or last frame.`, { model: model.id });
    return { family, body: klingExtendBody(extendId(req) ?? '', prompt, externalTaskId) };
  }
  const body: Record<string, unknown> = { model_name: model.id };
  if (family === 'text2video' && !model.textToVideo) throw new AppError('INVALID_INPUT', `${shot}: ${model.label} needs a first frame (it cannot generate from text alone).`, { model: model.id });
  if (family === 'text2video' && !prompt) throw new AppError('INVALID_INPUT', `${shot} has no prompt; Kling needs one to generate from text.`, { shotId: req.shotId });
  if (family === 'multi-image2video') {
    // Element pictures come first, style references last: beyond 4, the style ones drop.
    body.image_list = (req.references ?? []).slice(0, model.referenceImagesMax).map((r) => ({ image: image(r) }));
  }
  if (family === 'image2video') {
    // At least one of image / image_tail (imageToVideo page); camera_control excludes image_tail.
    if (req.firstFrame) body.image = image(req.firstFrame);
    if (req.lastFrame) {
      if (!model.lastFrame) throw new AppError('INVALID_INPUT', `${shot}: ${model.label} cannot end on a given frame.`, { model: model.id });
      body.image_tail = image(req.lastFrame);
    }
  }
  if (prompt) body.prompt = prompt.slice(0, 2500);
  if (req.negativePrompt.trim()) body.negative_prompt = req.negativePrompt.trim().slice(0, 2500);
  body.mode = 'std';
  body.duration = String(allowedDuration(KLING_CAPABILITIES.durations, req.durationSec));
  // i2v takes its shape from the image; t2v and multi-image need it.
  if (family !== 'image2video') body.aspect_ratio = klingAspect(req.width, req.height);
  if (model.audio) body.sound = 'on';
  if (externalTaskId) body.external_task_id = externalTaskId;
  return { family, body };
}

/** Stored task ids carry the endpoint family: polls go to GET /v1/videos/{family}/{id}. */
export function klingTaskId(family: KlingFamily, id: string): string {
  return `${family}:${id}`;
}

export function parseKlingTaskId(taskId: string): { family: KlingFamily; id: string } {
  const i = taskId.indexOf(':');
  const family = taskId.slice(0, i) as KlingFamily;
  if (i <= 0 || !['text2video', 'image2video', 'multi-image2video', 'video-extend'].includes(family)) {
    throw new AppError('INVALID_INPUT', `Not a Kling task id: "${taskId}".`, { taskId });
  }
  return { family, id: taskId.slice(i + 1) };
}

/** Extend a Kling-made video by ~5 s (POST /v1/videos/video-extend; V1 models' videos). */
export function klingExtendBody(videoId: string, prompt: string, externalTaskId?: string): Record<string, unknown> {
  const body: Record<string, unknown> = { video_id: videoId };
  if (prompt.trim()) body.prompt = prompt.trim().slice(0, 2500);
  if (externalTaskId) body.external_task_id = externalTaskId;
  return body;
}
