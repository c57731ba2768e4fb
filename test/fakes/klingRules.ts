/**
 * What the real Kling API accepts, per model, written from Kling's own pages and their copies —
 * NOT from the adapter's tables (kling/models.ts), so a wrong adapter request fails here.
 *   - Fields per endpoint: imageToVideo / textToVideo / multiImageToVideo / videoExtend pages
 *     (https://app.klingai.com/global/dev/document-api/apiReference/model/imageToVideo; copy
 *     https://oss.gptproto.com/gptproto-feishu-extract/Kling-Image-to-video.txt) — first-party.
 *   - Capability map per model x mode (which take image_tail, sound, camera_control; durations):
 *     copies at https://docs.apimart.ai/en/api-reference/videos/kling-v2-6/generation,
 *     https://mulerun.com/docs/api-reference/endpoint/kling/image-to-video and the Kling 3.0
 *     spec copy https://mulerouter.ai/docs/api-reference/endpoint/klingai/kling-v3 — secondary.
 * A refusal is Kling's envelope: HTTP 400 `{code: 1201, message, request_id}` (commonInfo
 * error table: 1201 "invalid request parameters").
 */
type Mode = 'std' | 'pro';
type Family = 'text2video' | 'image2video' | 'multi-image2video' | 'video-extend';

interface ModelRule {
  families: Family[];
  durations: string[];
  /** Modes in which image_tail is accepted ([] = never). */
  tail: Mode[];
  /** Modes in which sound "on" is accepted (null = the field is unknown for the model). */
  sound: Mode[] | null;
  /** sound "on" together with image_tail. */
  soundWithTail: boolean;
  /** camera_control: the one endpoint, mode and duration it works in. */
  camera: { family: Family; mode: Mode; duration: string } | null;
  cfgScale: boolean;
}

const FIVE_TEN = ['5', '10'];
const r = (families: Family[], o: Partial<ModelRule> = {}): ModelRule => ({
  families,
  durations: FIVE_TEN,
  tail: ['pro'],
  sound: null,
  soundWithTail: false,
  camera: null,
  cfgScale: false,
  ...o,
});
const T2V_I2V: Family[] = ['text2video', 'image2video'];

export const KLING_MODEL_RULES: Record<string, ModelRule> = {
  'kling-v3': r(T2V_I2V, {
    durations: ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'],
    tail: ['std', 'pro'],
    sound: ['pro'],
    soundWithTail: true,
  }),
  'kling-v2-6': r(T2V_I2V, { sound: ['pro'] }),
  'kling-v2-5-turbo': r(T2V_I2V),
  'kling-v2-1-master': r(T2V_I2V, { tail: [] }),
  'kling-v2-1': r(['image2video']),
  'kling-v2-master': r(T2V_I2V, { tail: [] }),
  'kling-v1-6': r(['text2video', 'image2video', 'multi-image2video'], { cfgScale: true }),
  'kling-v1-5': r(['image2video'], { cfgScale: true, camera: { family: 'image2video', mode: 'pro', duration: '5' } }),
  'kling-v1': r(T2V_I2V, { cfgScale: true, camera: { family: 'text2video', mode: 'std', duration: '5' } }),
};

/** The fields text2video and image2video share (Kling's create pages); each adds its own. */
const GENERATE_FIELDS = [
  'model_name',
  'prompt',
  'negative_prompt',
  'cfg_scale',
  'mode',
  'camera_control',
  'duration',
  'sound',
  'callback_url',
  'external_task_id',
  'watermark_info',
  'multi_shot',
  'shot_type',
  'multi_prompt',
];
const FIELDS: Record<Family, string[]> = {
  text2video: [...GENERATE_FIELDS, 'aspect_ratio'],
  image2video: [...GENERATE_FIELDS, 'image', 'image_tail', 'static_mask', 'dynamic_masks'],
  'multi-image2video': [
    'model_name',
    'image_list',
    'prompt',
    'negative_prompt',
    'mode',
    'duration',
    'aspect_ratio',
    'callback_url',
    'external_task_id',
    'watermark_info',
  ],
  'video-extend': ['video_id', 'prompt', 'negative_prompt', 'cfg_scale', 'callback_url', 'external_task_id'],
};
const CAMERA_TYPES = ['simple', 'down_back', 'forward_up', 'right_turn_forward', 'left_turn_forward'];
const CAMERA_AXES = ['horizontal', 'vertical', 'pan', 'tilt', 'roll', 'zoom'];

/** Why Kling would refuse this create (a message in Kling's words), or null if it accepts it. */
export function klingRefusal(family: Family, body: Record<string, unknown>): string | null {
  const unknown = Object.keys(body).filter((k) => !FIELDS[family].includes(k));
  if (unknown.length) return `invalid parameter: ${unknown.join(', ')}`;
  if (body.watermark_info !== undefined) {
    const w = body.watermark_info as Record<string, unknown> | null;
    if (!w || typeof w !== 'object' || Object.keys(w).some((k) => k !== 'enabled') || typeof w.enabled !== 'boolean')
      return 'watermark_info must be {"enabled": boolean}';
  }
  if (family === 'video-extend') return typeof body.video_id === 'string' ? null : 'video_id is required';
  const model = String(body.model_name ?? 'kling-v1');
  const rule = KLING_MODEL_RULES[model];
  if (!rule) return `model_name ${model} is invalid`;
  if (!rule.families.includes(family)) return `model_name ${model} is not supported by ${family}`;
  const mode = (body.mode ?? 'std') as Mode;
  if (mode !== 'std' && mode !== 'pro') return `mode ${String(body.mode)} is invalid`;
  const duration = String(body.duration ?? '5');
  if (typeof body.duration !== 'undefined' && typeof body.duration !== 'string') return 'duration must be a string';
  if (!rule.durations.includes(duration)) return `duration ${duration} is not supported by ${model}`;
  if (body.aspect_ratio !== undefined && !['16:9', '9:16', '1:1'].includes(String(body.aspect_ratio)))
    return `aspect_ratio ${String(body.aspect_ratio)} is invalid`;
  if (body.cfg_scale !== undefined && !rule.cfgScale) return `cfg_scale is not supported by ${model}`;
  if (typeof body.prompt === 'string' && body.prompt.length > 2500) return 'prompt is longer than 2500 characters';
  if (body.multi_shot !== undefined) {
    // Kling 3.0 multi-shot (capability map via @ai-sdk/klingai, secondary): customize needs
    // multi_prompt, up to 6 {index 1.., prompt <= 512, duration string} summing to duration.
    if (body.multi_shot !== true) return 'multi_shot must be true when present';
    if (model !== 'kling-v3') return `multi_shot is not supported by ${model}`;
    if (body.shot_type !== 'customize' && body.shot_type !== 'intelligence') return 'shot_type is invalid';
    if (body.shot_type === 'customize') {
      const list = body.multi_prompt as { index?: unknown; prompt?: unknown; duration?: unknown }[] | undefined;
      if (!Array.isArray(list) || list.length < 1 || list.length > 6) return 'multi_prompt takes 1 to 6 shots';
      let sum = 0;
      for (const [i, p] of list.entries()) {
        if (Object.keys(p).some((k) => !['index', 'prompt', 'duration'].includes(k)))
          return 'multi_prompt has an unknown field';
        if (p.index !== i + 1) return 'multi_prompt index must count from 1';
        if (typeof p.prompt !== 'string' || !p.prompt || p.prompt.length > 512)
          return 'multi_prompt prompt must be 1-512 characters';
        if (typeof p.duration !== 'string' || !/^\d+$/.test(p.duration) || Number(p.duration) < 1)
          return 'multi_prompt duration must be a whole number of seconds as a string';
        sum += Number(p.duration);
      }
      if (String(sum) !== duration) return `multi_prompt durations sum to ${sum}, not duration ${duration}`;
    } else if (body.multi_prompt !== undefined) return 'multi_prompt is only for shot_type customize';
  } else if (body.shot_type !== undefined || body.multi_prompt !== undefined)
    return 'shot_type and multi_prompt need multi_shot';
  if (family === 'text2video' && !body.prompt && body.multi_shot !== true) return 'prompt is required';
  if (family === 'image2video' && !body.image && !body.image_tail) return 'image or image_tail is required';
  const tail = body.image_tail !== undefined;
  if (tail && !rule.tail.includes(mode))
    return rule.tail.length
      ? `image_tail requires mode ${rule.tail.join('/')} on ${model}`
      : `image_tail is not supported by ${model}`;
  if (body.sound !== undefined) {
    if (!rule.sound) return `sound is not supported by ${model}`;
    if (body.sound !== 'on' && body.sound !== 'off') return `sound ${String(body.sound)} is invalid`;
    if (body.sound === 'on' && !rule.sound.includes(mode))
      return `sound on requires mode ${rule.sound.join('/')} on ${model}`;
    if (body.sound === 'on' && tail && !rule.soundWithTail)
      return `sound on cannot be used with image_tail on ${model}`;
  }
  if (body.camera_control !== undefined) {
    const c = body.camera_control as { type?: unknown; config?: Record<string, unknown> };
    const ok =
      rule.camera && rule.camera.family === family && rule.camera.mode === mode && rule.camera.duration === duration;
    if (!ok) return `camera_control is not supported by ${model} in ${family} ${mode} ${duration}s`;
    if (tail) return 'image+image_tail and camera_control cannot be used together';
    if (!CAMERA_TYPES.includes(String(c.type))) return `camera_control.type ${String(c.type)} is invalid`;
    if (c.type === 'simple') {
      const cfg = c.config ?? {};
      if (Object.keys(cfg).some((k) => !CAMERA_AXES.includes(k))) return 'camera_control.config has an unknown axis';
      const values = CAMERA_AXES.map((k) => Number(cfg[k] ?? 0));
      if (values.some((v) => !(v >= -10 && v <= 10))) return 'camera_control.config values must be in [-10, 10]';
      if (values.filter((v) => v !== 0).length !== 1) return 'camera_control simple takes exactly one non-zero value';
    } else if (c.config !== undefined) return 'camera_control.config is only for type simple';
  }
  if (family === 'multi-image2video') {
    const list = body.image_list;
    if (!Array.isArray(list) || list.length < 1 || list.length > 4) return 'image_list takes 1 to 4 images';
  }
  return null;
}
