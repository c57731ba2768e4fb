/**
 * Kling 3.0 multi-shot: several consecutive storyboard shots made by ONE create, each shot a
 * `multi_prompt` entry with its own prompt and whole-second duration; Kling cuts between them in
 * the one clip it returns, so the cut points are the running sums of those durations. Pure.
 *
 * Rules (Kling capability map as @ai-sdk/klingai KlingAIVideoModelOptions documents it —
 * github.com/vercel/ai packages/klingai, secondary — and its examples against the official API):
 *   - `multi_shot: true` with `shot_type: "customize"` needs `multi_prompt`: up to 6 entries
 *     `{index (1-based), prompt (max 512 chars), duration (string, whole seconds)}`;
 *   - the durations must sum to the request's `duration` (3-15 s on kling-v3); the main prompt
 *     is ignored, so it is not sent;
 *   - text2video and image2video (a first frame opens the first shot); Kling v3.0 and later only.
 * Unconfirmed from a first-party page: a minimum per-shot length; one second is assumed. Not
 * documented by Kling's API pages or @ai-sdk/klingai; guides to the Kling app's custom
 * storyboard say 3 s per shot (https://kling3pro.com/blog/kling-3-0-multi-shot-guide, secondary):
 * the README's rule for kling-v3 says so (rules.ts).
 */
import { AppError } from '../../../../../shared/errors.js';
import { shotPrompt } from '../../../../../shared/generation/cameraMoves.js';
import type { GenerationRequest } from '../../../../../shared/generation/request.js';
import type { MultiShotCapability } from '../../../../../shared/generation/multiShot.js';

export const KLING_MULTI_SHOT = { models: ['kling-v3'], maxShots: 6, minTotal: 3, maxTotal: 15, maxPrompt: 512 };

/** What kling-v3 declares (ProviderCapabilities.multiShot): cuts at the durations sent. */
export const KLING_MULTI_SHOT_CAPABILITY: MultiShotCapability = {
  maxShots: KLING_MULTI_SHOT.maxShots,
  minTotalSec: KLING_MULTI_SHOT.minTotal,
  maxTotalSec: KLING_MULTI_SHOT.maxTotal,
  cuts: 'planned',
};

/** One storyboard shot of the group, in timeline order. */
export type MultiShotPart = Pick<
  GenerationRequest,
  'shotId' | 'shotNumber' | 'prompt' | 'stylePrompt' | 'title' | 'durationSec' | 'camera'
>;

export interface MultiShotPlan {
  /** Whole seconds per shot, as sent. */
  durations: number[];
  total: number;
  /** Where each shot starts and ends in the returned clip (seconds): the split points. */
  segments: { shotId: string; startSec: number; endSec: number }[];
}

/** The durations sent and where the clip is cut, or INVALID_INPUT naming what Kling would refuse. */
export function klingMultiShotPlan(model: string, parts: readonly MultiShotPart[]): MultiShotPlan {
  const first = parts[0]?.shotNumber ?? 0;
  const range = parts.length ? `Shots ${first}-${parts.at(-1)?.shotNumber}` : 'No shots';
  if (!KLING_MULTI_SHOT.models.includes(model))
    throw new AppError(
      'INVALID_INPUT',
      `${range}: ${model} cannot make several shots in one generation (Kling 3.0 can).`,
      {
        model,
      },
    );
  if (parts.length < 2 || parts.length > KLING_MULTI_SHOT.maxShots)
    throw new AppError(
      'INVALID_INPUT',
      `${range}: Kling makes 2 to ${KLING_MULTI_SHOT.maxShots} shots in one generation; ${parts.length} were chosen.`,
      { model, shots: parts.length },
    );
  // 1 s minimum per shot: not documented (see the header); no source sets a different API floor.
  const durations = parts.map((p) => Math.max(1, Math.round(p.durationSec)));
  const total = durations.reduce((a, b) => a + b, 0);
  if (total < KLING_MULTI_SHOT.minTotal || total > KLING_MULTI_SHOT.maxTotal)
    throw new AppError(
      'INVALID_INPUT',
      `${range} last ${total} s together; Kling's multi-shot clip is ${KLING_MULTI_SHOT.minTotal}-${KLING_MULTI_SHOT.maxTotal} s.`,
      { model, totalSec: total },
    );
  let at = 0;
  const segments = parts.map((p, i) => {
    const seg = { shotId: p.shotId, startSec: at, endSec: at + (durations[i] ?? 0) };
    at = seg.endSec;
    return seg;
  });
  return { durations, total, segments };
}

/** The `multi_shot` fields of the create body (merged into a text2video / image2video body). */
export function klingMultiShotFields(model: string, parts: readonly MultiShotPart[]): Record<string, unknown> {
  const plan = klingMultiShotPlan(model, parts);
  const multiPrompt = parts.map((p, i) => {
    const prompt = shotPrompt(p, 'sentence');
    if (!prompt)
      throw new AppError(
        'INVALID_INPUT',
        `Shot ${p.shotNumber} has no prompt; each shot of a multi-shot clip needs one.`,
        {
          shotId: p.shotId,
        },
      );
    if (prompt.length > KLING_MULTI_SHOT.maxPrompt)
      throw new AppError(
        'INVALID_INPUT',
        `Shot ${p.shotNumber}'s prompt is ${prompt.length} characters; a Kling multi-shot prompt takes at most ${KLING_MULTI_SHOT.maxPrompt}.`,
        { shotId: p.shotId },
      );
    return { index: i + 1, prompt, duration: String(plan.durations[i]) };
  });
  return { multi_shot: true, shot_type: 'customize', multi_prompt: multiPrompt, duration: String(plan.total) };
}
