/**
 * Kling Omni (POST /v1/videos/omni-video): one endpoint for text, first frame, first + last frame
 * and reference images, all as `image_list` entries. Pure: the adapter reads the pictures.
 *
 * Rules and their sources:
 *   [K] Kling's Omni-Video (O1) API page, first-party (Chinese edition, api-beijing), as copied at
 *       github.com/WHQ25/rawgenai docs/research/kling/omni-video-o1.md:
 *       - model_name `kling-video-o1`; prompt required, at most 2500 characters; images are named
 *         in the prompt as <<<image_N>>> (N = position in image_list, 1-based);
 *       - image_list `[{image_url, type?}]`, image_url raw base64 or URL, type `first_frame` or
 *         `end_frame` (no type: a reference picture); at most 7 images without a reference video;
 *         with more than 2 images no end frame;
 *       - mode `std` | `pro` (default pro); aspect_ratio 16:9 / 9:16 / 1:1, required without a
 *         first frame, not taken with one (FAQ 3);
 *       - duration a string "3".."10"; text-to-video and first-frame-only take only 5 or 10 (FAQ 1);
 *       - the field list has no negative_prompt, sound, cfg_scale or camera_control;
 *       - video_list entries are fetched by URL only ("通过URL方式获取"): a local take cannot be
 *         sent, so an extension is refused here;
 *       - task reads at GET /v1/videos/omni-video/{task_id | external_task_id}.
 *   [S] kling-v3-omni (Kling 3.0 Omni): 3-15 s, `sound` on/off (off with a reference video),
 *       end frame only with a first frame — secondary: https://docs.anyfast.ai/api-reference/model-api/kuaishou/kling-v3-omni,
 *       https://doc.ezmodel.cloud/en/kling/omni-video.html and Replicate's kwaivgi/kling-v3-omni-video
 *       schema ("end_image: Requires start_image"). Not confirmed on a first-party page: whether
 *       kling-v3-omni also limits text / first-frame-only to 5 or 10 s (the copies say 3-15).
 *   [F] sound in std mode on 3.0 Omni: fal's Kling O3 Standard endpoint bills "audio on" at
 *       standard (https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video, secondary).
 */
import { AppError } from '../../../../../shared/errors.js';
import type { DurationRule, ModelRule } from '../../../../../shared/generation/capabilities.js';
import { allowedDuration } from '../../../../../shared/generation/capabilities.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { FrameRef, GenerationRequest, ReferenceRef } from '../../../../../shared/generation/request.js';

export interface KlingOmniModel {
  id: string;
  label: string;
  /** Every duration the model takes (whole seconds). */
  durations: DurationRule;
  /** Text-to-video and first-frame-only take only these ([K] FAQ 1); null: the full range. */
  plainDurations: readonly number[] | null;
  /** Takes `sound: "on"` ([S]). */
  audio: boolean;
  /** The rules above, as the README's capability notes list them. */
  rules: readonly ModelRule[];
}

const K = 'Kling Omni-Video (O1) API page, copied at github.com/WHQ25/rawgenai docs/research/kling/omni-video-o1.md';
const S =
  'https://docs.anyfast.ai/api-reference/model-api/kuaishou/kling-v3-omni, https://doc.ezmodel.cloud/en/kling/omni-video.html';
const k = (rule: string): ModelRule => ({ rule, source: K, firstParty: true });
const OMNI_COMMON: readonly ModelRule[] = [
  k(
    'POST /v1/videos/omni-video; pictures in `image_list` as raw base64, `type` first_frame / end_frame, at most 7; an end frame only with 2 pictures or fewer (references are dropped beside an end frame).',
  ),
  k(
    '`aspect_ratio` only without a first frame; prompt required (at most 2500 characters), references named in it as <<<image_N>>>; no negative_prompt or camera_control (camera moves go in the prompt).',
  ),
  k('A source video is read from a web address only, so extending a local take is refused.'),
];

export const KLING_OMNI_MODELS: readonly KlingOmniModel[] = [
  {
    id: 'kling-video-o1',
    label: 'Kling O1 (Omni)',
    durations: { kind: 'range', min: 3, max: 10 },
    plainDurations: [5, 10],
    audio: false,
    rules: [
      ...OMNI_COMMON,
      k('Duration "3"-"10" s; text-only and first-frame-only take only 5 or 10 s. No `sound` field.'),
      {
        rule: 'Priced at $0.084/s (fal.ai Kling O1 Standard; no first-party Kling API price found).',
        source: 'https://fal.ai/models/fal-ai/kling-video/o1/standard/image-to-video/llms.txt',
        firstParty: false,
      },
    ],
  },
  {
    id: 'kling-v3-omni',
    label: 'Kling 3.0 Omni (sound)',
    durations: { kind: 'range', min: 3, max: 15 },
    plainDurations: null,
    audio: true,
    rules: [
      ...OMNI_COMMON,
      {
        rule: 'Duration 3-15 s; `sound` on / off (sent on). Unconfirmed first-party: a 5 / 10 s limit for text-only as on O1.',
        source: S,
        firstParty: false,
      },
      {
        rule: 'Sound is taken in std mode and priced $0.112/s (fal.ai Kling O3 Standard, audio on).',
        source: 'https://fal.ai/models/fal-ai/kling-video/o3/standard/image-to-video',
        firstParty: false,
      },
    ],
  },
];

/** At most 7 pictures without a reference video [K]. */
export const KLING_OMNI_IMAGES_MAX = 7;
const PROMPT_MAX = 2500;

export function klingOmniModel(id: string | null): KlingOmniModel | undefined {
  return KLING_OMNI_MODELS.find((m) => m.id === id);
}

/** The whole seconds sent: 5 or 10 for text / first frame only on O1, else the model's range. */
export function klingOmniDuration(m: KlingOmniModel, req: GenerationRequest): number {
  const plain = !req.lastFrame && !req.references?.length;
  const rule: DurationRule = plain && m.plainDurations ? { kind: 'set', values: [...m.plainDurations] } : m.durations;
  return Math.round(allowedDuration(rule, Math.round(req.durationSec)));
}

/** The references that go with the frames: none beside an end frame ([K]: > 2 images, no end frame). */
function omniReferences(req: GenerationRequest): ReferenceRef[] {
  if (req.lastFrame) return [];
  return (req.references ?? []).slice(0, KLING_OMNI_IMAGES_MAX - (req.firstFrame ? 1 : 0));
}

/** The pictures a request sends, in image_list order. */
export function klingOmniPictures(req: GenerationRequest): FrameRef[] {
  return [
    ...(req.firstFrame ? [req.firstFrame] : []),
    ...(req.lastFrame ? [req.lastFrame] : []),
    ...omniReferences(req),
  ];
}

/**
 * The create body. `image` reads a picture as raw base64; `aspect` is the Kling aspect string of
 * the project. The prompt names each reference picture as <<<image_N>>> so the model uses it [K].
 */
export function klingOmniBody(
  m: KlingOmniModel,
  req: GenerationRequest,
  image: (f: FrameRef) => string,
  aspect: string,
  externalTaskId?: string,
): Record<string, unknown> {
  const shot = `Shot ${req.shotNumber}`;
  if (req.extend)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: ${m.label} cannot extend a clip here (Kling Omni reads a source video only from a web address).`,
      { model: m.id },
    );
  if (req.multiShot)
    throw new AppError('INVALID_INPUT', `${shot}: ${m.label} is not offered for multi-shot clips; pick Kling 3.0.`, {
      model: m.id,
    });
  if (req.lastFrame && !req.firstFrame)
    throw new AppError(
      'INVALID_INPUT',
      `${shot} has a last frame but no first frame; ${m.label} needs the first frame too.`,
      { model: m.id },
    );
  const images: { image_url: string; type?: 'first_frame' | 'end_frame' }[] = [];
  if (req.firstFrame) images.push({ image_url: image(req.firstFrame), type: 'first_frame' });
  if (req.lastFrame) images.push({ image_url: image(req.lastFrame), type: 'end_frame' });
  const refs = omniReferences(req);
  const named = refs.map((r, i) => `${r.name?.trim() || r.kind || 'reference'} <<<image_${images.length + i + 1}>>>`);
  for (const r of refs) images.push({ image_url: image(r) });
  const base = shotPrompt(req, 'sentence');
  const prompt = named.length ? `${base}${base ? ' ' : ''}References: ${named.join(', ')}.` : base;
  if (!base)
    throw new AppError('INVALID_INPUT', `${shot} has no prompt; ${m.label} needs one.`, { shotId: req.shotId });
  if (prompt.length > PROMPT_MAX)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: the prompt is ${prompt.length} characters; ${m.label} takes at most ${PROMPT_MAX}.`,
      { model: m.id },
    );
  const body: Record<string, unknown> = { model_name: m.id, prompt };
  if (images.length) body.image_list = images;
  body.mode = 'std';
  // Not taken with a first frame; required without one [K] FAQ 3.
  if (!req.firstFrame) body.aspect_ratio = aspect;
  body.duration = String(klingOmniDuration(m, req));
  if (m.audio) body.sound = 'on';
  if (externalTaskId) body.external_task_id = externalTaskId;
  return body;
}
