/**
 * Seedream (ByteDance) image generation through Volcengine Ark / BytePlus ModelArk: one
 * synchronous `POST {base}/images/generations` with `Authorization: Bearer`, body `{ model,
 * prompt, image: [data URIs], size, response_format: "b64_json", sequential_image_generation:
 * "disabled", watermark: false }`; the answer is `{ data: [{ b64_json }], usage }`, an error
 * `{ error: { code, message } }` (https://www.volcengine.com/docs/82379/1541523; request fields
 * also in https://yunqi.tech/documents/aigw_volcengine_seedream_calling). `image` takes a URL or
 * a Base64 data URI, several for multi-reference generation (Seedream 4.0 / 4.5: up to 10);
 * `size` is "2K" or "<w>x<h>" (total pixels from 1280x720 to 4096x4096). The key and base URL
 * are the Seedance adapter's (same Ark account: settings "seedance").
 * Price: $0.03 per image for Seedream 4.0 (BytePlus ModelArk pricing).
 */
import { AppError } from '../../../../shared/errors.js';
import { fetchLocal, pollLocal, writeLocalResult } from '../../jobs/localResult.js';
import { joinUrl } from '../providers/http.js';
import { frameDataUri } from '../providers/runway/media.js';
import { SEEDANCE_CN_BASE_URL } from '../providers/seedance.js';
import { requestJson, requireKey } from './imageHttp.js';
import { imageModel, type ImageAdapter } from './types.js';

const LABEL = 'Seedream (Ark)';
const MAX_DATA_URI = 10 * 1024 * 1024;

/** "<w>x<h>" when the project size is in Seedream's pixel range, else "2K" (the model picks the shape). */
export function seedreamSize(width: number, height: number): string {
  const px = width * height;
  return px >= 1280 * 720 && px <= 4096 * 4096 ? `${width}x${height}` : '2K';
}

export function createSeedreamAdapter(): ImageAdapter {
  return {
    id: 'seedream',
    label: LABEL,
    offline: false,
    settingsId: 'seedance',
    pollPolicy: { initialMs: 200, maxMs: 1000, factor: 2 },
    promptStyle: 'indexed',
    models: [
      { id: 'doubao-seedream-4-0-250828', label: 'Seedream 4.0', referenceImagesMax: 10, pricePerImage: 0.03 },
      { id: 'doubao-seedream-4-5-251128', label: 'Seedream 4.5', referenceImagesMax: 10, pricePerImage: 0.04 },
    ],
    async submit(req, ctx) {
      const key = requireKey(LABEL, 'seedance', ctx.settings.apiKey);
      const model = imageModel(this, req.model);
      const image: string[] = [];
      for (const [i, ref] of req.references.slice(0, model.referenceImagesMax).entries())
        image.push(await frameDataUri(ref, `reference picture ${i + 1} of shot ${req.shotNumber}`, MAX_DATA_URI));
      const body = {
        model: model.id,
        prompt: req.prompt,
        ...(image.length ? { image } : {}),
        size: seedreamSize(req.width, req.height),
        response_format: 'b64_json',
        sequential_image_generation: 'disabled',
        watermark: false,
      };
      const url = joinUrl(ctx.settings.baseUrl?.trim() || SEEDANCE_CN_BASE_URL, '/images/generations');
      const answer = (await requestJson(LABEL, url, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body,
      })) as {
        data?: { b64_json?: string; error?: { message?: string } }[];
      };
      const first = answer.data?.[0];
      if (!first?.b64_json)
        throw new AppError(
          'PROVIDER_FAILED',
          `${LABEL} made no picture${first?.error?.message ? `: ${first.error.message}` : '.'}`,
        );
      return writeLocalResult(ctx, Buffer.from(first.b64_json, 'base64'), 'png');
    },
    poll: (taskId, ctx) => pollLocal(taskId, ctx, LABEL),
    fetchResult: (taskId, dest, ctx) => fetchLocal(taskId, dest, ctx),
  };
}
