/**
 * The request rules of the Seedance models with where each was read (README capability notes).
 * Pure data. The first-party Volcengine / BytePlus API pages were not reached; every
 * source here is secondary and says so.
 */
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';

const REGION: ModelRule = {
  rule: "Every Seedance model: the model id sent follows the region of the base URL's host (*.volces.com / *.volcengine.com: Volcengine ids with the `doubao-` prefix; otherwise BytePlus ids, 2.0 as `dreamina-seedance-2-0-…`, 1.0 without a prefix); an API key works only in its own region. STORYBOARD_SEEDANCE_REGION overrides it for a gateway. First-party Volcengine page not reached.",
  source:
    'https://docs.getbifrost.ai/providers/supported-providers/byteplus ("API keys belong to one region"); https://docs.comfy.org/development/comfy-router/models/byteplus/dreamina-seedance-2-0-260128/code (BytePlus ids); https://docs.crazyrouter.com/video/seedance (Volcengine ids)',
  firstParty: false,
};

const LINK: ModelRule = {
  rule: 'Every Seedance model: `content.video_url` expires after about 24 hours (task ids after about 7 days); an expired link is read again from the task once before the job is marked expired.',
  source: 'https://nango.dev/docs/api-integrations/byteplus-modelark ("Generated video URLs expire after 24 hours")',
  firstParty: false,
};

const REFERENCES: ModelRule = {
  rule: 'Reference pictures (`role: reference_image`) are sent only when the shot has no first or last frame: Ark refuses the mix with 400 "first/last frame content cannot be mixed with reference media content".',
  source: "https://docs.apiyi.com/en/faq/seedance-first-frame-mixed-with-reference.md (quotes Ark's error)",
  firstParty: false,
};

/** A model's rules by our model id (the provider-wide ones on the default model). */
export const SEEDANCE_RULES: Readonly<Record<string, readonly ModelRule[]>> = {
  'seedance-2-0': [REGION, LINK, REFERENCES],
  'seedance-2-0-fast': [REFERENCES],
  'seedance-1-0-lite-i2v': [REFERENCES],
};
