/**
 * The create request for one shot, exactly as Runway's task API takes it (providers.md §3):
 * POST /v1/text_to_video or /v1/image_to_video, camelCase fields, `ratio` as "W:H" pixels,
 * images as `promptImage:[{uri, position}]` (uri = data URI, HTTPS URL or runway:// upload).
 * Pure: the adapter encodes the pictures first and passes their URIs in.
 */
import { AppError } from '../../../../../shared/errors.js';
import { allowedDuration } from '../../../../../shared/generation/capabilities.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import { buildAlephBody } from './aleph.js';
import { DEFAULT_RUNWAY_MODEL, pickRatio, RUNWAY_MODELS, RUNWAY_RETIRED, runwayModel } from './models.js';

export interface RunwayImages {
  first: string | null;
  last: string | null;
  /** Reference pictures (only models with referencesMax > 0). */
  references: readonly string[];
  /** The source clip of a restyle (video-to-video models only). */
  video?: string | null;
}

export type RunwayEndpoint = 'text_to_video' | 'image_to_video' | 'video_to_video';

export interface RunwayCreate {
  endpoint: RunwayEndpoint;
  body: Record<string, unknown>;
}

/**
 * The prompt sent: the shot's prompt, then the project's style (the title when both are empty),
 * then the camera move as a sentence ("describe the camera motion … the camera slowly pushes
 * in": Runway's Gen-4 prompting guide, https://help.runwayml.com/hc/en-us/articles/39789879462419 — first-party).
 */
export function runwayPrompt(req: Pick<GenerationRequest, 'prompt' | 'stylePrompt' | 'title' | 'camera'>): string {
  return shotPrompt(req, 'sentence');
}

/** INVALID_INPUT for a model Runway retired (runway/models.ts RUNWAY_RETIRED), naming its successor. */
export function refuseRetired(req: Pick<GenerationRequest, 'model' | 'shotNumber'>): void {
  const retired = req.model ? RUNWAY_RETIRED[req.model] : undefined;
  if (retired)
    throw new AppError(
      'INVALID_INPUT',
      `Shot ${req.shotNumber}: Runway retired ${req.model}; pick ${retired} instead.`,
      { model: req.model },
    );
}

export function buildRunwayCreate(req: GenerationRequest, images: RunwayImages): RunwayCreate {
  const shot = `Shot ${req.shotNumber}`;
  const m = runwayModel(req.model);
  refuseRetired(req);
  if (!m) {
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: Runway has no model "${req.model ?? DEFAULT_RUNWAY_MODEL}". Available: ${RUNWAY_MODELS.map((x) => x.id).join(', ')}.`,
      { model: req.model },
    );
  }
  const refs = images.references;
  if (refs.length > m.referencesMax) {
    throw new AppError(
      'INVALID_INPUT',
      m.referencesMax
        ? `${shot}: Runway ${m.label} takes at most ${m.referencesMax} reference images (${refs.length} given).`
        : `${shot}: Runway ${m.label} takes no reference images; choose Seedance 2 for references.`,
      { model: m.id },
    );
  }
  // Seedance on Runway: "Use position first/last for keyframe mode, or omit position for
  // reference images. The two modes cannot be mixed." (SDK image-to-video.ts).
  if (refs.length && (images.first || images.last)) {
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: Runway ${m.label} cannot combine reference images with a first or last frame; remove one of them.`,
      { model: m.id },
    );
  }
  if (m.videoInput)
    return {
      endpoint: 'video_to_video',
      body: buildAlephBody(req, { video: images.video ?? '', first: images.first, last: images.last }),
    };
  if (images.last && !m.lastFrame)
    throw new AppError('INVALID_INPUT', `${shot}: Runway ${m.label} cannot end on a given last frame.`, {
      model: m.id,
    });
  // Veo 3.1 "does not support generating with only a last frame" (providers.md §3).
  if (images.last && !images.first)
    throw new AppError('INVALID_INPUT', `${shot}: Runway needs a first frame together with the last frame.`, {
      model: m.id,
    });
  const i2v = Boolean(images.first) || (refs.length > 0 && !m.textToVideo);
  if (!i2v && !m.textToVideo)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: Runway ${m.label} needs a first frame (it cannot generate from text alone).`,
      { model: m.id },
    );

  const prompt = runwayPrompt(req);
  if (!prompt && !i2v)
    throw new AppError('INVALID_INPUT', `${shot} has no prompt; Runway needs one to generate from text.`, {
      shotId: req.shotId,
    });
  // gen4.5 image-to-video requires promptText (@runwayml/sdk image-to-video.ts: not optional there).
  if (!prompt && m.promptRequired)
    throw new AppError(
      'INVALID_INPUT',
      `${shot} has no prompt or title; Runway ${m.label} needs a prompt even with a first frame.`,
      { shotId: req.shotId },
    );
  if (prompt.length > m.promptMax) {
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: the prompt is ${prompt.length} characters; Runway ${m.label} takes at most ${m.promptMax}.`,
      { model: m.id },
    );
  }

  const body: Record<string, unknown> = { model: m.id };
  if (prompt) body.promptText = prompt;
  if (i2v) {
    const frames: { uri: string; position?: 'first' | 'last' }[] = [];
    if (images.first) frames.push({ uri: images.first, position: 'first' });
    if (images.last) frames.push({ uri: images.last, position: 'last' });
    for (const uri of refs) frames.push({ uri });
    body.promptImage = frames;
  } else if (refs.length) {
    body.references = refs.map((uri) => ({ uri }));
  }
  body.ratio = pickRatio(i2v ? m.i2vRatios : m.t2vRatios, req.width, req.height);
  // Whole seconds: every Runway duration is an integer (gen4.5 "an integer from 2 to 10").
  body.duration = Math.round(allowedDuration(m.durations, Math.round(req.durationSec)));
  if (m.seed && req.seed !== null) body.seed = req.seed >>> 0;
  if (m.negativePrompt && req.negativePrompt.trim()) body.negativePrompt = req.negativePrompt.trim();
  // Sound is on for the models that make it (SDK: `audio?: boolean` on veo3.1 and seedance2), as the price assumes.
  if (m.audio) body.audio = true;
  return { endpoint: i2v ? 'image_to_video' : 'text_to_video', body };
}
