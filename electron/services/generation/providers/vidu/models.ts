/**
 * Vidu models and request bodies (providers.md §7; platform.vidu.com/docs text-to-video,
 * reference-to-video). One endpoint per kind of input:
 *   text only -> POST /text2video; first frame -> /img2video `images:[one]`;
 *   first + last -> /start-end2video `images:[start, end]`; references -> /reference2video
 *   `images` (1-7). Images are URLs or data URIs (`data:image/png;base64,...`).
 */
import { AppError } from '../../../../../shared/errors.js';
import type { ProviderCapabilities, ProviderModel } from '../../../../../shared/generation/capabilities.js';
import {
  allowedDuration,
  capabilityProblem,
  modelCapabilities,
} from '../../../../../shared/generation/capabilities.js';
import type { FrameRef, GenerationRequest } from '../../../../../shared/generation/request.js';
import { fullPrompt, nearestRatio } from '../cloudRest.js';
import { pictureDataUri } from '../imageInput.js';
import { VIDU_RULES } from './rules.js';

export const VIDU_DEFAULT_BASE_URL = 'https://api.vidu.com/ent/v2';
/** reference2video takes 1-7 images (reference-to-video page). */
export const VIDU_MAX_REFERENCES = 7;
/** Per image ≤50 MB, but the whole request body ≤20 MB (reference-to-video page). */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const ASPECTS = ['16:9', '9:16', '3:4', '4:3', '1:1'] as const;

/**
 * Per model, the endpoints it takes: q3 text / first frame / first + last (no reference2video:
 * the reference page lists viduq2, viduq1, vidu2.0, vidu1.5); viduq2 text and references only
 * (not on img2video or start-end2video — the 2026-12 wire check against the platform pages;
 * Muapi's Vidu list, https://muapi.ai/vidu, secondary); viduq1 every endpoint, 5 s, 1080p only
 * (text-to-video page; civitai's Vidu recipe, secondary).
 */
const Q3 = { audio: true, durations: { kind: 'range', min: 1, max: 16 }, referenceImagesMax: 0 } as const;
export const VIDU_MODELS: readonly ProviderModel[] = [
  // q3: audio-visual sync, 1-16 s (text-to-video page).
  { id: 'viduq3-pro', label: 'Vidu Q3 Pro', capabilities: Q3, rules: VIDU_RULES },
  { id: 'viduq3-turbo', label: 'Vidu Q3 Turbo', capabilities: Q3 },
  {
    id: 'viduq2',
    label: 'Vidu Q2 (text or references)',
    capabilities: {
      imageToVideo: false,
      lastFrame: false,
      durations: { kind: 'range', min: 1, max: 10 },
      referenceImagesMax: VIDU_MAX_REFERENCES,
    },
  },
  {
    id: 'viduq1',
    label: 'Vidu Q1',
    capabilities: {
      durations: { kind: 'set', values: [5] },
      referenceImagesMax: VIDU_MAX_REFERENCES,
      resolutions: ['1080p'],
    },
  },
];

export const VIDU_CAPABILITIES: ProviderCapabilities = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  referenceImagesMax: VIDU_MAX_REFERENCES,
  extend: false,
  audio: false,
  // movement_amplitude "small" for a static shot, and the move as a prompt sentence.
  cameraMoves: 'prompt',
  durations: { kind: 'range', min: 1, max: 16 },
  aspects: ['16:9', '9:16', '1:1'],
  resolutions: ['720p', '1080p'],
  models: VIDU_MODELS,
};

export type ViduEndpoint = '/text2video' | '/img2video' | '/start-end2video' | '/reference2video';

/** The shot's reference pictures (elements, then style references), in order. */
export function requestReferences(req: GenerationRequest): readonly FrameRef[] {
  return req.references ?? [];
}

/** Vidu's `resolution` for the project's size: its short side, to the nearest tier. */
export function viduResolution(width: number, height: number): '540p' | '720p' | '1080p' {
  const short = Math.min(width, height);
  return short <= 540 ? '540p' : short <= 720 ? '720p' : '1080p';
}

/** The endpoint and JSON body for a request (images read from disk as data URIs). */
export async function viduCreate(
  req: GenerationRequest,
  jobId: string | undefined,
): Promise<{ path: ViduEndpoint; body: Record<string, unknown> }> {
  const model = req.model ?? VIDU_MODELS[0]!.id;
  if (!VIDU_MODELS.some((m) => m.id === model)) {
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber}: Vidu has no model "${model}". Available: ${VIDU_MODELS.map((m) => m.id).join(', ')}.`,
      { model },
    );
  }
  const caps = modelCapabilities(VIDU_CAPABILITIES, model);
  // At most the model's number, in the request's order (elements first, then style); only
  // without a first frame: the frame is the hard constraint (viduq1 used to drop the frame).
  // /reference2video has no first-frame field (https://platform.vidu.com/docs/reference-to-video,
  // first-party; rules.ts).
  const refs = req.firstFrame ? [] : requestReferences(req).slice(0, caps.referenceImagesMax);
  // /start-end2video takes images [start, end]; no endpoint takes an end frame alone
  // (https://platform.vidu.com/docs/start-end-to-video, first-party; rules.ts).
  if (req.lastFrame && !req.firstFrame) {
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} has a last frame but no first frame; Vidu's start-end mode needs both.`,
      { shotId: req.shotId },
    );
  }
  if (req.firstFrame && !caps.imageToVideo) {
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber} has a first frame, but ${model} makes video from text or reference pictures only; pick Vidu Q3 or Q1.`,
      { model },
    );
  }
  // Anything else the model cannot do (a last frame, extending a take) is refused, never dropped.
  const problem = capabilityProblem(`Vidu (${model})`, VIDU_CAPABILITIES, { ...req, model });
  if (problem) throw new AppError('INVALID_INPUT', problem, { model });
  const shot = `shot ${req.shotNumber}`;
  const body: Record<string, unknown> = { model, prompt: fullPrompt(req, 'Vidu') };
  let path: ViduEndpoint = '/text2video';
  if (refs.length) {
    path = '/reference2video';
    body.images = await Promise.all(
      refs.map((r, i) => pictureDataUri(r.path, `Reference image ${i + 1} of ${shot}`, MAX_IMAGE_BYTES)),
    );
  } else if (req.firstFrame && req.lastFrame) {
    path = '/start-end2video';
    body.images = [
      await pictureDataUri(req.firstFrame.path, `The first frame of ${shot}`, MAX_IMAGE_BYTES),
      await pictureDataUri(req.lastFrame.path, `The last frame of ${shot}`, MAX_IMAGE_BYTES),
    ];
  } else if (req.firstFrame) {
    path = '/img2video';
    body.images = [await pictureDataUri(req.firstFrame.path, `The first frame of ${shot}`, MAX_IMAGE_BYTES)];
  }
  body.duration = Math.round(allowedDuration(caps.durations, req.durationSec));
  if (req.seed !== null) body.seed = req.seed;
  // With a first frame the picture sets the shape; aspect_ratio is for text and references.
  if (path === '/text2video' || path === '/reference2video')
    body.aspect_ratio = nearestRatio(req.width, req.height, ASPECTS);
  // A model with one resolution (viduq1: 1080p) gets it; the others the project's tier.
  body.resolution =
    caps.resolutions !== 'any' && caps.resolutions.length === 1
      ? caps.resolutions[0]
      : viduResolution(req.width, req.height);
  // movement_amplitude auto | small | medium | large (https://platform.vidu.com/docs/text-to-video,
  // first-party); the move itself is a prompt sentence (fullPrompt), as Vidu has no camera path.
  body.movement_amplitude = req.camera === 'static' ? 'small' : 'auto';
  // `payload` is echoed back by the task query: the job id, for support and logs.
  if (jobId) body.payload = jobId;
  return { path, body };
}
