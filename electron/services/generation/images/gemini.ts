/**
 * Gemini image generation and editing ("Nano Banana") through the Gemini API: one synchronous
 * `POST {base}/v1beta/models/{model}:generateContent` with `x-goog-api-key`, the prompt as a text
 * part followed by each reference picture as an `inline_data {mime_type, data}` part, and
 * `generationConfig.responseModalities: ["IMAGE"]` with `imageConfig.aspectRatio`
 * (https://ai.google.dev/gemini-api/docs/image-generation; request shape also in
 * https://ai.google.dev/api/generate-content). The answer carries the picture as
 * `candidates[0].content.parts[].inlineData {mimeType, data}` (base64); a blocked prompt comes
 * back with no image part and a `finishReason` / `promptFeedback.blockReason`.
 * Several input pictures are the documented way to keep a character across images ("up to 3
 * images" for gemini-2.5-flash-image, up to 14 for gemini-3-pro-image-preview).
 * The key is the Gemini API key the Veo adapter uses (settings "veo").
 * Price: $0.039 per 1024px image for gemini-2.5-flash-image (1290 output tokens at $30/M,
 * https://ai.google.dev/gemini-api/docs/pricing); $0.134 per 1K/2K image for gemini-3-pro-image-preview.
 */
import { AppError } from '../../../../shared/errors.js';
import { aspectOf } from '../../../../shared/generation/imageRequest.js';
import { writeLocalResult, pollLocal, fetchLocal } from '../../jobs/localResult.js';
import { joinUrl } from '../providers/http.js';
import { frameBase64 } from '../providers/runway/media.js';
import { requestJson, requireKey } from './imageHttp.js';
import { imageModel, type ImageAdapter } from './types.js';

export const GEMINI_IMAGE_URL = 'https://generativelanguage.googleapis.com';
const LABEL = 'Gemini image';
/** Inline request data is limited to 20 MB in total (image-generation docs); per picture we keep 7 MB. */
const MAX_INLINE_BYTES = 7 * 1024 * 1024;
/** imageConfig.aspectRatio values the docs list. */
const ASPECTS = new Set(['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9']);

interface GeminiAnswer {
  candidates?: {
    content?: { parts?: { text?: string; inlineData?: { mimeType?: string; data?: string } }[] };
    finishReason?: string;
  }[];
  promptFeedback?: { blockReason?: string };
}

export function createGeminiImageAdapter(): ImageAdapter {
  return {
    id: 'gemini-image',
    label: LABEL,
    offline: false,
    settingsId: 'veo',
    pollPolicy: { initialMs: 200, maxMs: 1000, factor: 2 },
    promptStyle: 'indexed',
    models: [
      { id: 'gemini-2.5-flash-image', label: 'Gemini 2.5 Flash Image', referenceImagesMax: 3, pricePerImage: 0.039 },
      { id: 'gemini-3-pro-image-preview', label: 'Gemini 3 Pro Image', referenceImagesMax: 14, pricePerImage: 0.134 },
    ],
    async submit(req, ctx) {
      const key = requireKey(LABEL, 'veo', ctx.settings.apiKey);
      const model = imageModel(this, req.model);
      const parts: Record<string, unknown>[] = [{ text: req.prompt }];
      for (const [i, ref] of req.references.slice(0, model.referenceImagesMax).entries()) {
        const { data, media_type } = await frameBase64(
          ref,
          `reference picture ${i + 1} of shot ${req.shotNumber}`,
          MAX_INLINE_BYTES,
        );
        parts.push({ inline_data: { mime_type: media_type, data } });
      }
      const aspect = aspectOf(req);
      const body = {
        contents: [{ role: 'user', parts }],
        generationConfig: {
          responseModalities: ['IMAGE'],
          ...(ASPECTS.has(aspect) ? { imageConfig: { aspectRatio: aspect } } : {}),
          ...(req.seed !== null ? { seed: req.seed } : {}),
        },
      };
      const url = joinUrl(
        ctx.settings.baseUrl?.trim() || GEMINI_IMAGE_URL,
        `/v1beta/models/${model.id}:generateContent`,
      );
      const answer = (await requestJson(LABEL, url, {
        method: 'POST',
        headers: { 'x-goog-api-key': key },
        body,
      })) as GeminiAnswer;
      const cand = answer.candidates?.[0];
      const image = cand?.content?.parts?.find((p) => p.inlineData?.data)?.inlineData;
      if (!image?.data) {
        const why = answer.promptFeedback?.blockReason ?? cand?.finishReason ?? 'no image in the answer';
        const text = cand?.content?.parts?.find((p) => p.text)?.text;
        throw new AppError(
          'PROVIDER_FAILED',
          `${LABEL} made no picture (${why})${text ? `: ${text.slice(0, 200)}` : ''}.`,
          {
            failureKind: /SAFETY|PROHIBITED|BLOCK/i.test(why) ? 'moderation' : 'provider',
          },
        );
      }
      return writeLocalResult(ctx, Buffer.from(image.data, 'base64'), image.mimeType === 'image/jpeg' ? 'jpg' : 'png');
    },
    poll: (taskId, ctx) => pollLocal(taskId, ctx, LABEL),
    fetchResult: (taskId, dest, ctx) => fetchLocal(taskId, dest, ctx),
  };
}
