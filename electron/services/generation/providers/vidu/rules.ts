/**
 * The request rules of the Vidu models with where each was read (README capability notes; issue
 * 11). Pure data. platform.vidu.com pages are first-party.
 */
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';

const DOCS = 'https://platform.vidu.com/docs';

/** Every Vidu model; shown once, on the default model. */
export const VIDU_RULES: readonly ModelRule[] = [
  {
    rule: 'Every Vidu model: reference pictures go only to /reference2video, which has no first-frame field; a shot with a first frame goes to /img2video (or /start-end2video) and its references are not sent (the frame is the hard constraint).',
    source: `${DOCS}/reference-to-video, ${DOCS}/image-to-video`,
    firstParty: true,
  },
  {
    rule: 'Every Vidu model: a last frame is sent only with a first frame, as /start-end2video `images: [start, end]`; a last frame alone is refused before sending (there is no end-frame-only endpoint).',
    source: `${DOCS}/start-end-to-video; https://doc.vtrix.ai/docs/api/vidu/viduq2-pro-start-end2video (copy)`,
    firstParty: true,
  },
  {
    rule: 'Every Vidu model: camera moves are `movement_amplitude` (auto | small | medium | large: "small" for a static shot, else "auto") plus the move as a sentence in the prompt; the API has no camera-path field.',
    source: `${DOCS}/text-to-video (movement_amplitude)`,
    firstParty: true,
  },
  {
    rule: 'Every Vidu model: a refusal is moderation when its code or message names it (AuditSubmitIllegal: input failed the safety review; TaskPromptPolicyViolation: the prompt; CreationPolicyViolation: the generated video), found by words in the code and message since no field marks it.',
    source: `${DOCS}/error-code; https://platform.vidu.cn/docs/error-code (TaskPromptPolicyViolation)`,
    firstParty: true,
  },
  {
    rule: 'Every Vidu model: `creations[].url` is signed and short-lived (the get-generation page says 1 hour in one version, 24 hours in another); an expired link is read again from the task before the job is marked expired.',
    source: `${DOCS}/get-generation`,
    firstParty: true,
  },
];
