/**
 * FLUX.1 Kontext [pro] (Black Forest Labs) through fal.ai's queue, with the same `@fal-ai/client`
 * set-up as the video adapter (providers/fal/client.ts: our key and base URL, no hidden retry of
 * a paid submit). Reference pictures are uploaded to fal storage first (no task exists yet, so a
 * failed upload is a plain failure), then:
 * - with pictures: `fal-ai/flux-pro/kontext/multi`, input `{ prompt, image_urls[], aspect_ratio,
 *   seed?, num_images: 1, output_format: "png", safety_tolerance: "2" }`
 *   (https://fal.ai/models/fal-ai/flux-pro/kontext/multi/llms.txt; the API reference at
 *   https://fal.ai/docs/model-api-reference/image-generation-api/flux-pro-kontext-multi);
 * - without: `fal-ai/flux-pro/kontext/text-to-image`, the same input without `image_urls`
 *   (https://fal.ai/docs/model-api-reference/image-generation-api/flux-pro-kontext-text-to-image).
 * `aspect_ratio` is one of 21:9, 16:9, 4:3, 3:2, 1:1, 2:3, 3:4, 9:16, 9:21; `num_images` 1-4
 * (one job is one picture); `output_format` jpeg | png; `safety_tolerance` "1".."6" (default "2").
 * The answer's `images[].url` is downloaded at once. The docs give no limit on `image_urls`;
 * Kontext multi is documented (third-party API pages) with up to 4 references, so 4 are sent.
 * Price: "$0.04 per images" (the llms.txt page above, both endpoints).
 * The task id is `<endpoint>|<request_id>` (status and result URLs need the endpoint).
 */
import { aspectOf, type ImageRequest } from '../../../../shared/generation/imageRequest.js';
import { falJobContext, falOutputUrl, pollFalRequest, submitFalRequest } from '../providers/fal/queue.js';
import { downloadTo } from './imageHttp.js';
import { imageModel, type ImageAdapter, type ImageModel } from './types.js';
import { uploadToFal } from '../providers/fal/upload.js';

const LABEL = 'FLUX Kontext (fal.ai)';
export const KONTEXT_MULTI = 'fal-ai/flux-pro/kontext/multi';
export const KONTEXT_TEXT = 'fal-ai/flux-pro/kontext/text-to-image';
const ASPECTS = [
  ['21:9', 21 / 9],
  ['16:9', 16 / 9],
  ['4:3', 4 / 3],
  ['3:2', 3 / 2],
  ['1:1', 1],
  ['2:3', 2 / 3],
  ['3:4', 3 / 4],
  ['9:16', 9 / 16],
  ['9:21', 9 / 21],
] as const;
/** The documented aspect nearest the project's (exact for 16:9, 9:16, 1:1, 21:9). */
export function kontextAspect(req: Pick<ImageRequest, 'width' | 'height'>): string {
  const exact = ASPECTS.find(([a]) => a === aspectOf(req));
  if (exact) return exact[0];
  const r = req.width / req.height;
  return [...ASPECTS].sort((a, b) => Math.abs(a[1] - r) - Math.abs(b[1] - r))[0]![0];
}

/**
 * The endpoint and input for a request, given the uploaded pictures' URLs in reference order.
 * Pure: the "what will be sent" view and the adapter both call it.
 */
export function kontextInput(
  req: ImageRequest,
  model: ImageModel,
  imageUrls: readonly string[],
): { endpoint: string; input: Record<string, unknown> } {
  const urls = imageUrls.slice(0, model.referenceImagesMax);
  return {
    endpoint: urls.length ? KONTEXT_MULTI : KONTEXT_TEXT,
    input: {
      prompt: req.prompt,
      ...(urls.length ? { image_urls: [...urls] } : {}),
      aspect_ratio: kontextAspect(req),
      ...(req.seed !== null ? { seed: req.seed } : {}),
      num_images: 1,
      output_format: 'png',
      safety_tolerance: '2',
    },
  };
}

export function createFluxKontextAdapter(): ImageAdapter {
  return {
    id: 'flux-kontext',
    label: LABEL,
    offline: false,
    settingsId: 'fal',
    pollPolicy: { initialMs: 2000, maxMs: 10_000, factor: 1.5 },
    promptStyle: 'indexed',
    models: [{ id: 'flux-kontext-pro', label: 'FLUX.1 Kontext [pro]', referenceImagesMax: 4, pricePerImage: 0.04 }],
    async submit(req, ctx) {
      const model = imageModel(this, req.model);
      const urls: string[] = [];
      for (const [i, ref] of req.references.slice(0, model.referenceImagesMax).entries())
        urls.push(await uploadToFal(falJobContext(ctx), ref, `Reference picture ${i + 1} of shot ${req.shotNumber}`));
      const { endpoint, input } = kontextInput(req, model, urls);
      return submitFalRequest(falJobContext(ctx), endpoint, input, 'queue the picture');
    },
    poll: (taskId, ctx) => pollFalRequest(falJobContext(ctx), taskId, 'make the picture'),
    async fetchResult(taskId, dest, ctx) {
      const url = await falOutputUrl(
        falJobContext(ctx),
        taskId,
        (data) => (data as { images?: { url?: string }[] } | undefined)?.images?.[0]?.url,
        'read the picture',
        'picture',
      );
      await downloadTo(LABEL, url, dest, ctx.signal);
    },
  };
}
