/**
 * Kling's create bodies (providers.md §5): the endpoint family's fields, mode, sound, duration and
 * camera_control for a request, and the video-extend body. Pure.
 */
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration } from '../../../../../shared/generation/capabilities.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { FrameRef } from '../../../../../shared/generation/request.js';
import { klingCameraControl } from './camera.js';
import {
  extendId,
  klingAspect,
  klingFamily,
  klingModel,
  type KlingFamily,
  type KlingMode,
  type KlingRequest,
} from './models.js';
import { klingMultiShotFields } from './multiShot.js';
import { klingOmniBody, klingOmniDuration, klingOmniModel } from './omni.js';

/** What a request is sent with: mode, sound, duration and whether camera_control is used. */
export function klingPlan(req: KlingRequest): {
  mode: KlingMode;
  sound: 'on' | 'off' | null;
  duration: number;
  cameraControl: boolean;
} {
  const model = klingModel(req.model);
  const family = klingFamily(req);
  const omni = klingOmniModel(model.id);
  // Omni: std mode (sound is taken in std on 3.0 Omni: omni.ts [F]), no camera_control.
  if (omni)
    return {
      mode: 'std',
      sound: omni.audio ? 'on' : null,
      duration: klingOmniDuration(omni, req),
      cameraControl: false,
    };
  const duration = Math.round(allowedDuration(model.durations, req.durationSec));
  const tail = family === 'image2video' && Boolean(req.lastFrame);
  // camera_control excludes image + image_tail (imageToVideo page) and is 5 s only (see KlingModel).
  const cameraControl = req.camera !== 'static' && model.cameraControl?.family === family && !tail && duration === 5;
  const sound = !model.audio ? null : tail && model.id === 'kling-v2-6' ? 'off' : 'on';
  const pro =
    sound === 'on' || (tail && model.tail === 'pro') || (cameraControl && model.cameraControl?.mode === 'pro');
  return { mode: pro ? 'pro' : 'std', sound, duration, cameraControl };
}

/**
 * The create body. `image` reads a frame as RAW base64 (no `data:` prefix: imageToVideo page).
 * `externalTaskId` is the job id, so a create whose answer was lost can be looked up (reconcile).
 */
export function klingBody(
  req: KlingRequest,
  image: (f: FrameRef) => string,
  externalTaskId?: string,
): { family: KlingFamily; body: Record<string, unknown> } {
  const model = klingModel(req.model);
  const family = klingFamily(req);
  const omni = klingOmniModel(model.id);
  if (omni)
    return { family, body: klingOmniBody(omni, req, image, klingAspect(req.width, req.height), externalTaskId) };
  const shot = `Shot ${req.shotNumber}`;
  const plan = klingPlan(req);
  const prompt = shotPrompt(req, plan.cameraControl ? 'none' : 'sentence');
  if (family === 'video-extend') {
    if (!model.extend)
      throw new AppError(
        'INVALID_INPUT',
        `${shot}: ${model.label} cannot extend a clip (Kling extends V1-model videos only).`,
        { model: model.id },
      );
    if (req.firstFrame || req.lastFrame)
      throw new AppError('INVALID_INPUT', `${shot}: an extension takes no first or last frame.`, { model: model.id });
    return { family, body: klingExtendBody(extendId(req) ?? '', prompt, externalTaskId) };
  }
  const body: Record<string, unknown> = { model_name: model.id };
  if (family === 'text2video' && !model.textToVideo)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: ${model.label} needs a first frame (it cannot generate from text alone).`,
      { model: model.id },
    );
  if (family === 'text2video' && !prompt)
    throw new AppError('INVALID_INPUT', `${shot} has no prompt; Kling needs one to generate from text.`, {
      shotId: req.shotId,
    });
  if (family === 'multi-image2video') {
    // Element pictures come first, style references last: beyond 4, the style ones drop.
    body.image_list = (req.references ?? []).slice(0, model.referenceImagesMax).map((r) => ({ image: image(r) }));
  }
  if (family === 'image2video') {
    if (req.lastFrame && !req.firstFrame)
      throw new AppError(
        'INVALID_INPUT',
        `${shot} has a last frame but no first frame; Kling needs the first frame too.`,
        { model: model.id },
      );
    body.image = image(req.firstFrame as FrameRef);
    if (req.lastFrame) {
      if (model.tail === 'none')
        throw new AppError(
          'INVALID_INPUT',
          `${shot}: ${model.label} cannot end on a given frame; pick Kling 3.0, 2.6 or 2.5 Turbo.`,
          { model: model.id },
        );
      body.image_tail = image(req.lastFrame);
    }
  }
  if (prompt) body.prompt = prompt.slice(0, 2500);
  if (req.negativePrompt.trim()) body.negative_prompt = req.negativePrompt.trim().slice(0, 2500);
  body.mode = plan.mode;
  body.duration = String(plan.duration);
  // i2v takes its shape from the image; t2v and multi-image need it.
  if (family !== 'image2video') body.aspect_ratio = klingAspect(req.width, req.height);
  if (plan.sound) body.sound = plan.sound;
  if (plan.cameraControl) body.camera_control = klingCameraControl(req.camera);
  if (req.multiShot) {
    // One create for consecutive shots: each shot's own prompt and seconds in multi_prompt (the
    // main prompt is ignored then, so it is not sent); a first frame opens the first shot.
    if (req.lastFrame)
      throw new AppError('INVALID_INPUT', `${shot}: a Kling multi-shot clip cannot end on a given frame.`, {
        model: model.id,
      });
    delete body.prompt;
    const parts = req.multiShot.parts.map((p) => ({ ...p, stylePrompt: req.stylePrompt }));
    Object.assign(body, klingMultiShotFields(model.id, parts));
  }
  if (externalTaskId) body.external_task_id = externalTaskId;
  return { family, body };
}

/** Extend a Kling-made video by ~5 s (POST /v1/videos/video-extend; V1 models' videos). */
export function klingExtendBody(videoId: string, prompt: string, externalTaskId?: string): Record<string, unknown> {
  const body: Record<string, unknown> = { video_id: videoId };
  if (prompt.trim()) body.prompt = prompt.trim().slice(0, 2500);
  if (externalTaskId) body.external_task_id = externalTaskId;
  return body;
}
