/**
 * Per-model input rules of the Replicate models that take a clip, written from each model's own
 * API page on replicate.com (first-party, read 2026-12-06) — NOT from the adapter's tables:
 *   - kwaivgi/kling-v3-omni-video (…/versions/1d449e25…/api): prompt (required, max 2500
 *     characters), start_image, end_image ("Requires start_image"), reference_images ("Max 7
 *     without video, 4 with video"), reference_video, video_reference_type feature | base,
 *     keep_original_sound, generate_audio ("Mutually exclusive with reference video"), mode
 *     standard | pro, aspect_ratio 16:9 | 9:16 | 1:1, duration integer 3-15, multi_prompt.
 *   - runwayml/gen4-aleph (…/versions/35e570d1…/api): prompt, video (required), aspect_ratio,
 *     seed (integer), reference_images ("Up to 3"). The page lists no aspect values; the fake
 *     takes Runway's own six (16:9, 9:16, 4:3, 3:4, 1:1, 21:9).
 * A refusal is Replicate's 422 problem detail: title "Input validation failed", detail "- input.<field>: …".
 *
 * A clip's frame rate is no field of the schema, so Replicate takes the create; the model reads the
 * clip and the prediction ends `failed` with its reason in `error` (the prediction object, Replicate
 * HTTP API https://replicate.com/docs/reference/http#predictions.get — first-party). The 24-60 fps
 * range is fal's for the same Kling video input (fal Kling O1 Edit page — secondary for Replicate,
 * whose page states none); the adapter refuses outside it before sending when it knows the rate.
 */
import type { ClipFacts } from './clipProbe.js';

type Rule = readonly (string | number)[] | 'string' | 'boolean' | 'integer' | 'image' | 'video' | 'images';

interface ModelRules {
  fields: Record<string, Rule>;
  required: readonly string[];
  /** The first cross-field rule the input breaks, as "<field>: <message>", or null. */
  combos?: (input: Record<string, unknown>) => string | null;
  ints?: Record<string, [number, number]>;
}

const IMAGE = /^(data:image\/[\w.+-]+;base64,|https:\/\/)/;
const VIDEO = /^(data:video\/[\w.+-]+;base64,|https:\/\/)/;

export const REPLICATE_MODEL_RULES: Record<string, ModelRules> = {
  'kwaivgi/kling-v3-omni-video': {
    required: ['prompt'],
    fields: {
      prompt: 'string',
      start_image: 'image',
      end_image: 'image',
      reference_images: 'images',
      reference_video: 'video',
      video_reference_type: ['feature', 'base'],
      keep_original_sound: 'boolean',
      generate_audio: 'boolean',
      mode: ['standard', 'pro'],
      aspect_ratio: ['16:9', '9:16', '1:1'],
      duration: 'integer',
      multi_prompt: 'string',
    },
    ints: { duration: [3, 15] },
    combos: (i) => {
      if (typeof i.prompt === 'string' && i.prompt.length > 2500) return 'prompt: String length must be at most 2500';
      if (i.end_image !== undefined && i.start_image === undefined) return 'end_image: requires start_image';
      const refs = Array.isArray(i.reference_images) ? i.reference_images.length : 0;
      const max = i.reference_video !== undefined ? 4 : 7;
      if (refs > max) return `reference_images: Array must have at most ${max} items`;
      if (i.reference_video !== undefined && i.generate_audio === true)
        return 'generate_audio: mutually exclusive with reference_video';
      return null;
    },
  },
  'runwayml/gen4-aleph': {
    required: ['prompt', 'video'],
    fields: {
      prompt: 'string',
      video: 'video',
      aspect_ratio: ['16:9', '9:16', '4:3', '3:4', '1:1', '21:9'],
      seed: 'integer',
      reference_images: 'images',
    },
    combos: (i) =>
      Array.isArray(i.reference_images) && i.reference_images.length > 3
        ? 'reference_images: Array must have at most 3 items'
        : null,
  },
};

/** The first rule of the model's page the input breaks, as Replicate words it, or null (or no rules for the model). */
export function replicateInputProblem(model: string, input: Record<string, unknown>): string | null {
  const r = REPLICATE_MODEL_RULES[model];
  if (!r) return null;
  for (const f of r.required) if (input[f] === undefined) return `- input: ${f} is required`;
  for (const [k, v] of Object.entries(input)) {
    const rule = r.fields[k];
    if (!rule) return `- input: Additional property ${k} is not allowed`;
    if (Array.isArray(rule) && !rule.includes(v as string))
      return `- input.${k}: ${k} must be one of the following: ${rule.map((x) => `"${x}"`).join(', ')}`;
    if (rule === 'string' && typeof v !== 'string') return `- input.${k}: Invalid type. Expected: string`;
    if (rule === 'boolean' && typeof v !== 'boolean') return `- input.${k}: Invalid type. Expected: boolean`;
    if (rule === 'integer' && !Number.isInteger(v)) return `- input.${k}: Invalid type. Expected: integer`;
    if (rule === 'image' && !(typeof v === 'string' && IMAGE.test(v)))
      return `- input.${k}: Does not match format 'uri'`;
    if (rule === 'video' && !(typeof v === 'string' && VIDEO.test(v)))
      return `- input.${k}: Does not match format 'uri'`;
    if (rule === 'images' && !(Array.isArray(v) && v.every((x) => typeof x === 'string' && IMAGE.test(x))))
      return `- input.${k}: Invalid type. Expected: array of uri`;
    const range = r.ints?.[k];
    if (range && typeof v === 'number' && (v < range[0] || v > range[1]))
      return `- input.${k}: Must be ${v < range[0] ? `greater than or equal to ${range[0]}` : `less than or equal to ${range[1]}`}`;
  }
  const combo = r.combos?.(input);
  return combo ? `- input.${combo}` : null;
}

/** The models that read a clip's frame rate: the input field holding the clip and the rates they take. */
export const REPLICATE_CLIP_FPS: Record<string, { field: string; minFps: number; maxFps: number }> = {
  'kwaivgi/kling-v3-omni-video': { field: 'reference_video', minFps: 24, maxFps: 60 },
};

/** Why the model fails a prediction on this clip (its `error`), or null. */
export function replicateClipFailure(model: string, clip: ClipFacts): string | null {
  const l = REPLICATE_CLIP_FPS[model];
  if (!l || (clip.fps >= l.minFps && clip.fps <= l.maxFps)) return null;
  return `Prediction failed: Video frame rate must be between ${l.minFps} and ${l.maxFps} FPS; got ${clip.fps.toFixed(1)}.`;
}
