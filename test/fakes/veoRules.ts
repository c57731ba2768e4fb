/**
 * What the Gemini API accepts for Veo, written from Google's own texts — NOT from the adapter:
 *   - wire names (instances[0].{prompt,image,lastFrame,referenceImages,video},
 *     parameters.{sampleCount,durationSeconds,aspectRatio,resolution,personGeneration,
 *     negativePrompt,enhancePrompt}) and what the Gemini API refuses (seed, generateAudio, …):
 *     @google/genai src/converters/_models_converters.ts generateVideosConfigToMldev — first-party;
 *   - "durationSeconds: 4, 6, 8 … must be 8 when using extension, reference images, or 1080p
 *     and 4k", resolutions per model (Lite: 720p/1080p), up to 3 reference images, references not
 *     with image / lastFrame / video, extension 720p: Gemini API video guide,
 *     https://ai.google.dev/gemini-api/docs/video ("Veo API parameters and specifications") — first-party;
 *   - model ids: veo-3.1-generate-preview, veo-3.1-fast-generate-preview,
 *     veo-3.1-lite-generate-preview; the Veo 3.0 models were shut down on 2026-06-30 (Gemini
 *     API deprecations page, https://ai.google.dev/gemini-api/docs/deprecations — first-party).
 * A refusal is Google's `{error:{code:400, message, status:'INVALID_ARGUMENT'}}` (404 NOT_FOUND
 * for a model that does not exist), as the API answers.
 */
interface VeoModelRule {
  resolutions: string[];
  references: number;
  extension: boolean;
  lastFrame: boolean;
}

export const VEO_MODEL_RULES: Record<string, VeoModelRule> = {
  'veo-3.1-generate-preview': { resolutions: ['720p', '1080p', '4k'], references: 3, extension: true, lastFrame: true },
  'veo-3.1-fast-generate-preview': {
    resolutions: ['720p', '1080p', '4k'],
    references: 3,
    extension: true,
    lastFrame: true,
  },
  'veo-3.1-lite-generate-preview': { resolutions: ['720p', '1080p'], references: 0, extension: false, lastFrame: true },
};

const INSTANCE = ['prompt', 'image', 'lastFrame', 'referenceImages', 'video'];
const PARAMETERS = [
  'sampleCount',
  'durationSeconds',
  'aspectRatio',
  'resolution',
  'personGeneration',
  'negativePrompt',
  'enhancePrompt',
];

export interface VeoRefusal {
  code: number;
  status: string;
  message: string;
}
const bad = (message: string): VeoRefusal => ({ code: 400, status: 'INVALID_ARGUMENT', message });

export function veoRefusal(
  model: string,
  body: { instances?: Record<string, unknown>[]; parameters?: Record<string, unknown> } | undefined,
): VeoRefusal | null {
  const rule = VEO_MODEL_RULES[model];
  if (!rule)
    return {
      code: 404,
      status: 'NOT_FOUND',
      message: `models/${model} is not found for API version v1beta, or is not supported for predictLongRunning.`,
    };
  const inst = body?.instances?.[0] ?? {};
  const par = body?.parameters ?? {};
  const unknownI = Object.keys(inst).filter((k) => !INSTANCE.includes(k));
  const unknownP = Object.keys(par).filter((k) => !PARAMETERS.includes(k));
  if (unknownI.length || unknownP.length)
    return bad(`Invalid JSON payload received. Unknown name "${[...unknownI, ...unknownP][0]}".`);
  if (!inst.prompt && !inst.image) return bad('A prompt or image is required.');
  const duration = par.durationSeconds ?? 8;
  if (![4, 6, 8].includes(Number(duration))) return bad(`durationSeconds must be 4, 6 or 8 (got ${String(duration)}).`);
  const resolution = String(par.resolution ?? '720p');
  if (!rule.resolutions.includes(resolution)) return bad(`resolution ${resolution} is not supported by ${model}.`);
  if (par.aspectRatio !== undefined && !['16:9', '9:16'].includes(String(par.aspectRatio)))
    return bad(`aspectRatio ${String(par.aspectRatio)} is not supported.`);
  const refs = Array.isArray(inst.referenceImages) ? inst.referenceImages.length : 0;
  if (refs > rule.references)
    return bad(
      rule.references
        ? `At most ${rule.references} reference images are supported.`
        : `Reference images are not supported by ${model}.`,
    );
  if (refs && (inst.image || inst.lastFrame || inst.video))
    return bad('referenceImages cannot be combined with image, lastFrame or video.');
  if (inst.lastFrame && (!rule.lastFrame || !inst.image)) return bad('lastFrame is only supported for image-to-video.');
  if (inst.video && !rule.extension) return bad(`Video extension is not supported by ${model}.`);
  if (inst.video && resolution !== '720p') return bad('Video extension supports 720p only.');
  const needsEight = resolution === '1080p' || resolution === '4k' || refs > 0 || Boolean(inst.video);
  if (needsEight && Number(duration) !== 8)
    return bad(`durationSeconds must be 8 with ${inst.video ? 'extension' : refs ? 'reference images' : resolution}.`);
  return null;
}
