/**
 * Seedance models on Volcengine Ark (China) and BytePlus ModelArk (international) and what each
 * can do (providers.md §9). The same model has a different id in each region, and a key works
 * only in its own region, so the id sent follows the base URL's region (seedanceRegion):
 *   - BytePlus: `dreamina-seedance-2-0-260128`, `dreamina-seedance-2-0-fast-260128`
 *     (https://docs.comfy.org/development/comfy-router/models/byteplus/dreamina-seedance-2-0-260128/code,
 *     https://docs.laozhang.ai/en/announcements/dreamina-seedance-2026-12.md — secondary) and the
 *     1.0 ids without a prefix, `seedance-1-0-pro-250528` … (ComfyUI nodes_bytedance.py, which
 *     calls BytePlus — secondary);
 *   - Volcengine: every id with the `doubao-` prefix, `doubao-seedance-2-0-260128`,
 *     `doubao-seedance-1-0-pro-250528` … (https://docs.crazyrouter.com/video/seedance, which
 *     proxies the Volcengine API — secondary; the first-party Volcengine page was not reached).
 * Our model ids are region-free; the old region ids are accepted as aliases (projects saved them).
 * The 2.0 models take their options as body fields; the 1.0 models as `--flag value` text
 * appended to the prompt (Ark's older text-command form, as ComfyUI's BytePlus nodes send).
 */
import type { DurationRule, ModelRule, ProviderCapabilities } from '../../../../../shared/generation/capabilities.js';
import type { Aspect, Resolution } from '../../../../../shared/model/format.js';
import type { ModelCatalogue } from '../catalogue.js';
import { SEEDANCE_RULES } from './rules.js';

export type SeedanceRegion = 'intl' | 'cn';

export interface SeedanceModel {
  id: string;
  label: string;
  /** The id sent, per region. */
  wire: Record<SeedanceRegion, string>;
  /** Options as body fields (2.0) or as text flags (1.0). */
  style: 'fields' | 'flags';
  textToVideo: boolean;
  imageToVideo: boolean;
  lastFrame: boolean;
  referenceImagesMax: number;
  /**
   * Reference mode makes the video from the prompt and reference pictures without a first frame
   * (1.0 lite i2v "reference images" mode, ComfyUI ByteDanceImageReferenceNode — secondary).
   * Such a model declares needsReferences 'withoutFirstFrame': the capability check refuses a
   * shot with neither a first frame nor references (and the body does too).
   */
  needsPicture: boolean;
  audio: boolean;
  durations: DurationRule;
  resolutions: readonly Resolution[];
  /** The highest `resolution` value the model takes ("480p" | "720p" | "1080p"). */
  maxResolution: '720p' | '1080p';
  /** Its request rules with sources (rules.ts; README capability notes). */
  rules?: readonly ModelRule[];
}

/** The project aspects Seedance renders natively (Ark also has 4:3, 3:4 and `adaptive`). */
export const SEEDANCE_ASPECTS: readonly Aspect[] = ['16:9', '9:16', '1:1', '21:9'];
const HD: readonly Resolution[] = ['720p', '1080p'];
// 2.0 / 2.0 Fast: 4-15 s (crazyrouter's copy of the Ark parameters, secondary); 1.0: 3-12 s
// (ComfyUI's BytePlus nodes, secondary).
const TWO: DurationRule = { kind: 'range', min: 4, max: 15 };
const ONE: DurationRule = { kind: 'range', min: 3, max: 12 };
const ids = (name: string, date: string, intlPrefix = ''): Record<SeedanceRegion, string> => ({
  intl: `${intlPrefix}seedance-${name}-${date}`,
  cn: `doubao-seedance-${name}-${date}`,
});

const MODELS: readonly SeedanceModel[] = [
  {
    id: 'seedance-2-0',
    label: 'Seedance 2.0',
    wire: ids('2-0', '260128', 'dreamina-'),
    style: 'fields',
    textToVideo: true,
    imageToVideo: true,
    lastFrame: true,
    // Up to 9 reference images (crazyrouter: "最多 9 张图片"; Runway's Seedance 2 page says 9 too).
    referenceImagesMax: 9,
    needsPicture: false,
    audio: true,
    durations: TWO,
    resolutions: HD,
    maxResolution: '1080p',
  },
  {
    // Fast renders 480p and 720p only (laozhang: "2.0 Fast ... 480p and 720p"; crazyrouter).
    id: 'seedance-2-0-fast',
    label: 'Seedance 2.0 Fast',
    wire: ids('2-0-fast', '260128', 'dreamina-'),
    style: 'fields',
    textToVideo: true,
    imageToVideo: true,
    lastFrame: true,
    referenceImagesMax: 9,
    needsPicture: false,
    audio: true,
    durations: TWO,
    resolutions: ['720p'],
    maxResolution: '720p',
  },
  {
    id: 'seedance-1-0-pro',
    label: 'Seedance 1.0 Pro',
    wire: ids('1-0-pro', '250528'),
    style: 'flags',
    textToVideo: true,
    imageToVideo: true,
    lastFrame: true,
    referenceImagesMax: 0,
    needsPicture: false,
    audio: false,
    durations: ONE,
    resolutions: HD,
    maxResolution: '1080p',
  },
  {
    id: 'seedance-1-0-lite-t2v',
    label: 'Seedance 1.0 Lite (text)',
    wire: ids('1-0-lite-t2v', '250428'),
    style: 'flags',
    textToVideo: true,
    imageToVideo: false,
    lastFrame: false,
    referenceImagesMax: 0,
    needsPicture: false,
    audio: false,
    durations: ONE,
    resolutions: HD,
    maxResolution: '1080p',
  },
  {
    id: 'seedance-1-0-lite-i2v',
    label: 'Seedance 1.0 Lite (image or references)',
    wire: ids('1-0-lite-i2v', '250428'),
    style: 'flags',
    textToVideo: true,
    imageToVideo: true,
    lastFrame: true,
    referenceImagesMax: 4,
    needsPicture: true,
    audio: false,
    durations: ONE,
    resolutions: HD,
    maxResolution: '1080p',
  },
];

export const SEEDANCE_MODELS: readonly SeedanceModel[] = MODELS.map((m) =>
  SEEDANCE_RULES[m.id] ? { ...m, rules: SEEDANCE_RULES[m.id] } : m,
);

export const DEFAULT_SEEDANCE_MODEL = 'seedance-2-0';

/** A model by our id or by either region's wire id (older projects stored those). */
export function seedanceModel(id: string | null): SeedanceModel | undefined {
  const want = id ?? DEFAULT_SEEDANCE_MODEL;
  return SEEDANCE_MODELS.find((m) => m.id === want || m.wire.intl === want || m.wire.cn === want);
}

/**
 * The region of a base URL: Volcengine hosts (`*.volces.com`) are China, BytePlus hosts
 * (`*.bytepluses.com`) international. Secondary sources only (rules.ts REGION: Bifrost's BytePlus
 * page, "API keys belong to one region"; the hosts are the ones providers.md §9 lists); the
 * first-party Volcengine page was not reached. A gateway or proxy says so with STORYBOARD_SEEDANCE_REGION
 * (`cn` | `intl`); otherwise international, the default base URL's region.
 */
export function seedanceRegion(baseUrl: string, env: Record<string, string | undefined> = {}): SeedanceRegion {
  const set = env.STORYBOARD_SEEDANCE_REGION?.trim().toLowerCase();
  if (set === 'cn' || set === 'intl') return set;
  let host = '';
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    /* not a URL: the default region */
  }
  return /(^|\.)volces\.com$|(^|\.)volcengine\.com$/.test(host) ? 'cn' : 'intl';
}

/** What one model can do, in the shared shape (the UI reads it through modelCapabilities). */
export function seedanceModelCapabilities(m: SeedanceModel): Omit<ProviderCapabilities, 'models'> {
  return {
    textToVideo: m.textToVideo,
    imageToVideo: m.imageToVideo,
    lastFrame: m.lastFrame,
    referenceImagesMax: m.referenceImagesMax,
    ...(m.needsPicture ? { needsReferences: 'withoutFirstFrame' as const } : {}),
    // 1.0: `--camerafixed` for a static shot; every model: the move as a prompt sentence (body.ts).
    extend: false,
    audio: m.audio,
    cameraMoves: m.style === 'flags' ? 'field' : 'prompt',
    durations: m.durations,
    aspects: SEEDANCE_ASPECTS,
    resolutions: m.resolutions,
  };
}

export const SEEDANCE_CATALOGUE: ModelCatalogue<SeedanceModel> = {
  provider: 'seedance',
  label: 'Seedance',
  models: SEEDANCE_MODELS,
  find: seedanceModel,
  capabilities: seedanceModelCapabilities,
};
