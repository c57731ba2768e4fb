/**
 * The request rules of the Veo models with where each was read (README capability notes; issue
 * 11). Pure data.
 */
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';

const GUIDE = 'https://ai.google.dev/gemini-api/docs/video';
const CONVERTERS =
  'https://github.com/googleapis/js-genai/blob/6e9b35c45e21f0d37179a24d29dca01ebed698e6/src/converters/_models_converters.ts';

/** Every Veo model; shown once, on the default model. */
export const VEO_RULES: readonly ModelRule[] = [
  {
    rule: 'Every Veo model: pictures are sent as bytes (`imageBytes` → `bytesBase64Encoded` + `mimeType`); the Gemini API refuses `gcsUri` (the SDK throws "gcsUri parameter is only supported in … Agent Platform mode"), and `seed` / `generateAudio` likewise, so none is sent.',
    source: `${CONVERTERS} (imageToMldev, generateVideosConfigToMldev; @google/genai)`,
    firstParty: true,
  },
  {
    rule: 'Every Veo model: 4, 6 or 8 s, and 8 s with reference images, an extension, 1080p or 4k (a shorter shot is sent 8 s and the take trimmed); an extension is 720p.',
    source: `${GUIDE} ("Model features": Resolution, Video Duration)`,
    firstParty: true,
  },
  {
    rule: "Every Veo model: generated videos are kept on the server for 2 days; the operation's `video.uri` is a keyed Files API handle that every read answers unchanged (no fresh link to ask for), so a download after that is a missing file and the job is marked expired at once.",
    source: `${GUIDE} ("Limitations": Video retention)`,
    firstParty: true,
  },
];

/** Veo 3.1 Lite: not in the Gemini guide's feature table that was read; secondary sources only. */
export const VEO_LITE_RULES: readonly ModelRule[] = [
  {
    rule: 'Veo 3.1 Lite: 720p and 1080p only (no 4k), no reference images and no extension, so neither is offered; first / last frame are. Unconfirmed on a first-party page.',
    source:
      'https://docs.gmicloud.ai/model-quickstarts/video/veo-3-1-lite-generate-001 ("Lite supports 720p and 1080p only"); https://vidmachine.ai/models/google-veo-3-1-lite ("omits … multi-reference … and video extension, and it does not offer 4K")',
    firstParty: false,
  },
];
