/**
 * The official Replicate video models we offer (run with `POST /models/{owner}/{name}/predictions`,
 * no version pin), with each one's input field names from the model's own API page on
 * replicate.com (read 2026-11-21): google/veo-3.1(-fast) take `image`, `last_frame`,
 * `reference_images`, `duration` (int 4/6/8), `aspect_ratio`, `resolution`, `generate_audio`,
 * `negative_prompt`, `seed`; bytedance/seedance-2.0(-fast) take `image`, `last_frame_image`,
 * `reference_images` (≤9), `duration` (int ≤15), `aspect_ratio` (incl. `adaptive`),
 * `resolution`, `generate_audio`, `seed`. Output: one URI string.
 */
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import {
  allowedDuration,
  type DurationRule,
  type ModelRule,
  type ProviderCapabilities,
} from '../../../../../shared/generation/capabilities.js';
import type { Aspect, Resolution } from '../../../../../shared/model/format.js';
import type { GenerationRequest } from '../../types.js';
import type { ModelCatalogue } from '../catalogue.js';
import {
  ALEPH_SECONDS,
  alephInput,
  klingOmniInput,
  REPLICATE_ALEPH_RULES,
  REPLICATE_KLING_OMNI_RULES,
} from './editModels.js';

export interface ReplicateModel {
  id: string;
  label: string;
  /** kling-omni / aleph: editModels.ts. */
  family: 'veo' | 'seedance' | 'kling-omni' | 'aleph';
  lastFrameField: string;
  referenceImagesMax: number;
  durations: DurationRule;
  aspects: readonly Aspect[];
  resolutions: readonly Resolution[];
  /** Takes the shot's clip: 'required' edits only (Aleph), 'optional' also generates (Kling Omni). */
  videoInput?: 'optional' | 'required';
  rules?: readonly ModelRule[];
}

/**
 * Rules of Replicate's Veo / Seedance pages. replicate.com's own model pages were not in the
 * searchable corpus (2026-12-07); the schema descriptions are quoted from mirrors of them and
 * from the same models on other hosts, so each says which.
 */
const REPLICATE_INLINE_RULE: ModelRule = {
  rule: 'Pictures go inline as data URIs, at most 10,000,000 bytes in all per prediction (refused before sending): the official SDK refuses more ("exceeds 10mb limit for inline encoding"); the REST docs recommend data URIs only under 1 MB.',
  source:
    'https://github.com/replicate/replicate-javascript/blob/main/lib/util.js (MAX_DATA_URI_SIZE); https://replicate.com/docs/topics/predictions/input-files',
  firstParty: true,
};
const REPLICATE_E005_RULE: ModelRule = {
  rule: 'A failed prediction whose error reads "flagged as sensitive" / "(E005)" is a moderation refusal naming no input. Unconfirmed first-party: Replicate\'s error-code table lists only 4-digit codes and no E005; the text is what failed predictions carry (third-party code handling it).',
  source: 'https://replicate.com/docs/reference/error-codes',
  firstParty: false,
};
const REPLICATE_VEO_RULES: readonly ModelRule[] = [
  {
    rule: '`reference_images` (1-3) "only works with 16:9 aspect ratio and 8-second duration": sent only without first / last frame, with `aspect_ratio: "16:9"` and `duration: 8`.',
    source:
      "https://api.core.today/v1/models/google/veo-3.1/llms.txt (a copy of Replicate's google/veo-3.1 schema); https://fal.ai/models/fal-ai/veo3.1/reference-to-video/llms.txt (same model, no frame fields)",
    firstParty: false,
  },
  REPLICATE_INLINE_RULE,
  REPLICATE_E005_RULE,
];
const REPLICATE_SEEDANCE_RULES: readonly ModelRule[] = [
  {
    rule: "`reference_images` are sent only on shots without first / last frame: Seedance 2.0's first-last-frames and omni-reference are separate modes (a frame request takes no reference images).",
    source: 'https://piapi.ai/docs/seedance-api/seedance-2',
    firstParty: false,
  },
  REPLICATE_INLINE_RULE,
  REPLICATE_E005_RULE,
];

const veo = (id: string, label: string): ReplicateModel => ({
  id,
  label,
  family: 'veo',
  lastFrameField: 'last_frame',
  referenceImagesMax: 3,
  durations: { kind: 'set', values: [4, 6, 8] },
  aspects: ['16:9', '9:16'],
  resolutions: ['720p', '1080p'],
  rules: REPLICATE_VEO_RULES,
});
const seedance = (id: string, label: string): ReplicateModel => ({
  id,
  label,
  family: 'seedance',
  lastFrameField: 'last_frame_image',
  referenceImagesMax: 9,
  durations: { kind: 'range', min: 1, max: 15 },
  aspects: ['16:9', '9:16', '1:1', '21:9'],
  resolutions: ['720p'],
  rules: REPLICATE_SEEDANCE_RULES,
});

export const REPLICATE_MODELS: readonly ReplicateModel[] = [
  // First = the default model (modelCapabilities falls back to it).
  veo('google/veo-3.1-fast', 'Veo 3.1 Fast (Replicate)'),
  veo('google/veo-3.1', 'Veo 3.1 (Replicate)'),
  seedance('bytedance/seedance-2.0', 'Seedance 2.0 (Replicate)'),
  seedance('bytedance/seedance-2.0-fast', 'Seedance 2.0 Fast (Replicate)'),
  {
    id: 'kwaivgi/kling-v3-omni-video',
    label: 'Kling 3.0 Omni (Replicate)',
    family: 'kling-omni',
    lastFrameField: 'end_image',
    referenceImagesMax: 7,
    durations: { kind: 'range', min: 3, max: 15 },
    aspects: ['16:9', '9:16', '1:1'],
    // mode "standard" = 720p (editModels.ts [KO]); the price stand-in is the standard one.
    resolutions: ['720p'],
    videoInput: 'optional',
    rules: REPLICATE_KLING_OMNI_RULES,
  },
  {
    id: 'runwayml/gen4-aleph',
    label: 'Runway Gen-4 Aleph (Replicate, restyles a clip)',
    family: 'aleph',
    lastFrameField: '',
    referenceImagesMax: 0,
    // Only the clip's first 5 s are read, so the output (and the bill) is 5 s.
    durations: { kind: 'set', values: [ALEPH_SECONDS] },
    aspects: ['16:9', '9:16', '1:1', '21:9'],
    resolutions: ['720p'],
    videoInput: 'required',
    rules: REPLICATE_ALEPH_RULES,
  },
];

export const DEFAULT_REPLICATE_MODEL = (REPLICATE_MODELS[0] as ReplicateModel).id;

export function replicateModel(id: string | null): ReplicateModel | undefined {
  return REPLICATE_MODELS.find((m) => m.id === (id ?? DEFAULT_REPLICATE_MODEL));
}

export function replicateModelCapabilities(m: ReplicateModel): Omit<ProviderCapabilities, 'models'> {
  const editsOnly = m.videoInput === 'required';
  return {
    ...(m.videoInput ? { videoInput: m.videoInput } : {}),
    textToVideo: !editsOnly,
    imageToVideo: !editsOnly,
    lastFrame: !editsOnly,
    referenceImagesMax: m.referenceImagesMax,
    extend: false,
    audio: !editsOnly,
    cameraMoves: 'prompt',
    durations: m.durations,
    aspects: m.aspects,
    resolutions: m.resolutions,
  };
}

export const REPLICATE_CATALOGUE: ModelCatalogue<ReplicateModel> = {
  provider: 'replicate',
  label: 'Replicate',
  models: REPLICATE_MODELS,
  find: replicateModel,
  capabilities: replicateModelCapabilities,
};

function nearestAspect(aspects: readonly string[], w: number, h: number): string {
  const val = (a: string): number => {
    const [x, y] = a.split(':').map(Number);
    return (x ?? 1) / (y ?? 1);
  };
  let best = aspects[0] ?? '16:9';
  for (const a of aspects) if (Math.abs(Math.log(val(a) / (w / h))) < Math.abs(Math.log(val(best) / (w / h)))) best = a;
  return best;
}

/** The model input for a request; pictures are given already encoded (data URIs). */
export function replicateInput(
  m: ReplicateModel,
  req: GenerationRequest,
  images: { first?: string; last?: string; references?: string[]; video?: string },
): Record<string, unknown> {
  // The camera move as a sentence: Replicate passes the prompt to every model unchanged.
  const prompt = shotPrompt(req, 'sentence');
  const aspect = nearestAspect(m.aspects, req.width, req.height);
  if (m.family === 'kling-omni') return klingOmniInput(req, prompt, aspect, images);
  if (m.family === 'aleph') return alephInput(req, prompt, aspect, images.video);
  const input: Record<string, unknown> = {
    prompt,
    duration: Math.round(allowedDuration(m.durations, req.durationSec)),
  };
  if (images.first) input.image = images.first;
  if (images.last) input[m.lastFrameField] = images.last;
  input.aspect_ratio =
    images.first && m.family === 'seedance' ? 'adaptive' : nearestAspect(m.aspects, req.width, req.height);
  input.resolution = m.resolutions.includes('1080p') && Math.min(req.width, req.height) > 720 ? '1080p' : '720p';
  input.generate_audio = true;
  if (m.family === 'veo' && req.negativePrompt.trim()) input.negative_prompt = req.negativePrompt.trim();
  if (req.seed !== null) input.seed = req.seed;
  // References exclude first/last frames on both families; Veo's work only at 16:9 and 8 s.
  if (!images.first && !images.last && images.references?.length) {
    input.reference_images = images.references.slice(0, m.referenceImagesMax);
    if (m.family === 'veo') Object.assign(input, { duration: 8, aspect_ratio: '16:9' });
  }
  return input;
}
