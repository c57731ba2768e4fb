import { describe, expect, it } from 'vitest';
import { createFalProvider, splitFalTask } from '../../../../electron/services/generation/providers/fal.js';
import { ApiError } from '@fal-ai/client';
import { classifyFal, falReason, mapFalError } from '../../../../electron/services/generation/providers/fal/client.js';
import type { AppError } from '../../../../shared/errors.js';
import { jobErrorOf } from '../../../../shared/generation/jobErrors.js';
import {
  FAL_MODELS,
  falInput,
  falModel,
  falModelCapabilities,
} from '../../../../electron/services/generation/providers/fal/models.js';
import { genRequest } from '../../../fakes/providerRequest.js';

const model = (id: string) => {
  const m = falModel(id);
  if (!m) throw new Error(id);
  return m;
};

describe('fal catalogue', () => {
  it('per-model capabilities: Kling 2.1 Pro is image-only with a tail frame, Veo has audio', () => {
    const k = falModelCapabilities(model('fal-ai/kling-video/v2.1/pro'));
    expect([k.textToVideo, k.imageToVideo, k.lastFrame, k.audio]).toEqual([false, true, true, false]);
    const v = falModelCapabilities(model('fal-ai/veo3.1'));
    expect([v.textToVideo, v.imageToVideo, v.lastFrame, v.audio]).toEqual([true, true, true, true]);
    expect(createFalProvider().capabilities.models.map((m) => m.id)).toEqual(FAL_MODELS.map((m) => m.id));
  });

  it('Veo: durations as "Ns" strings, aspect from the size; Kling: "5"/"10" strings', () => {
    const veo = falInput(
      model('fal-ai/veo3.1'),
      genRequest({ durationSec: 7.5, width: 1080, height: 1920, seed: null }),
      {},
    );
    expect(veo).toEqual({
      endpoint: 'fal-ai/veo3.1',
      input: {
        prompt: '镜头: a "quoted" campfire at 100% dusk',
        duration: '8s',
        aspect_ratio: '9:16',
        resolution: '1080p',
        generate_audio: true,
      },
    });
    const kling = falInput(
      model('fal-ai/kling-video/v2.5-turbo/pro'),
      genRequest({ durationSec: 3, width: 1000, height: 1000 }),
      {},
    );
    expect(kling.input).toEqual({
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: '5',
      aspect_ratio: '1:1',
    });
  });

  it('estimates from the price table at the billed duration', () => {
    // Veo 3.1 Fast $0.15/s; a 5 s shot is billed as the 6 s clip it gets.
    expect(createFalProvider().estimateCost(genRequest({ durationSec: 5 }))).toBeCloseTo(0.9, 2);
    expect(
      createFalProvider().estimateCost(genRequest({ durationSec: 5, model: 'fal-ai/kling-video/v2.1/pro' })),
    ).toBeCloseTo(0.49, 2);
  });

  it('task ids keep the endpoint', () => {
    expect(splitFalTask('fal-ai/veo3.1/fast|abc-1')).toEqual({ endpoint: 'fal-ai/veo3.1/fast', requestId: 'abc-1' });
    expect(() => splitFalTask('nope')).toThrow();
  });

  it('classifies fal errors', () => {
    expect(
      classifyFal(422, { detail: [{ loc: ['body', 'prompt'], msg: 'flagged', type: 'content_policy_violation' }] }),
    ).toEqual({ kind: 'moderation', reason: 'prompt: flagged', flagged: 'prompt' });
    // fal's `loc` names the flagged input (docs.fal.ai/errors): a picture, the clip, or nothing said.
    const refusal = (field: string) =>
      classifyFal(422, { detail: [{ loc: ['body', field], msg: 'flagged', type: 'content_policy_violation' }] })
        .flagged;
    expect(['start_image_url', 'image_urls', 'video_url', 'seed'].map(refusal)).toEqual([
      'image',
      'image',
      'video',
      null,
    ]);
    const refused = mapFalError(
      new ApiError({
        message: 'x',
        status: 422,
        body: { detail: [{ loc: ['body', 'image_url'], msg: 'flagged', type: 'content_policy_violation' }] },
      }),
      'queue shot 1',
    ) as AppError;
    expect(refused.message).toMatch(/flagged an input picture \(the first frame, last frame or a reference\)/);
    expect(jobErrorOf(refused, 'fal.ai')).toEqual({
      code: 'moderationImage',
      params: { provider: 'fal.ai', detail: refused.message },
    });
    expect(classifyFal(403, { detail: 'User is locked. Reason: Exhausted balance.' }).kind).toBe('quota');
    expect(classifyFal(401, { detail: 'Invalid key' }).kind).toBe('auth');
    expect(classifyFal(422, { detail: [{ loc: ['body', 'duration'], msg: 'bad', type: 'value_error' }] }).kind).toBe(
      'invalid',
    );
    expect(falReason('x', 'fallback').reason).toBe('fallback');
  });
});
