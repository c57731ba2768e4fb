/**
 * The Wan create request for a shot: the model's checks first (nothing is uploaded or sent for
 * a shot the model cannot make), then `{model, input, parameters}` (endpoints in models.ts).
 */
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration, modelCapabilities } from '../../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import { DEFAULT_WATERMARK } from '../../../../../shared/generation/watermark.js';
import { fullPrompt } from '../cloudRest.js';
import { pictureDataUri } from '../imageInput.js';
import { WAN_CAPABILITIES, WAN_KF2V_PATH, WAN_VIDEO_PATH, wanModel, wanSize, wanTier, type WanKind } from './models.js';
import type { WanUploader } from './references.js';
import { labelPrompt, r2vLegacyUrls, r2vMediaBody, wanReferences } from './references.js';

/** img_url limit for the Wan i2v models is 10 MB. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface WanCreate {
  path: string;
  body: Record<string, unknown>;
  /** The body holds `oss://` URLs: the create must send X-DashScope-OssResourceResolve. */
  ossResolve: boolean;
}

/** What a reference-to-video model cannot take from this shot, as a sentence, or null. */
function r2vProblem(req: GenerationRequest, model: { id: string; kind: WanKind }, pictures: number): string | null {
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

function sentPrompt(req: GenerationRequest, kind: WanKind, refs: ReturnType<typeof wanReferences>): string {
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
      ? await pictureDataUri(req.firstFrame.path, `The first frame of ${shot}`, MAX_IMAGE_BYTES)
      : null;
    const last = req.lastFrame
      ? await pictureDataUri(req.lastFrame.path, `The last frame of ${shot}`, MAX_IMAGE_BYTES)
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
