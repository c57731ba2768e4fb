/**
 * The request rules of the Kling models that are not in omni.ts, each with where it was read
 * (README capability notes). Pure data. The Kling pages are first-party; the text was
 * read from copies of them (providers.md §5), so a rule names the Kling page it comes from.
 */
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';

const MULTI_IMAGE = 'https://app.klingai.com/global/dev/document-api/apiReference/model/multiImageToVideo';

/** Rules every Kling model is held to; shown once, on the default model. */
const PROVIDER: readonly ModelRule[] = [
  {
    rule: 'Every Kling model: finished videos are cleared after 30 days; a task read later answers no video, and the job is marked expired (a link that expired sooner is read again from the task first).',
    source:
      'Kling API specification changelog, 2024-10-25 (https://docs.qingque.cn/d/home/eZQCQxBrX8eeImjK6Ddz5iOi5?identityId=1oEFzU43FYK, Kuaishou)',
    firstParty: true,
  },
];

const V3: readonly ModelRule[] = [
  {
    rule: 'Multi-shot: `multi_shot: true`, `shot_type: "customize"`, 2-6 `multi_prompt` entries (prompt at most 512 characters, whole-second durations summing to the 3-15 s `duration`). No minimum per shot is documented; 1 s is assumed (not documented; consumer guides to the Kling app say 3 s per storyboard shot, the API SDK below sets none).',
    source:
      'https://github.com/vercel/ai/blob/main/packages/klingai/src/klingai-video-model-options.ts (@ai-sdk/klingai, citing Kling capability map https://app.klingai.com/global/dev/document-api/apiReference/model/skillsMap); https://kling3pro.com/blog/kling-3-0-multi-shot-guide (3 s per shot in the app)',
    firstParty: false,
  },
];

const V1_6: readonly ModelRule[] = [
  {
    rule: 'Reference pictures go to POST /v1/videos/multi-image2video as `image_list` (at most 4), which takes `model_name` kling-v1-6 only and has no first-frame field; a shot with a first or last frame goes to /image2video instead and its references are not sent.',
    source: `${MULTI_IMAGE} (read from a copy, providers.md §5)`,
    firstParty: true,
  },
];

/** A model's rules (before the omni rules, which omni.ts keeps). */
export const KLING_RULES: Readonly<Record<string, readonly ModelRule[]>> = {
  'kling-v3': [...PROVIDER, ...V3],
  'kling-v1-6': V1_6,
};
