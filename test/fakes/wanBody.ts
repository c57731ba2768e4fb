/**
 * What the fake DashScope takes in a Wan create's body (providers.md §8; field combinations from
 * the API references named in wan.ts and wanRules.ts): the two create paths, the known models,
 * image and URL fields, the r2v reference protocols and the parameters every model shares; each
 * model's own sizes, tiers and durations are wanRules.ts. A problem is the `message` of
 * DashScope's 400 InvalidParameter.
 */
import type { OssUpload } from './wanOss.js';
import { wanModelProblem } from './wanRules.js';

export const WAN_VIDEO = '/api/v1/services/aigc/video-generation/video-synthesis';
export const WAN_KF2V = '/api/v1/services/aigc/image2video/video-synthesis';
export const WAN_MODELS = new Set([
  'wan2.6-t2v',
  'wan2.2-t2v-plus',
  'wanx2.1-t2v-turbo',
  'wan2.7-i2v',
  'wan2.6-i2v',
  'wan2.6-i2v-flash',
  'wan2.2-i2v-plus',
  'wan2.2-i2v-flash',
  'wan2.2-kf2v-flash',
  'wan2.7-r2v',
  'wan2.6-r2v',
  'wan2.6-r2v-flash',
]);
const IMAGE = /^(https?:\/\/|data:image\/(png|jpeg|jpg|webp|bmp);base64,[A-Za-z0-9+/]+=*$)/;
const BAD_URL =
  'InternalError.Algo.InvalidParameter: The provided URL does not appear to be valid. Ensure it is correctly formatted.';
const SIZES = new Set([
  '1280*720',
  '720*1280',
  '960*960',
  '1088*832',
  '832*1088',
  '1920*1080',
  '1080*1920',
  '1440*1440',
  '1632*1248',
  '1248*1632',
]);
const RATIOS = new Set(['16:9', '9:16', '1:1', '4:3', '3:4']);

export interface CreateContext {
  uploads: readonly OssUpload[];
  ossResolve: boolean;
}

/**
 * r2v URL fields take a public http(s) URL or an `oss://` temporary URL uploaded for the same
 * model, read only with X-DashScope-OssResourceResolve (get-temporary-file-url page); no data URIs.
 */
function urlProblem(url: unknown, model: string, c: CreateContext): string | null {
  if (typeof url !== 'string') return BAD_URL;
  if (/^https?:\/\//.test(url)) return null;
  if (!url.startsWith('oss://')) return BAD_URL;
  if (!c.ossResolve) return BAD_URL;
  return c.uploads.some((u) => `oss://${u.key}` === url && u.model === model) ? null : BAD_URL;
}

function intIn(v: unknown, min: number, max: number): boolean {
  return v === undefined || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);
}

function r2vProblem(
  model: string,
  input: Record<string, unknown>,
  params: Record<string, unknown>,
  c: CreateContext,
): string | null {
  if (model.startsWith('wan2.6-r2v')) {
    // Legacy protocol: reference_urls + size "W*H" (wan2.6-r2v pages).
    if (input.media !== undefined || input.img_url !== undefined)
      return `Field not supported by ${model}: use input.reference_urls`;
    const urls = input.reference_urls;
    if (!Array.isArray(urls) || urls.length < 1 || urls.length > 5) return 'input.reference_urls must hold 1 to 5 URLs';
    for (const u of urls) if (urlProblem(u, model, c)) return urlProblem(u, model, c);
    if (params.resolution !== undefined) return 'parameters.resolution is not supported; set parameters.size as W*H';
    if (params.size !== undefined && !SIZES.has(String(params.size)))
      return `The size is not match: ${String(params.size)}`;
    if (!intIn(params.duration, 2, 10)) return 'parameters.duration must be an integer in [2, 10]';
    if (params.shot_type !== undefined && !['single', 'multi'].includes(String(params.shot_type)))
      return 'parameters.shot_type must be single or multi';
    if (params.audio !== undefined && !model.endsWith('-flash'))
      return `parameters.audio is supported by wan2.6-r2v-flash only`;
    return null;
  }
  // wan2.7-r2v: media of reference_image / reference_video (<= 5) + at most one first_frame.
  if (input.reference_urls !== undefined || params.size !== undefined) return 'Field required: input.media';
  const media = input.media as { type?: unknown; url?: unknown }[] | undefined;
  if (!Array.isArray(media)) return 'Field required: input.media';
  for (const [i, m] of media.entries()) {
    if (!['reference_image', 'reference_video', 'first_frame'].includes(String(m.type))) {
      return `Input should be 'reference_image', 'reference_video' or 'first_frame': input.media.${i}.type`;
    }
    const bad = urlProblem(m.url, model, c);
    if (bad) return bad;
  }
  const refs = media.filter((m) => String(m.type).startsWith('reference_')).length;
  if (refs < 1 || refs > 5) return 'input.media needs 1 to 5 reference_image / reference_video items';
  if (media.filter((m) => m.type === 'first_frame').length > 1) return 'input.media takes at most one first_frame';
  if (params.resolution !== undefined && !['720P', '1080P'].includes(String(params.resolution)))
    return 'parameters.resolution must be 720P or 1080P';
  if (params.ratio !== undefined && !RATIOS.has(String(params.ratio)))
    return 'parameters.ratio must be 16:9, 9:16, 1:1, 4:3 or 3:4';
  return intIn(params.duration, 2, media.some((m) => m.type === 'reference_video') ? 10 : 15)
    ? null
    : 'parameters.duration is out of range';
}

/** Why DashScope refuses this create body (its 400 message), or null. */
export function wanBodyProblem(path: string, b: Record<string, unknown>, c: CreateContext): string | null {
  const input = (b.input ?? {}) as Record<string, unknown>;
  const params = (b.parameters ?? {}) as Record<string, unknown>;
  if (typeof b.model !== 'string' || !WAN_MODELS.has(b.model)) return 'Model not exist.';
  if (typeof b.input !== 'object') return 'input is required';
  const model = b.model;
  const img = (v: unknown): boolean => typeof v === 'string' && IMAGE.test(v);
  if (path === WAN_KF2V) {
    if (!model.includes('kf2v')) return `Model ${model} is not a kf2v model`;
    if (!img(input.first_frame_url)) return 'input.first_frame_url must be a URL or data URI';
  } else if (model.includes('kf2v')) {
    return 'Model not exist.'; // kf2v lives on the image2video path
  } else if (model.includes('r2v')) {
    return r2vProblem(model, input, params, c);
  } else if (model.includes('t2v')) {
    if (input.img_url !== undefined) return 't2v takes no img_url';
    if (params.size !== undefined && !/^\d+\*\d+$/.test(String(params.size))) return 'parameters.size must be W*H';
  } else if (model.startsWith('wan2.7')) {
    const media = input.media as { type?: string; url?: unknown }[] | undefined;
    if (!Array.isArray(media) || !media.some((m) => m.type === 'first_frame' && img(m.url)))
      return 'input.media needs a first_frame';
  } else if (!img(input.img_url)) {
    return 'input.img_url must be a URL or data URI';
  }
  if (params.resolution !== undefined && !['480P', '720P', '1080P'].includes(String(params.resolution)))
    return 'parameters.resolution must be 480P, 720P or 1080P';
  if (params.duration !== undefined && !Number.isInteger(params.duration))
    return 'parameters.duration must be an integer';
  // Each model's own sizes, tiers and durations (wanRules.ts).
  return wanModelProblem(model, params);
}
