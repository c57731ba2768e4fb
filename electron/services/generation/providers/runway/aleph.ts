/**
 * Runway Aleph 2: a take's clip edited by a prompt (POST /v1/video_to_video). Pure: the adapter
 * encodes the video and the pictures first and passes their URIs in.
 *
 * Rules and their sources:
 *   [SDK] @runwayml/sdk 4.20.1 resources/video-to-video.d.ts (generated from Runway's OpenAPI
 *         spec; first-party): model `aleph2`; `videoUri` (HTTPS URL, runway:// upload or a data URI
 *         "up to 5MB"); optional `promptText`; `keyframes` up to 5, each `{uri, at}` (fraction
 *         0-1 of the input) or `{uri, seconds}`; `seed`; `ratio` deprecated (not sent); no
 *         `duration` (the output follows the input); no references, audio or negativePrompt.
 *   [SDK-H] `gen4_aleph` was dropped from the spec on 2026-06-10 (sdk-node commit 72f96f2 removed
 *         VideoToVideoCreateParams.Gen4Aleph, kept Aleph2; first-party): refused, naming aleph2.
 *   [CR]  the input video "must be no longer than 30 seconds" and promptText at most 1000
 *         characters: Comfy Router's schema of runway/aleph2
 *         (https://docs.comfy.org/zh/development/comfy-router/models/runway/aleph2/code, secondary).
 *   [P]   price: gen4_aleph's 15 credits/s at $0.01 a credit (Runway's api-reference skill as copied
 *         at https://skillspool.org/ja/skills/udbfd68-cell-aurion-app-agents-skills-api-reference-skill-md,
 *         secondary); aleph2's own rate was not found, so this is an estimate.
 */
import { AppError } from '../../../../../shared/errors.js';
import type { ModelRule } from '../../../../../shared/generation/capabilities.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';

const SDK = '@runwayml/sdk 4.20.1 resources/video-to-video.d.ts (generated from Runway OpenAPI spec)';
export const ALEPH_MAX_SEC = 30;
const PROMPT_MAX = 1000;
const KEYFRAMES_MAX = 5;

export const ALEPH_RULES: readonly ModelRule[] = [
  {
    rule: 'POST /v1/video_to_video with `videoUri` (the take, as a data URI up to 5 MB, else an ephemeral upload); no duration, ratio, references or audio: the output follows the source clip.',
    source: SDK,
    firstParty: true,
  },
  {
    rule: 'First / last frame go as `keyframes` {uri, at: 0 | 1} (at most 5); camera moves go in `promptText`.',
    source: SDK,
    firstParty: true,
  },
  {
    rule: '`gen4_aleph` is refused before sending: Runway dropped it from the API on 2026-06-10 for aleph2.',
    source: 'github.com/runwayml/sdk-node commit 72f96f2 (VideoToVideoCreateParams.Gen4Aleph removed)',
    firstParty: true,
  },
  {
    rule: 'The source clip is at most 30 s; promptText at most 1000 characters.',
    source: 'https://docs.comfy.org/zh/development/comfy-router/models/runway/aleph2/code',
    firstParty: false,
  },
  {
    rule: "Priced at $0.15 per output second (gen4_aleph's 15 credits/s; aleph2's own rate not found).",
    source: 'https://skillspool.org/ja/skills/udbfd68-cell-aurion-app-agents-skills-api-reference-skill-md',
    firstParty: false,
  },
];

export interface AlephInputs {
  /** The source clip's URI (data URI or runway:// upload). */
  video: string;
  first: string | null;
  last: string | null;
}

/** The video_to_video body for one shot; INVALID_INPUT (nothing sent) for what Aleph refuses. */
export function buildAlephBody(req: GenerationRequest, inputs: AlephInputs): Record<string, unknown> {
  const shot = `Shot ${req.shotNumber}`;
  const src = req.sourceVideo;
  if (!src)
    throw new AppError('INVALID_INPUT', `${shot}: Runway Aleph 2 edits an existing clip; restyle a take with it.`, {
      model: 'aleph2',
    });
  if (src.durationSec > ALEPH_MAX_SEC)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: the clip to restyle is ${src.durationSec.toFixed(1)} s; Runway Aleph 2 takes clips up to ${ALEPH_MAX_SEC} s. Trim it first.`,
      { model: 'aleph2', durationSec: src.durationSec },
    );
  const prompt = shotPrompt(req, 'sentence');
  if (prompt.length > PROMPT_MAX)
    throw new AppError(
      'INVALID_INPUT',
      `${shot}: the prompt is ${prompt.length} characters; Runway Aleph 2 takes at most ${PROMPT_MAX}.`,
      { model: 'aleph2' },
    );
  const keyframes = [
    ...(inputs.first ? [{ uri: inputs.first, at: 0 }] : []),
    ...(inputs.last ? [{ uri: inputs.last, at: 1 }] : []),
  ].slice(0, KEYFRAMES_MAX);
  if (!prompt && !keyframes.length)
    throw new AppError('INVALID_INPUT', `${shot} has no prompt; say how Runway Aleph 2 should change the clip.`, {
      shotId: req.shotId,
    });
  const body: Record<string, unknown> = { model: 'aleph2', videoUri: inputs.video };
  if (prompt) body.promptText = prompt;
  if (keyframes.length) body.keyframes = keyframes;
  if (req.seed !== null) body.seed = req.seed >>> 0;
  return body;
}
