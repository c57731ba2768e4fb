/**
 * Kling models and what each can do (providers.md §5; the create bodies are in body.ts). Pure.
 * Per model: image2video enum of the imageToVideo page plus kling-v3; `sound` only on v2-6 and v3;
 * multi-image references (up to 4) only on kling-v1-6 through /multi-image2video; extend
 * (/video-extend) only for V1 models' videos.
 */
import { AppError } from '../../../../../shared/errors.js';
import type { DurationRule, ProviderCapabilities } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import { KLING_MULTI_SHOT, KLING_MULTI_SHOT_CAPABILITY } from './multiShot.js';
import { KLING_OMNI_IMAGES_MAX, KLING_OMNI_MODELS, klingOmniModel } from './omni.js';
import { KLING_RULES } from './rules.js';

export type KlingFamily = 'text2video' | 'image2video' | 'multi-image2video' | 'video-extend' | 'omni-video';
const FAMILIES: readonly KlingFamily[] = [
  'text2video',
  'image2video',
  'multi-image2video',
  'video-extend',
  'omni-video',
];
export type KlingMode = 'std' | 'pro';

export interface KlingModel {
  id: string;
  label: string;
  textToVideo: boolean;
  imageToVideo: boolean;
  /**
   * `image_tail` (last frame): not taken, pro mode only, or either mode. Kling's capability map
   * (image2video page, "Capability Map"; copies: https://docs.apimart.ai/en/api-reference/videos/kling-v2-6/generation
   * and https://mulerun.com/docs/api-reference/endpoint/kling/image-to-video, secondary): start + end
   * frame is pro-only on v2-6 / v2-5-turbo / v2-1 / v1-6 / v1-5 / v1, absent on the master models
   * ("This parameter is not supported by Kling v2.1 Master" / v2 master), and in std and pro on v3.
   */
  tail: 'none' | 'pro' | 'any';
  referenceImagesMax: number;
  extend: boolean;
  /**
   * Takes `sound: "on"` (native audio), which needs pro mode ("std: silent video only; pro:
   * supports automatic audio generation" — apimart copy of the v2-6 capability map, secondary;
   * ComfyUI's KlingImageToVideoWithAudio node offers mode "pro" only). On v2-6, last frame and
   * sound are mutually exclusive (same page), so a first + last shot is sent silent.
   */
  audio: boolean;
  durations: DurationRule;
  /**
   * Where Kling's own `camera_control` works: ComfyUI's Kling camera nodes send it on kling-v1
   * text2video std 5 s and kling-v1-5 image2video pro 5 s only (nodes_kling.py
   * KlingCameraControlT2VNode / KlingCameraControlI2VNode, secondary). Elsewhere the move is a
   * prompt sentence (Kling camera guide: https://kling.ai/blog/kling-ai-camera-control-video-guide).
   */
  cameraControl: { family: 'text2video' | 'image2video'; mode: KlingMode } | null;
  /** Sent to /v1/videos/omni-video with its own body (omni.ts). */
  omni: boolean;
}

const FIVE_TEN: DurationRule = { kind: 'set', values: [5, 10] };
const m = (id: string, label: string, t2v: boolean, o: Partial<KlingModel> = {}): KlingModel => ({
  id,
  label,
  textToVideo: t2v,
  imageToVideo: true,
  tail: 'pro',
  referenceImagesMax: 0,
  extend: false,
  audio: false,
  durations: FIVE_TEN,
  cameraControl: null,
  omni: false,
  ...o,
});

export const KLING_MODELS: readonly KlingModel[] = [
  // Kling 3.0: 3-15 s, native audio, start + end frame in both modes (Kling 3.0 API
  // specification, copies at https://mulerouter.ai/docs/api-reference/endpoint/klingai/kling-v3 and
  // https://docs.apimart.ai/en/api-reference/videos/kling-v3/generation, secondary).
  m('kling-v3', 'Kling 3.0 (sound)', true, { tail: 'any', audio: true, durations: { kind: 'range', min: 3, max: 15 } }),
  // Omni: first / last frame and up to 7 references in one image_list (omni.ts, with sources).
  ...KLING_OMNI_MODELS.map((o) =>
    m(o.id, o.label, true, {
      tail: 'any',
      audio: o.audio,
      referenceImagesMax: KLING_OMNI_IMAGES_MAX,
      durations: o.durations,
      omni: true,
    }),
  ),
  m('kling-v2-6', 'Kling 2.6 (sound)', true, { audio: true }),
  m('kling-v2-5-turbo', 'Kling 2.5 Turbo', true),
  m('kling-v2-1-master', 'Kling 2.1 Master', true, { tail: 'none' }),
  m('kling-v2-1', 'Kling 2.1', false),
  m('kling-v2-master', 'Kling 2.0 Master', true, { tail: 'none' }),
  m('kling-v1-6', 'Kling 1.6 (references)', true, { referenceImagesMax: 4, extend: true }),
  m('kling-v1-5', 'Kling 1.5', false, { extend: true, cameraControl: { family: 'image2video', mode: 'pro' } }),
  m('kling-v1', 'Kling 1.0', true, { extend: true, cameraControl: { family: 'text2video', mode: 'std' } }),
];
export const DEFAULT_KLING_MODEL = 'kling-v3';
export const KLING_ASPECTS = ['16:9', '9:16', '1:1'] as const;

const BASE = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  referenceImagesMax: 0,
  extend: false,
  audio: false,
} as const;

/** Provider defaults, and per model only where it differs (read via modelCapabilities()). */
export const KLING_CAPABILITIES: ProviderCapabilities = {
  ...BASE,
  // An extension's video is the whole clip, source + ~4-5 s: the docs let an extension's own
  // video_id be extended again up to 3 minutes in total (video-extend page, as copied by
  // https://docs.fast-token.com/en/kling/video/KlingVideoExtend.html [secondary]).
  extendIncludesSource: true,
  // camera_control on kling-v1 / v1-5, a prompt sentence elsewhere (camera.ts, klingBody).
  cameraMoves: 'field',
  durations: FIVE_TEN,
  aspects: KLING_ASPECTS,
  // Kling picks the size itself (720p std / 1080p pro); the take is conformed on export.
  resolutions: 'any',
  models: KLING_MODELS.map((x) => {
    const own = {
      textToVideo: x.textToVideo,
      imageToVideo: x.imageToVideo,
      lastFrame: x.tail !== 'none',
      referenceImagesMax: x.referenceImagesMax,
      extend: x.extend,
      audio: x.audio,
    };
    const diff: Record<string, unknown> = Object.fromEntries(
      Object.entries(own).filter(([k, v]) => v !== BASE[k as keyof typeof BASE]),
    );
    if (x.durations !== FIVE_TEN) diff.durations = x.durations;
    if (!x.cameraControl) diff.cameraMoves = 'prompt';
    if (KLING_MULTI_SHOT.models.includes(x.id)) diff.multiShot = KLING_MULTI_SHOT_CAPABILITY;
    const ruleList = [...(KLING_RULES[x.id] ?? []), ...(klingOmniModel(x.id)?.rules ?? [])];
    const rules = ruleList.length ? ruleList : undefined;
    return {
      id: x.id,
      label: x.label,
      ...(Object.keys(diff).length ? { capabilities: diff } : {}),
      ...(rules ? { rules } : {}),
    };
  }),
};

/** A request that may also name the Kling video id of a clip to extend directly (tests, tools). */
export type KlingRequest = GenerationRequest & { extendVideoId?: string | null };

/** The Kling video id to extend: the engine's `extend.ref` (the source take's videos[0].id). */
export function extendId(req: KlingRequest): string | null {
  return req.extendVideoId || req.extend?.ref || null;
}

export function klingModel(id: string | null): KlingModel {
  const found = KLING_MODELS.find((x) => x.id === (id ?? DEFAULT_KLING_MODEL));
  if (!found)
    throw new AppError(
      'INVALID_INPUT',
      `Kling has no model "${id}". Models: ${KLING_MODELS.map((x) => x.id).join(', ')}.`,
      { model: id },
    );
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
 * Source: Kling multi-image2video page (`model_name` kling-v1-6, `image_list` up to 4, no
 * first-frame field), https://app.klingai.com/global/dev/document-api/apiReference/model/multiImageToVideo
 * — first-party, read from a copy (rules.ts).
 */
export function klingFamily(req: KlingRequest): KlingFamily {
  if (klingModel(req.model).omni) return 'omni-video';
  if (extendId(req)) return 'video-extend';
  if (req.firstFrame || req.lastFrame) return 'image2video';
  return req.references?.length && klingModel(req.model).referenceImagesMax > 0 ? 'multi-image2video' : 'text2video';
}

/** Stored task ids carry the endpoint family: polls go to GET /v1/videos/{family}/{id}. */
export function klingTaskId(family: KlingFamily, id: string): string {
  return `${family}:${id}`;
}

export function parseKlingTaskId(taskId: string): { family: KlingFamily; id: string } {
  const i = taskId.indexOf(':');
  const family = taskId.slice(0, i) as KlingFamily;
  if (i <= 0 || !FAMILIES.includes(family)) {
    throw new AppError('INVALID_INPUT', `Not a Kling task id: "${taskId}".`, { taskId });
  }
  return { family, id: taskId.slice(i + 1) };
}
