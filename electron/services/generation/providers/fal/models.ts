/**
 * The video models we offer through fal.ai, and each one's endpoints and input field names,
 * from fal's own model pages (fal.ai/models/<endpoint>/llms.txt, read 2026-11-21; providers.md
 * §10a). fal hosts hundreds of models with different schemas, so this is a small, explicit
 * catalogue rather than a guess at a common shape.
 */
import {
  allowedDuration,
  type DurationRule,
  type ModelRule,
  type ProviderCapabilities,
} from '../../../../../shared/generation/capabilities.js';
import type { Aspect, Resolution } from '../../../../../shared/model/format.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { GenerationRequest } from '../../types.js';
import type { ModelCatalogue } from '../catalogue.js';
import { checkEditSource, klingSeconds, omniPrompt } from './klingOmni.js';
import { KLING_OMNI_MODELS } from './klingOmniModels.js';

export interface FalModel {
  /** Our model id (the endpoint family). */
  id: string;
  label: string;
  /** Endpoint ids per kind of shot; absent = the model cannot make that kind. */
  endpoints: { text?: string; image?: string; firstLast?: string; reference?: string; video?: string };
  /** Field names for the pictures, per fal's schema for the endpoint. */
  fields: {
    image: string;
    lastImage?: string;
    firstLastFirst?: string;
    firstLastLast?: string;
    references?: string;
    /** The source clip of a video-to-video endpoint. */
    video?: string;
  };
  referenceImagesMax: number;
  /** kling-omni: O1 / O3 (no negative prompt; O3 with audio); kling-edit: restyles a clip (fal/klingOmni.ts). */
  family: 'veo' | 'kling' | 'kling-omni' | 'kling-edit';
  /** How an edit endpoint's prompt names the clip ("@Video1" on O3 Edit; absent: not named). */
  videoTag?: string;
  /** Edits the shot's clip (GenerationRequest.sourceVideo) instead of generating. */
  videoInput?: 'required';
  /** The request rules with their sources (README capability notes). */
  rules?: readonly ModelRule[];
  durations: DurationRule;
  /** 'any': the output keeps the source clip's frame (edit endpoints). */
  aspects: readonly Aspect[] | 'any';
  resolutions: readonly Resolution[];
  audio: boolean;
}

const VEO_DURATIONS: DurationRule = { kind: 'set', values: [4, 6, 8] };

const FAL_VEO_R2V = 'https://fal.ai/models/fal-ai/veo3.1/reference-to-video/llms.txt';
/**
 * Veo 3.1's reference endpoint (fal's page, read 2026-12-07): `image_urls` and no first / last
 * frame field; `duration` a string whose only value listed is the default "8s". So references go
 * without keyframes (falInput) and always as 8 s.
 */
const FAL_VEO_REFERENCE_RULES: readonly ModelRule[] = [
  {
    rule: 'Reference-to-video (`fal-ai/veo3.1/reference-to-video`, up to 3 `image_urls`) has no first / last frame field: references are sent only on shots without keyframes.',
    source: FAL_VEO_R2V,
    firstParty: true,
  },
  {
    rule: 'Reference-to-video is sent as `duration: "8s"`: the page lists no other value (default "8s"); the take is trimmed to the shot.',
    source: FAL_VEO_R2V,
    firstParty: true,
  },
];
/**
 * No `fal-ai/veo3.1/fast/reference-to-video` on fal: the reference endpoint's page names Veo 3.1
 * only, and none was found for Fast (searched 2026-12-07: docs/pages "fal-ai/veo3.1/fast
 * reference-to-video"). Google's model itself takes references elsewhere (WaveSpeed sells a Veo 3.1
 * Fast reference-to-video), so this is fal's catalogue, not a limit of the model.
 */
const FAL_VEO_FAST_RULES: readonly ModelRule[] = [
  {
    rule: "No reference-to-video: fal lists `fal-ai/veo3.1/reference-to-video` for Veo 3.1 only and has no Fast reference endpoint (absence, not a stated rule; WaveSpeed's Veo 3.1 Fast reference-to-video shows the model itself can).",
    source: `https://fal.ai/docs/model-api-reference/video-generation-api/veo3.1-reference-to-video; https://wavespeed.ai/docs/docs-api/google/google-veo3.1-fast-reference-to-video (secondary)`,
    firstParty: false,
  },
];
const KLING_DURATIONS: DurationRule = { kind: 'set', values: [5, 10] };

function veo(id: string, label: string, references: boolean): FalModel {
  return {
    // 720p / 1080p: fal's Veo 3.1 text, image and first-last endpoints take no 4k
    // (https://fal.ai/models/fal-ai/veo3.1/llms.txt, `resolution` enum — first-party).
    id,
    label,
    family: 'veo',
    audio: true,
    durations: VEO_DURATIONS,
    aspects: ['16:9', '9:16'],
    resolutions: ['720p', '1080p'],
    endpoints: {
      text: id,
      image: `${id}/image-to-video`,
      firstLast: `${id}/first-last-frame-to-video`,
      ...(references ? { reference: `${id}/reference-to-video` } : {}),
    },
    fields: {
      image: 'image_url',
      firstLastFirst: 'first_frame_url',
      firstLastLast: 'last_frame_url',
      references: 'image_urls',
    },
    referenceImagesMax: references ? 3 : 0,
    rules: references ? FAL_VEO_REFERENCE_RULES : FAL_VEO_FAST_RULES,
  };
}

export const FAL_MODELS: readonly FalModel[] = [
  // First = the default model (modelCapabilities falls back to it).
  // fal documents reference-to-video for Veo 3.1 (fal-ai/veo3.1/reference-to-video), not for Fast.
  veo('fal-ai/veo3.1/fast', 'Veo 3.1 Fast (fal)', false),
  veo('fal-ai/veo3.1', 'Veo 3.1 (fal)', true),
  {
    id: 'fal-ai/kling-video/v2.5-turbo/pro',
    label: 'Kling 2.5 Turbo Pro (fal)',
    family: 'kling',
    audio: false,
    durations: KLING_DURATIONS,
    aspects: ['16:9', '9:16', '1:1'],
    resolutions: ['1080p'],
    endpoints: {
      text: 'fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
      image: 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
    },
    fields: { image: 'image_url', lastImage: 'tail_image_url' },
    referenceImagesMax: 0,
  },
  {
    id: 'fal-ai/kling-video/v2.1/pro',
    label: 'Kling 2.1 Pro (fal, image only)',
    family: 'kling',
    audio: false,
    durations: KLING_DURATIONS,
    aspects: ['16:9', '9:16', '1:1'],
    resolutions: ['1080p'],
    endpoints: { image: 'fal-ai/kling-video/v2.1/pro/image-to-video' },
    fields: { image: 'image_url', lastImage: 'tail_image_url' },
    referenceImagesMax: 0,
  },
  ...KLING_OMNI_MODELS,
];

export const DEFAULT_FAL_MODEL = (FAL_MODELS[0] as FalModel).id;

export function falModel(id: string | null): FalModel | undefined {
  return FAL_MODELS.find((m) => m.id === (id ?? DEFAULT_FAL_MODEL));
}

/** What one model can do, in the shared capability shape. */
export function falModelCapabilities(m: FalModel): Omit<ProviderCapabilities, 'models'> {
  return {
    ...(m.videoInput ? { videoInput: m.videoInput } : {}),
    textToVideo: Boolean(m.endpoints.text),
    imageToVideo: Boolean(m.endpoints.image),
    lastFrame: Boolean(m.endpoints.firstLast ?? m.fields.lastImage),
    referenceImagesMax: m.referenceImagesMax,
    extend: false,
    audio: m.audio,
    cameraMoves: 'prompt',
    durations: m.durations,
    aspects: m.aspects,
    resolutions: m.resolutions,
  };
}

export const FAL_CATALOGUE: ModelCatalogue<FalModel> = {
  provider: 'fal',
  label: 'fal.ai',
  models: FAL_MODELS,
  find: falModel,
  capabilities: falModelCapabilities,
};

const nearestAspect = (m: FalModel, w: number, h: number): string => {
  const aspects = m.aspects === 'any' ? ['16:9'] : m.aspects;
  let best = aspects[0] ?? '16:9';
  const r = w / h;
  const val = (a: string): number => {
    const [x, y] = a.split(':').map(Number);
    return (x ?? 1) / (y ?? 1);
  };
  for (const a of aspects) if (Math.abs(Math.log(val(a) / r)) < Math.abs(Math.log(val(best) / r))) best = a;
  return best;
};

/**
 * The endpoint and input for a request. `images` are the pictures as the caller encoded them
 * (fal CDN URLs after upload). Veo durations are strings like "8s", Kling's like "5".
 */
export function falInput(
  m: FalModel,
  req: GenerationRequest,
  images: { first?: string; last?: string; references?: string[]; video?: string },
): { endpoint: string; input: Record<string, unknown> } {
  // The camera move as a sentence: fal passes the prompt to Veo / Kling unchanged (cameraMoves.ts).
  const prompt = shotPrompt(req, 'sentence');
  if (m.family === 'kling-edit') return klingEditInput(m, req, prompt, images.video);
  const seconds = allowedDuration(m.durations, req.durationSec);
  const input: Record<string, unknown> = { prompt };
  let endpoint: string | undefined;
  if (images.first && images.last && m.endpoints.firstLast) {
    endpoint = m.endpoints.firstLast;
    input[m.fields.firstLastFirst ?? 'first_frame_url'] = images.first;
    input[m.fields.firstLastLast ?? 'last_frame_url'] = images.last;
  } else if (images.first) {
    endpoint = m.endpoints.image;
    input[m.fields.image] = images.first;
    if (images.last && m.fields.lastImage) input[m.fields.lastImage] = images.last;
  } else if (images.references?.length && m.endpoints.reference && m.fields.references) {
    // Reference-to-video takes no keyframes (Veo: references XOR first/last frame).
    endpoint = m.endpoints.reference;
    input[m.fields.references] = images.references;
  } else {
    endpoint = m.endpoints.text;
  }
  if (!endpoint) throw new Error(`fal model ${m.id} has no endpoint for this shot`);
  if (m.family === 'veo') {
    input.duration = `${seconds}s`;
    input.aspect_ratio = images.first ? 'auto' : nearestAspect(m, req.width, req.height);
    // Veo's reference mode renders 8 s clips only (Google's rule, also on Replicate's page).
    if (endpoint === m.endpoints.reference) input.duration = '8s';
    // The nearest the endpoint has: a 4k project gets 1080p and is conformed on export.
    input.resolution = Math.min(req.width, req.height) > 720 ? '1080p' : '720p';
    input.generate_audio = true;
    if (req.seed !== null) input.seed = req.seed;
  } else if (m.family === 'kling-omni') {
    // O1 / O3: whole seconds as strings; aspect_ratio only where no picture sets the frame;
    // no negative_prompt on any Omni endpoint; O3 with sound; references named @ImageN (klingOmni.ts).
    input.prompt = omniPrompt(req, prompt, images.references?.length ?? 0, (n) => `@Image${n}`, m.label);
    input.duration = klingSeconds(m.durations, req.durationSec);
    if (!images.first && endpoint !== m.endpoints.image) input.aspect_ratio = nearestAspect(m, req.width, req.height);
    if (m.audio) input.generate_audio = true;
    return { endpoint, input };
  } else {
    input.duration = String(seconds);
    if (!images.first) input.aspect_ratio = nearestAspect(m, req.width, req.height);
  }
  if (req.negativePrompt.trim()) input.negative_prompt = req.negativePrompt.trim();
  return { endpoint, input };
}

/** A restyle on an edit endpoint: the uploaded clip, the prompt naming it @Video1 where the endpoint reads that (klingOmni.ts [O3E]). */
function klingEditInput(
  m: FalModel,
  req: GenerationRequest,
  prompt: string,
  video: string | undefined,
): { endpoint: string; input: Record<string, unknown> } {
  checkEditSource(req, m.label);
  if (!video || !m.endpoints.video || !m.fields.video) throw new Error(`fal model ${m.id} has no clip to restyle`);
  return {
    endpoint: m.endpoints.video,
    input: {
      prompt: `${m.videoTag ? `${m.videoTag}: ` : ''}${omniPrompt({ ...req, references: [] }, prompt, 0, String, m.label)}`,
      [m.fields.video]: video,
      keep_audio: true,
    },
  };
}
