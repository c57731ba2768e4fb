/**
 * What Ark accepts per region and model, written from the Ark/ModelArk parameter lists and their
 * copies — NOT from the adapter's seedance/models.ts:
 *   - model ids per region: BytePlus `dreamina-seedance-2-0(-fast)-260128`, `seedance-1-0-*`
 *     (Comfy Router's BytePlus model pages; ComfyUI nodes_bytedance.py); Volcengine
 *     `doubao-seedance-*` (crazyrouter's Volcengine proxy docs) — secondary;
 *   - 2.0 body fields and ranges: model, content, ratio, resolution (2.0: 480p/720p/1080p; Fast:
 *     480p/720p), duration 4-15 or -1, seed, watermark, generate_audio, return_last_frame,
 *     callback_url; roles first_frame / last_frame / reference_image (≤9), reference mode without
 *     keyframes (https://docs.crazyrouter.com/video/seedance, secondary);
 *   - 1.0 text commands `--resolution --ratio --duration --seed --camerafixed --watermark`
 *     (ComfyUI nodes_bytedance.py, secondary); durations 3-12; lite i2v references 1-4.
 * A refusal is Ark's error envelope `{error:{code, message, param, type}}`: 404
 * InvalidEndpointOrModel.NotFound for a model the region lacks, else 400 InvalidParameter.
 */
export type ArkRegion = 'intl' | 'cn';

interface ArkModel {
  style: 'fields' | 'flags';
  resolutions: string[];
  durations: [number, number];
  /** Roles an image may have ([] = text only). */
  roles: string[];
  maxReferences: number;
}

const two = (resolutions: string[]): ArkModel => ({
  style: 'fields',
  resolutions,
  durations: [4, 15],
  roles: ['first_frame', 'last_frame', 'reference_image'],
  maxReferences: 9,
});
const one = (roles: string[], maxReferences = 0): ArkModel => ({
  style: 'flags',
  resolutions: ['480p', '720p', '1080p'],
  durations: [3, 12],
  roles,
  maxReferences,
});
const common: Record<string, ArkModel> = {
  'seedance-2-0': two(['480p', '720p', '1080p']),
  'seedance-2-0-fast': two(['480p', '720p']),
  'seedance-1-0-pro': one(['first_frame', 'last_frame']),
  'seedance-1-0-lite-t2v': one([]),
  'seedance-1-0-lite-i2v': one(['first_frame', 'last_frame', 'reference_image'], 4),
};
const DATES: Record<string, string> = {
  'seedance-2-0': '260128',
  'seedance-2-0-fast': '260128',
  'seedance-1-0-pro': '250528',
  'seedance-1-0-lite-t2v': '250428',
  'seedance-1-0-lite-i2v': '250428',
};

export const ARK_MODELS: Record<ArkRegion, Record<string, ArkModel>> = {
  intl: Object.fromEntries(
    Object.entries(common).map(([k, v]) => [`${k.startsWith('seedance-2') ? 'dreamina-' : ''}${k}-${DATES[k]}`, v]),
  ),
  cn: Object.fromEntries(Object.entries(common).map(([k, v]) => [`doubao-${k}-${DATES[k]}`, v])),
};

const FIELDS_2 = [
  'model',
  'content',
  'ratio',
  'resolution',
  'duration',
  'seed',
  'watermark',
  'generate_audio',
  'return_last_frame',
  'callback_url',
];
const RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9', 'adaptive'];
const FLAGS = ['resolution', 'ratio', 'duration', 'seed', 'camerafixed', 'watermark'];

export interface ArkRefusal {
  status: number;
  code: string;
  message: string;
}
const bad = (message: string): ArkRefusal => ({ status: 400, code: 'InvalidParameter', message });

/** Why Ark in `region` refuses this create, or null. */
export function arkRefusal(region: ArkRegion, body: Record<string, unknown>): ArkRefusal | null {
  const id = String(body.model);
  const m = ARK_MODELS[region][id];
  if (!m)
    return {
      status: 404,
      code: 'InvalidEndpointOrModel.NotFound',
      message: `The model or endpoint ${id} does not exist or you do not have access to it.`,
    };
  const content = body.content as
    { type?: string; text?: string; role?: string; image_url?: { url?: string } }[] | undefined;
  if (!Array.isArray(content) || content.length === 0) return bad('content is required');
  let opts: Record<string, unknown>;
  if (m.style === 'fields') {
    const unknown = Object.keys(body).filter((k) => !FIELDS_2.includes(k));
    if (unknown.length) return bad(`unknown parameter ${unknown.join(', ')} for ${id}`);
    opts = body;
  } else {
    const extra = Object.keys(body).filter((k) => !['model', 'content', 'callback_url'].includes(k));
    if (extra.length) return bad(`${id} takes its options as text commands, not ${extra.join(', ')}`);
    const text = content.find((c) => c.type === 'text')?.text ?? '';
    opts = {};
    for (const [, k, v] of text.matchAll(/--(\w+) (\S+)/g)) {
      if (!FLAGS.includes(k as string)) return bad(`unknown command --${k}`);
      opts[k as string] = /^-?\d+$/.test(v as string) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
    }
  }
  if (opts.resolution !== undefined && !m.resolutions.includes(String(opts.resolution)))
    return bad(`resolution ${String(opts.resolution)} is not supported by ${id}`);
  if (opts.ratio !== undefined && !RATIOS.includes(String(opts.ratio)))
    return bad(`ratio ${String(opts.ratio)} is invalid`);
  if (opts.duration !== undefined) {
    const d = Number(opts.duration);
    if (!(Number.isInteger(d) && ((d >= m.durations[0] && d <= m.durations[1]) || (m.style === 'fields' && d === -1))))
      return bad(`duration ${String(opts.duration)} is not supported by ${id}`);
  }
  const images = content.filter((c) => c.type === 'image_url');
  for (const c of content) {
    if (c.type !== 'text' && c.type !== 'image_url')
      return bad(`content type ${String(c.type)} is not supported by ${id}`);
    if (c.type === 'image_url' && !/^(data:image\/\w+;base64,|https?:\/\/|asset:\/\/)/.test(c.image_url?.url ?? ''))
      return bad('image_url.url is invalid');
    if (c.type === 'image_url' && !m.roles.includes(String(c.role ?? 'first_frame')))
      return bad(`${id} does not take an image with role ${String(c.role ?? 'first_frame')}`);
  }
  const refs = images.filter((c) => c.role === 'reference_image').length;
  if (refs > m.maxReferences) return bad(`${id} takes at most ${m.maxReferences} reference images`);
  if (refs && images.some((c) => c.role === 'first_frame' || c.role === 'last_frame'))
    return bad('reference images cannot be combined with first or last frames');
  if (images.some((c) => c.role === 'last_frame') && !images.some((c) => c.role === 'first_frame'))
    return bad('last_frame requires first_frame');
  if (!content.some((c) => c.type === 'text' && c.text?.replace(/--\w+ \S+/g, '').trim()) && images.length === 0)
    return bad('a prompt or an image is required');
  return null;
}
