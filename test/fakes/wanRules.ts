/**
 * Per-model sizes, resolution tiers and durations DashScope accepts for Wan, written from
 * Alibaba Cloud Model Studio's own API references — NOT from the adapter's wan/models.ts:
 *   - t2v `parameters.size` per model: wan2.6-t2v 720P/1080P sizes; wan2.2-t2v-plus 480P and
 *     1080P sizes only; wanx2.1-t2v-turbo 480P and 720P sizes only — "Wan text-to-video API
 *     reference (2.1-2.6)", https://www.alibabacloud.com/help/en/model-studio/legacy-wan-text-to-video-api-reference
 *     (first-party; the same lists at https://docs.aimlapi.com/api-references/video-models/alibaba-cloud/wan-2.1-turbo-text-to-video
 *     and wavespeed's wan-2.2/t2v-plus-480p/1080p pages, secondary);
 *   - i2v `parameters.resolution` per model: wan2.2-i2v-plus 480P/1080P (no 720P), wan2.2-i2v-flash
 *     and wan2.2-kf2v-flash 480P/720P/1080P, 2.6 and 2.7 720P/1080P — "Wan image-to-video API
 *     reference", https://www.alibabacloud.com/help/en/model-studio/image-to-video-api-reference/
 *     (first-party; wan2.2-i2v-plus "Options: 480P, 1080P" also at https://novita.ai/docs/api-reference/model-apis-wan2.2-i2v, secondary);
 *   - durations: 2.2 / 2.1 models 5 s only; 2.6 / 2.7 2-15 s (image-to-video guide, first-party).
 */
const P480 = ['832*480', '480*832', '624*624'];
const P720 = ['1280*720', '720*1280', '960*960', '1088*832', '832*1088'];
const P1080 = ['1920*1080', '1080*1920', '1440*1440', '1632*1248', '1248*1632'];

export const WAN_T2V_SIZES: Record<string, string[]> = {
  'wan2.6-t2v': [...P720, ...P1080],
  'wan2.2-t2v-plus': [...P480, ...P1080],
  'wanx2.1-t2v-turbo': [...P480, ...P720],
};

export const WAN_I2V_RESOLUTIONS: Record<string, string[]> = {
  'wan2.7-i2v': ['720P', '1080P'],
  'wan2.6-i2v': ['720P', '1080P'],
  'wan2.6-i2v-flash': ['720P', '1080P'],
  'wan2.2-i2v-plus': ['480P', '1080P'],
  'wan2.2-i2v-flash': ['480P', '720P', '1080P'],
  'wan2.2-kf2v-flash': ['480P', '720P', '1080P'],
};

const FIVE_ONLY = ['wan2.2-t2v-plus', 'wanx2.1-t2v-turbo', 'wan2.2-i2v-plus', 'wan2.2-i2v-flash', 'wan2.2-kf2v-flash'];

/** Why DashScope refuses this t2v / i2v / kf2v create's size, resolution or duration, or null. */
export function wanModelProblem(model: string, params: Record<string, unknown>): string | null {
  const sizes = WAN_T2V_SIZES[model];
  if (sizes) {
    if (params.resolution !== undefined)
      return `parameters.resolution is not supported by ${model}; set parameters.size`;
    if (params.size !== undefined && !sizes.includes(String(params.size)))
      return `The size is not match: ${String(params.size)} is not supported by ${model}`;
  }
  const tiers = WAN_I2V_RESOLUTIONS[model];
  if (tiers) {
    if (params.size !== undefined) return `parameters.size is not supported by ${model}; set parameters.resolution`;
    if (params.resolution !== undefined && !tiers.includes(String(params.resolution)))
      return `parameters.resolution ${String(params.resolution)} is not supported by ${model}`;
  }
  if (params.duration !== undefined) {
    const d = Number(params.duration);
    if (FIVE_ONLY.includes(model) ? d !== 5 : !(Number.isInteger(d) && d >= 2 && d <= 15))
      return `parameters.duration ${String(params.duration)} is not supported by ${model}`;
  }
  return null;
}
