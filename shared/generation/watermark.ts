/**
 * The providers whose API lets the caller choose a visible watermark on the generated clip, the
 * field it goes in, and where that is written. The setting is per provider (Settings, or
 * STORYBOARD_<PROVIDER>_WATERMARK=1|0); DEFAULT_WATERMARK applies when the user has not chosen.
 * Providers not listed here have no such field (Veo always embeds SynthID, Runway, Luma, MiniMax
 * and the gateways document none): their setting is not offered. Pure.
 */

/** Off unless the user turns it on: a take is footage for the cut, and each API's own default is off. */
export const DEFAULT_WATERMARK = false;

export interface WatermarkField {
  /** The request field, as the provider names it. */
  field: string;
  /** Where the field is documented (first-party unless marked secondary). */
  source: string;
}

export const WATERMARK_FIELDS: Readonly<Record<string, WatermarkField>> = {
  wan: {
    field: 'parameters.watermark (adds "AI生成" bottom right; default false)',
    source:
      'https://www.alibabacloud.com/help/en/model-studio/image-to-video-api-reference/ and the legacy text-to-video page (first-party)',
  },
  seedance: {
    field: 'watermark (2.0 body field) / --watermark (1.0 text flag); default false',
    source:
      'ModelArk video generation API as copied by docs.comfy.org (byteplus dreamina-seedance-2-0) and docs.crazyrouter.com/video/seedance (secondary)',
  },
  kling: {
    field: 'watermark_info: { enabled } (the task then also answers videos[].watermark_url)',
    source:
      'Kling capability map via @ai-sdk/klingai KlingAIVideoModelOptions.watermarkEnabled (github.com/vercel/ai packages/klingai, secondary)',
  },
  vidu: {
    field: 'watermark (boolean; default false)',
    source: 'Vidu task request as the Comfy API proxy publishes it (docs.comfy.org post-proxyviduimg2video, secondary)',
  },
};

export function hasWatermarkSetting(providerId: string): boolean {
  return Object.hasOwn(WATERMARK_FIELDS, providerId);
}

/** The effective choice: the environment ('1'/'true' or '0'/'false') wins, then the saved one, then the default. */
export function resolveWatermark(providerId: string, saved: boolean | undefined, env: string | undefined): boolean {
  if (!hasWatermarkSetting(providerId)) return false;
  if (env !== undefined && /^(1|true|on)$/i.test(env.trim())) return true;
  if (env !== undefined && /^(0|false|off)$/i.test(env.trim())) return false;
  return saved ?? DEFAULT_WATERMARK;
}
