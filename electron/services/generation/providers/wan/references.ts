/**
 * Wan reference-to-video (r2v) request parts: which pictures go, how the prompt names them, and
 * the `input` / `parameters` of the two r2v protocols.
 *
 * Confirmed first-party (Alibaba Cloud Model Studio):
 * - wan2.6-r2v / wan2.6-r2v-flash, legacy protocol
 *   (https://www.alibabacloud.com/help/en/model-studio/legacy-wan-reference-to-video-api-reference;
 *   full zh parameter text of https://help.aliyun.com/zh/model-studio/wan-video-to-video-api-reference
 *   read through a public copy): same create path, `input.reference_urls` (images 0-5, videos
 *   0-3, total <= 5; URL n is "character<n>" in the prompt and the model knows the references
 *   ONLY by those names; one subject per reference), `reference_video_urls` deprecated;
 *   `parameters.size` "W*H" of the 720P/1080P tiers (not "720P"), `duration` 2-10, `shot_type`
 *   single|multi, `audio` (flash only), `watermark`, `seed`; no prompt_extend listed.
 *   reference_urls take a public http(s) URL or an `oss://` temporary URL from the upload flow
 *   (upload.ts) - no data URIs, no base64.
 * - wan2.7-r2v: the zh API reference above says "此接口为新版协议,支持wan2.7模型" with model
 *   wan2.7-r2v and multi-subject (image + video + voice) examples; the user guide
 *   (https://www.alibabacloud.com/help/es/model-studio/video-to-video-guide) names the
 *   references in the prompt "Image 1", "Image 2", "Video 1" (zh 图1, 视频1).
 * Secondary (docs.comfy.org Comfy Router schema for wan2.7-r2v, several resellers' docs, a live
 * DashScope error quoted in a public repo: "Field required: input.media" when reference_urls was
 * sent): `input.media[]` of {type: reference_image | reference_video | first_frame, url}, at
 * most 5 reference items, first_frame optional (one, not counted), media url "public HTTP/HTTPS
 * URL or OSS temporary URL" (so pictures are uploaded here as for 2.6); `parameters.resolution`
 * 720P/1080P, `ratio` 16:9/9:16/1:1/4:3/3:4 (ignored with a first frame), `duration` 2-15 (2-10
 * with a reference video), `prompt_extend`, `watermark`, `seed`; Image n counts reference_image
 * items only.
 */
import type { GenerationRequest, ReferenceRef } from '../../../../../shared/generation/request.js';
import { nearestRatio } from '../cloudRest.js';

/** At most 5 reference items per request, both protocols. */
export const WAN_R2V_MAX_REFERENCES = 5;
/** Reference pictures: at most 20 MB each (legacy r2v page). */
export const WAN_R2V_MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Turns a local picture into a URL DashScope can read (an `oss://` temporary URL). */
export type WanUploader = (path: string, what: string, model: string) => Promise<string>;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Letters of alphabetic scripts, digits and _: what may not touch a whole-word name. */
const WORD = '[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{N}_]';

/**
 * The pictures a model gets, in priority order. wan2.6-r2v treats every reference as one
 * character ("each reference holds a single subject"), so the project's style pictures are not
 * sent to it; wan2.7 takes scenes and styles as Image n too (its guide uses one as background).
 */
export function wanReferences(
  req: Pick<GenerationRequest, 'references'>,
  protocol: 'legacy' | 'media',
): ReferenceRef[] {
  const all = req.references ?? [];
  const picked = protocol === 'legacy' ? all.filter((r) => r.kind !== 'style') : all;
  return picked.slice(0, WAN_R2V_MAX_REFERENCES);
}

/** The prompt's name for reference n (1-based): character1 (2.6); Image 1 or 图1 (2.7). */
export function wanLabel(protocol: 'legacy' | 'media', n: number, prompt: string): string {
  if (protocol === 'legacy') return `character${n}`;
  return CJK.test(prompt) ? `图${n}` : `Image ${n}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The prompt with each element's name replaced by the label the model knows it by ("Mara waves"
 * -> "Image 1 waves"), since the docs say the references are identified only through these
 * labels. Whole words for Latin names (so "Ann" leaves "Anna" alone), longest names first;
 * names the prompt does not mention, and unnamed (style) pictures, change nothing.
 */
export function labelPrompt(prompt: string, refs: readonly ReferenceRef[], protocol: 'legacy' | 'media'): string {
  const named = refs
    .map((r, i) => ({ name: r.name?.trim() ?? '', label: wanLabel(protocol, i + 1, prompt) }))
    .filter((x) => x.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  let out = prompt;
  for (const { name, label } of named) {
    const body = escapeRegExp(name);
    // A Latin name next to Chinese text ("和Ann在") still counts as a whole word.
    const pattern = CJK.test(name) ? body : `(?<!${WORD})${body}(?!${WORD})`;
    // Labels placed for earlier names stay as they are (a later name like "Image" must not
    // rename them): replace only in the text between labels.
    out = out
      .split(/(character\d+|Image \d+|图\d+)/u)
      .map((part, i) => (i % 2 === 1 ? part : part.replace(new RegExp(pattern, 'giu'), label)))
      .join('');
  }
  return out;
}

/** 2.7 `input.media` and parameters (the caller adds duration, seed). */
export async function r2vMediaBody(
  req: GenerationRequest,
  model: string,
  refs: readonly ReferenceRef[],
  upload: WanUploader,
  resolution: '720P' | '1080P',
  watermark = false,
): Promise<{ media: { type: string; url: string }[]; parameters: Record<string, unknown> }> {
  const shot = `shot ${req.shotNumber}`;
  const media: { type: string; url: string }[] = [];
  for (const [i, r] of refs.entries())
    media.push({ type: 'reference_image', url: await upload(r.path, `Reference picture ${i + 1} of ${shot}`, model) });
  if (req.firstFrame)
    media.push({ type: 'first_frame', url: await upload(req.firstFrame.path, `The first frame of ${shot}`, model) });
  const parameters: Record<string, unknown> = { resolution, prompt_extend: false, watermark };
  // With a first frame the picture sets the shape and `ratio` is ignored: leave it out.
  if (!req.firstFrame) parameters.ratio = nearestRatio(req.width, req.height, ['16:9', '9:16', '1:1', '4:3', '3:4']);
  return { media, parameters };
}

/** 2.6 `input.reference_urls`; `size` comes from the caller's size table. */
export async function r2vLegacyUrls(
  req: GenerationRequest,
  model: string,
  refs: readonly ReferenceRef[],
  upload: WanUploader,
): Promise<string[]> {
  const urls: string[] = [];
  for (const [i, r] of refs.entries())
    urls.push(await upload(r.path, `Reference picture ${i + 1} (character${i + 1}) of shot ${req.shotNumber}`, model));
  return urls;
}
