/**
 * A shot as `@google/genai` generateVideos parameters (providers.md §2). Pure apart from reading
 * the image files. The SDK maps these to the Gemini API wire body
 * (`instances[0].{prompt,image,lastFrame,referenceImages}`, `parameters.{sampleCount,...}`):
 * _models_converters.ts generateVideosParametersToMldev / generateVideosConfigToMldev.
 */
import { extname } from 'node:path';
import type { GenerateVideosParameters, Image } from '@google/genai';
import { VideoGenerationReferenceType } from '@google/genai';
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration, modelCapabilities } from '../../../../../shared/generation/capabilities.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { FrameRef } from '../../../../../shared/generation/request.js';
import type { GenerationRequest, ProviderCapabilities } from '../../types.js';
import { readInputFile } from '../imageInput.js';

/** A request that may carry reference images (optional). */
export type VeoRequest = GenerationRequest & {
  references?: readonly FrameRef[] | null;
  extendVideoUri?: string | null;
};

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/**
 * `{imageBytes, mimeType}`: the SDK sends it as `{bytesBase64Encoded, mimeType}`. gcsUri is refused
 * on the Gemini API: @google/genai imageToMldev throws "gcsUri parameter is only supported in
 * Gemini Enterprise Agent Platform mode" (https://github.com/googleapis/js-genai/blob/6e9b35c45e21f0d37179a24d29dca01ebed698e6/src/converters/_models_converters.ts
 * — first-party; also in node_modules/@google/genai 2.32).
 */
async function image(frame: FrameRef, what: string, shotNumber: number): Promise<Image> {
  const mimeType = MIME[extname(frame.path).toLowerCase()];
  if (!mimeType)
    throw new AppError(
      'INVALID_INPUT',
      `The ${what} of shot ${shotNumber} must be a PNG, JPEG or WebP picture for Veo: ${frame.path}`,
      { path: frame.path },
    );
  const bytes = await readInputFile(frame.path, `The ${what} of shot ${shotNumber}`);
  return { imageBytes: bytes.toString('base64'), mimeType };
}

/** Veo takes 16:9 or 9:16 only: the nearer one to the project's shape. */
export function veoAspect(width: number, height: number): '16:9' | '9:16' {
  return width >= height ? '16:9' : '9:16';
}

export function veoResolution(width: number, height: number, allowed: readonly string[] | 'any'): string {
  const short = Math.min(width, height);
  const want = short > 1080 ? '4k' : short > 720 ? '1080p' : '720p';
  if (allowed === 'any' || allowed.includes(want)) return want;
  return allowed.includes('1080p') ? '1080p' : '720p';
}

/** The prompt with the camera move as a sentence ("Camera motion" in Google's prompt guide). */
export function veoPrompt(req: GenerationRequest): string {
  const prompt = shotPrompt(req, 'sentence');
  if (!prompt)
    throw new AppError('INVALID_INPUT', `Shot ${req.shotNumber} has no prompt; Veo needs one to generate.`, {
      shotId: req.shotId,
    });
  return prompt;
}

/** The resolution a request is sent at: an extension is 720p only (Gemini video guide). */
export function veoSentResolution(
  req: Pick<VeoRequest, 'extendVideoUri' | 'extend' | 'width' | 'height'>,
  mc: Pick<ProviderCapabilities, 'resolutions'>,
): string {
  return req.extendVideoUri || req.extend ? '720p' : veoResolution(req.width, req.height, mc.resolutions);
}

/**
 * Seconds Veo is asked for: "durationSeconds 4, 6, 8 … must be 8 when using extension,
 * reference images, or 1080p and 4k" (Gemini API video guide, "Veo API parameters",
 * https://ai.google.dev/gemini-api/docs/video — first-party). A shorter HD shot is therefore
 * sent as 8 s and the take trimmed to the shot. The cost estimate uses it too.
 */
export function veoSeconds(
  req: Pick<VeoRequest, 'references' | 'extendVideoUri' | 'extend' | 'durationSec' | 'width' | 'height'>,
  mc: Pick<ProviderCapabilities, 'durations' | 'resolutions'>,
): number {
  const resolution = veoSentResolution(req, mc);
  const eight =
    Boolean(req.references?.length || req.extendVideoUri || req.extend) ||
    resolution === '1080p' ||
    resolution === '4k';
  return eight ? 8 : allowedDuration(mc.durations, req.durationSec);
}

export async function veoParams(
  req: VeoRequest,
  caps: ProviderCapabilities,
  defaultModel: string,
): Promise<GenerateVideosParameters> {
  const model = req.model && caps.models.some((m) => m.id === req.model) ? req.model : defaultModel;
  if (req.model && model !== req.model) {
    throw new AppError(
      'INVALID_INPUT',
      `Veo has no model "${req.model}". Available: ${caps.models.map((m) => m.id).join(', ')}.`,
      { model: req.model },
    );
  }
  const mc = modelCapabilities(caps, model);
  const refs = req.references ?? [];
  const shot = `Shot ${req.shotNumber}`;
  if (refs.length > mc.referenceImagesMax) {
    throw new AppError(
      'INVALID_INPUT',
      `${shot} has ${refs.length} reference images; ${model} takes at most ${mc.referenceImagesMax}.`,
      { model },
    );
  }
  // types.ts referenceImages doc: "cannot be combined with image, video or lastFrame".
  if (refs.length && (req.firstFrame || req.lastFrame || req.extendVideoUri)) {
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: Veo cannot combine reference images with a first or last frame; remove one of them.`,
      { model },
    );
  }
  // types.ts lastFrame doc: "Only supported for image to video use cases".
  if (req.lastFrame && !req.firstFrame)
    throw new AppError('INVALID_INPUT', `${shot} has a last frame but no first frame; Veo needs both.`, { model });
  if (req.lastFrame && !mc.lastFrame)
    throw new AppError('INVALID_INPUT', `${shot} has a last frame, but ${model} cannot end on a given frame.`, {
      model,
    });
  if (req.extendVideoUri && !mc.extend)
    throw new AppError('INVALID_INPUT', `${shot}: ${model} cannot extend a clip.`, { model });
  if (req.extendVideoUri && (req.firstFrame || req.lastFrame)) {
    throw new AppError(
      'INVALID_INPUT',
      `${shot} extends a Veo clip, which takes no first or last frame; remove them from the shot.`,
      { model },
    );
  }

  const params: GenerateVideosParameters = {
    model,
    source: { prompt: veoPrompt(req) },
    config: {
      numberOfVideos: 1,
      durationSeconds: veoSeconds(req, mc),
      aspectRatio: veoAspect(req.width, req.height),
      resolution: veoSentResolution(req, mc),
      // No seed and no generateAudio: the SDK throws for them on the Gemini API (Vertex only).
    },
  };
  if (req.negativePrompt.trim() && params.config) params.config.negativePrompt = req.negativePrompt.trim();
  if (req.firstFrame && params.source) params.source.image = await image(req.firstFrame, 'first frame', req.shotNumber);
  if (req.lastFrame && params.config)
    params.config.lastFrame = await image(req.lastFrame, 'last frame', req.shotNumber);
  // Extension takes the previous Veo output by its Files API uri (no bytes on the Gemini API).
  if (req.extendVideoUri && params.source) params.source.video = { uri: req.extendVideoUri };
  if (refs.length && params.config) {
    const images = await Promise.all(refs.map((r, i) => image(r, `reference image ${i + 1}`, req.shotNumber)));
    params.config.referenceImages = images.map((img) => ({
      image: img,
      referenceType: VideoGenerationReferenceType.ASSET,
    }));
  }
  return params;
}
