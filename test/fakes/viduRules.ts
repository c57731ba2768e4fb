/**
 * Which Vidu model each endpoint takes, and each model's durations, resolutions and body fields,
 * written from Vidu's platform pages and their copies — NOT from the adapter's vidu/models.ts:
 *   - text-to-video page (https://platform.vidu.com/docs/text-to-video, first-party; copy
 *     https://oss.gptproto.com/gptproto-feishu-extract/Vidu-Text-to-video.txt): models viduq3-pro,
 *     viduq3-turbo, viduq2, viduq1; durations q3 1-16, q2 1-10, q1 5; fields model, prompt, style,
 *     duration, seed, aspect_ratio, resolution, movement_amplitude, bgm, payload, callback_url;
 *   - reference-to-video page (https://platform.vidu.com/docs/reference-to-video, first-party):
 *     viduq2, viduq1, vidu2.0, vidu1.5, 1-7 images;
 *   - img2video and start-end2video take the q3 and q1 models, not viduq2 (which is text and
 *     reference only): the independent wire check of 2026-12 against the platform pages, and
 *     Muapi's Vidu list (Q3 Pro/Turbo: text, image, first-last frames; https://muapi.ai/vidu,
 *     secondary); q1 renders 1080p only (civitai's Vidu recipe, secondary).
 * A refusal is Vidu's `{code: 400, reason: 'BadRequest', message, metadata}`.
 */
type Endpoint = '/text2video' | '/img2video' | '/start-end2video' | '/reference2video';

interface ViduModelRule {
  endpoints: Endpoint[];
  durations: [number, number];
  resolutions: string[];
}

export const VIDU_MODEL_RULES: Record<string, ViduModelRule> = {
  'viduq3-pro': {
    endpoints: ['/text2video', '/img2video', '/start-end2video'],
    durations: [1, 16],
    resolutions: ['540p', '720p', '1080p'],
  },
  'viduq3-turbo': {
    endpoints: ['/text2video', '/img2video', '/start-end2video'],
    durations: [1, 16],
    resolutions: ['540p', '720p', '1080p'],
  },
  viduq2: {
    endpoints: ['/text2video', '/reference2video'],
    durations: [1, 10],
    resolutions: ['540p', '720p', '1080p'],
  },
  viduq1: {
    endpoints: ['/text2video', '/img2video', '/start-end2video', '/reference2video'],
    durations: [5, 5],
    resolutions: ['1080p'],
  },
};

/** The fields every create endpoint takes (Vidu's create pages); each endpoint adds its own. */
const CREATE_FIELDS = [
  'model',
  'prompt',
  'duration',
  'seed',
  'resolution',
  'movement_amplitude',
  'bgm',
  'payload',
  'watermark',
  'callback_url',
];
const FIELDS: Record<Endpoint, string[]> = {
  '/text2video': [...CREATE_FIELDS, 'style', 'aspect_ratio'],
  '/img2video': [...CREATE_FIELDS, 'images'],
  '/start-end2video': [...CREATE_FIELDS, 'images'],
  '/reference2video': [...CREATE_FIELDS, 'images', 'aspect_ratio'],
};

export function viduModelProblem(path: string, b: Record<string, unknown>): string | null {
  const endpoint = path as Endpoint;
  const unknown = Object.keys(b).filter((k) => !(FIELDS[endpoint] ?? []).includes(k));
  if (unknown.length) return `unknown field ${unknown.join(', ')} for ${path}`;
  const model = String(b.model);
  const rule = VIDU_MODEL_RULES[model];
  if (!rule) return `model ${model} is not supported`;
  if (!rule.endpoints.includes(endpoint)) return `model ${model} is not supported by ${path}`;
  if (b.duration !== undefined && !(Number(b.duration) >= rule.durations[0] && Number(b.duration) <= rule.durations[1]))
    return `duration ${String(b.duration)} is not supported by ${model}`;
  if (b.resolution !== undefined && !rule.resolutions.includes(String(b.resolution)))
    return `resolution ${String(b.resolution)} is not supported by ${model}`;
  return null;
}
