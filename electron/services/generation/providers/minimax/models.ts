/**
 * MiniMax (Hailuo) models, what each can do, and the create body (providers.md §6). Pure.
 * One endpoint for every kind (POST /v1/video_generation); the model decides what it takes:
 * Hailuo 2.3 / 02 do text and first frame (02 also the last frame), the -01 models are
 * text-only (T2V) or image-only (I2V), S2V-01 takes one subject reference.
 */
import { AppError } from '../../../../../shared/errors.js';
import type { ModelRule, ProviderCapabilities } from '../../../../../shared/generation/capabilities.js';
import { allowedDuration, modelCapabilities } from '../../../../../shared/generation/capabilities.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { FrameRef, GenerationRequest } from '../../../../../shared/generation/request.js';

type Caps = Partial<Omit<ProviderCapabilities, 'models'>>;
const ONLY_6S: Caps = { durations: { kind: 'set', values: [6] }, resolutions: ['720p'] };
const T2V_ONLY: Caps = { ...ONLY_6S, imageToVideo: false };
const I2V_ONLY: Caps = { ...ONLY_6S, textToVideo: false };

/**
 * MiniMax's own API pages (platform.minimax.io) were not in the searchable corpus (2026-12-07):
 * each rule below cites the closest secondary source, and says so.
 */
const HAILUO_RULES: readonly ModelRule[] = [
  {
    rule: '`resolution` 1080P only at 6 s; 768P otherwise (10 s is 768P only). Unconfirmed first-party: from ComfyUI\'s MiniMax node ("when using MiniMax-Hailuo-02 at 1080P, the duration is limited to 6 s") and Replicate\'s Hailuo 2.3 schema.',
    source:
      'https://docs.comfy.org/built-in-nodes/MinimaxHailuoVideoNode; https://replicate.com/minimax/hailuo-2.3/versions/23a02633b5a44780345a59d4d43f8bd510efa239c56f08f29639ff24fa6615e1/api',
    firstParty: false,
  },
];
const FIXED_720P_RULE: ModelRule = {
  rule: 'The -01 models are fixed at 720P and 6 s: no `resolution` is sent. Unconfirmed first-party: a reseller\'s copy of MiniMax\'s T2V-01 reference ("T2V-01 model fixed as 720P").',
  source: 'https://doc.vtrix.ai/docs/api/minimax/minimax-t2v-01',
  firstParty: false,
};
const NO_REFERENCE_RULE: ModelRule = {
  rule: "Takes no reference picture: `subject_reference` is S2V-01's alone; a shot's references are left out. Unconfirmed first-party: 302.ai's copy of MiniMax's reference (\"only available when the model is selected as S2V-01\").",
  source: 'https://302.ai/product/detail/minimax-s2v-01',
  firstParty: false,
};
const S2V_RULES: readonly ModelRule[] = [
  {
    rule: "`subject_reference` is one `{type: \"character\", image: [..]}` (a single subject) and required. Unconfirmed first-party: 302.ai's copy of MiniMax's reference and ComfyUI's MinimaxSubjectToVideoNode.",
    source:
      'https://302.ai/product/detail/minimax-s2v-01; https://docs.comfy.org/built-in-nodes/MinimaxSubjectToVideoNode',
    firstParty: false,
  },
  FIXED_720P_RULE,
];
const ONE_OH_ONE: readonly ModelRule[] = [FIXED_720P_RULE, NO_REFERENCE_RULE];

/** Provider defaults (= Hailuo 2.3, the first model) and per-model differences. */
export const MINIMAX_CAPABILITIES: ProviderCapabilities = {
  textToVideo: true,
  imageToVideo: true,
  lastFrame: false,
  referenceImagesMax: 0,
  extend: false,
  audio: false,
  // Camera commands in [brackets] in the prompt (MINIMAX_CAMERA_COMMANDS) on the models that read
  // them; a camera sentence on the others.
  cameraMoves: 'prompt',
  durations: { kind: 'set', values: [6, 10] },
  // The image (or the model's default 16:9) sets the shape; the take is conformed on export.
  aspects: 'any',
  resolutions: ['720p', '1080p'],
  models: [
    { id: 'MiniMax-Hailuo-2.3', label: 'Hailuo 2.3', rules: [...HAILUO_RULES, NO_REFERENCE_RULE] },
    {
      id: 'MiniMax-Hailuo-02',
      label: 'Hailuo 02 (first + last frame)',
      capabilities: { lastFrame: true },
      rules: [...HAILUO_RULES, NO_REFERENCE_RULE],
    },
    {
      id: 'S2V-01',
      label: 'S2V-01 (subject reference)',
      // The subject picture is required: S2V-01 animates that subject (ComfyUI MinimaxSubjectToVideoNode,
      // `subject` required — https://docs.comfy.org/built-in-nodes/MinimaxSubjectToVideoNode, secondary).
      capabilities: { ...ONLY_6S, imageToVideo: false, referenceImagesMax: 1, needsReferences: 'always' },
      rules: S2V_RULES,
    },
    { id: 'T2V-01-Director', label: 'T2V-01 Director ([camera] moves)', capabilities: T2V_ONLY, rules: ONE_OH_ONE },
    { id: 'T2V-01', label: 'T2V-01', capabilities: T2V_ONLY, rules: ONE_OH_ONE },
    { id: 'I2V-01-Director', label: 'I2V-01 Director', capabilities: I2V_ONLY, rules: ONE_OH_ONE },
    { id: 'I2V-01-live', label: 'I2V-01 Live', capabilities: I2V_ONLY, rules: ONE_OH_ONE },
    { id: 'I2V-01', label: 'I2V-01', capabilities: I2V_ONLY, rules: ONE_OH_ONE },
  ],
};
export const DEFAULT_MINIMAX_MODEL = 'MiniMax-Hailuo-2.3';
const HAILUO = new Set(['MiniMax-Hailuo-2.3', 'MiniMax-Hailuo-02']);
/**
 * The models that read "[Push in]"-style camera commands: Hailuo 02 / 2.3 and the Director
 * models ("supported by MiniMax-Hailuo-2.3, MiniMax-Hailuo-02, T2V-01-Director, I2V-01-Director" —
 * MiniMax video generation guide, https://platform.minimax.io/docs/guides/video-generation, first-party).
 */
export const CAMERA_COMMANDS = new Set([...HAILUO, 'T2V-01-Director', 'I2V-01-Director']);

/**
 * The body of POST /v1/video_generation. `image` gives a frame as a data URI. Hailuo models
 * take `resolution` (1080P only for 6 s; else 768P); the -01 models are fixed at 720P.
 */
export function minimaxBody(req: GenerationRequest, image: (f: FrameRef) => string): Record<string, unknown> {
  const model = req.model ?? DEFAULT_MINIMAX_MODEL;
  const known = MINIMAX_CAPABILITIES.models.some((m) => m.id === model);
  if (!known)
    throw new AppError(
      'INVALID_INPUT',
      `MiniMax has no model "${model}". Models: ${MINIMAX_CAPABILITIES.models.map((m) => m.id).join(', ')}.`,
      { model },
    );
  const caps = modelCapabilities(MINIMAX_CAPABILITIES, model);
  const shot = `Shot ${req.shotNumber}`;
  // References are attached to every shot with elements; only S2V-01 takes one (a subject),
  // preferring a character's picture. Other models generate without them.
  const all = req.references ?? [];
  const refs =
    caps.referenceImagesMax > 0
      ? [...all.filter((r) => r.kind === 'character'), ...all.filter((r) => r.kind !== 'character')].slice(
          0,
          caps.referenceImagesMax,
        )
      : [];
  const prompt = shotPrompt(req, CAMERA_COMMANDS.has(model) ? 'minimax' : 'sentence');
  if (req.extend)
    throw new AppError('INVALID_INPUT', `${shot} extends a take, but MiniMax cannot extend a clip.`, { model });
  if (req.firstFrame && !caps.imageToVideo)
    throw new AppError('INVALID_INPUT', `${shot} has a first frame, but MiniMax ${model} cannot start from an image.`, {
      model,
    });
  if (!req.firstFrame && !caps.textToVideo)
    throw new AppError('INVALID_INPUT', `${shot}: MiniMax ${model} needs a first frame.`, { model });
  if (req.lastFrame && !caps.lastFrame)
    throw new AppError(
      'INVALID_INPUT',
      `${shot} has a last frame; of MiniMax's models only MiniMax-Hailuo-02 can end on one.`,
      { model },
    );
  if (model === 'S2V-01' && refs.length === 0)
    throw new AppError('INVALID_INPUT', `${shot}: S2V-01 needs a subject reference image.`, { model });
  if (!prompt && !req.firstFrame)
    throw new AppError('INVALID_INPUT', `${shot} has no prompt; MiniMax needs one to generate from text.`, {
      shotId: req.shotId,
    });
  const duration = allowedDuration(caps.durations, req.durationSec);
  const body: Record<string, unknown> = { model };
  if (prompt) body.prompt = prompt.slice(0, 2000);
  body.duration = duration;
  if (HAILUO.has(model)) body.resolution = req.height >= 1080 && duration === 6 ? '1080P' : '768P';
  if (req.firstFrame) body.first_frame_image = image(req.firstFrame);
  if (req.lastFrame) body.last_frame_image = image(req.lastFrame);
  if (refs.length) body.subject_reference = refs.map((r) => ({ type: 'character', image: [image(r)] }));
  return body;
}
