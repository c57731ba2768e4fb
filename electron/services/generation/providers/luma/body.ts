/**
 * The Dream Machine create request for one shot (providers.md §4a; fields from the installed
 * lumaai 1.19.1 GenerationCreateParams): POST /generations/video with snake_case fields,
 * `aspect_ratio` from a fixed list, `resolution` 540p|720p|1080p|4k, `duration` "5s"|"9s".
 *
 * Pictures: keyframes take `{type:'image', url}` only (no data field, and the API has no upload
 * endpoint), so a shot's first/last frame on the user's disk cannot be sent; the adapter declares
 * imageToVideo/lastFrame false and this builder refuses frames with a clear sentence. Extending
 * a previous Luma generation is `keyframes.frame0 = {type:'generation', id}` (`extendFrom`).
 */
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration, type DurationRule } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';

export const LUMA_MODELS = [
  { id: 'ray-2', label: 'Ray 2' },
  { id: 'ray-flash-2', label: 'Ray Flash 2' },
] as const;
export const LUMA_ASPECTS = ['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21'] as const;
export const LUMA_DURATIONS: DurationRule = { kind: 'set', values: [5, 9] };

export const NO_IMAGE_REASON =
  'Luma\'s Dream Machine API takes keyframe pictures only as public URLs ({type:"image", url}) and has no upload endpoint, ' +
  'so frames stored on this computer cannot be sent. Use Luma for text-to-video, or a provider that takes pictures directly (Runway, Veo).';

/** The aspect ratio nearest the project's shape. */
export function lumaAspect(width: number, height: number): string {
  const want = Math.log(width / height);
  let best: string = LUMA_ASPECTS[0];
  for (const a of LUMA_ASPECTS) {
    const [w, h] = a.split(':').map(Number) as [number, number];
    const [bw, bh] = best.split(':').map(Number) as [number, number];
    if (Math.abs(Math.log(w / h) - want) < Math.abs(Math.log(bw / bh) - want)) best = a;
  }
  return best;
}

/** The smallest resolution that covers the project's short side (a larger one costs more). */
export function lumaResolution(width: number, height: number): string {
  const short = Math.min(width, height);
  if (short <= 540) return '540p';
  if (short <= 720) return '720p';
  if (short <= 1080) return '1080p';
  return '4k';
}

/** The prompt, with the camera move as a sentence (Luma's camera-motion phrasing: cameraMoves.ts). */
export function lumaPrompt(req: Pick<GenerationRequest, 'prompt' | 'stylePrompt' | 'title' | 'camera'>): string {
  return shotPrompt(req, 'sentence');
}

export function buildLumaCreate(req: GenerationRequest, opts: { extendFrom?: string } = {}): Record<string, unknown> {
  const shot = `Shot ${req.shotNumber}`;
  const model = req.model ?? LUMA_MODELS[0].id;
  if (!LUMA_MODELS.some((m) => m.id === model)) {
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: Luma has no model "${model}". Available: ${LUMA_MODELS.map((m) => m.id).join(', ')}.`,
      { model },
    );
  }
  if (req.firstFrame || req.lastFrame)
    throw new AppError(
      'INVALID_INPUT',
      `${shot} has a ${req.firstFrame ? 'first' : 'last'} frame, but ${NO_IMAGE_REASON}`,
      { model },
    );
  const prompt = lumaPrompt(req);
  if (!prompt)
    throw new AppError('INVALID_INPUT', `${shot} has no prompt; Luma needs one to generate.`, { shotId: req.shotId });
  const body: Record<string, unknown> = {
    model,
    prompt,
    aspect_ratio: lumaAspect(req.width, req.height),
    resolution: lumaResolution(req.width, req.height),
    duration: `${allowedDuration(LUMA_DURATIONS, req.durationSec)}s`,
  };
  if (opts.extendFrom) body.keyframes = { frame0: { type: 'generation', id: opts.extendFrom } };
  return body;
}
