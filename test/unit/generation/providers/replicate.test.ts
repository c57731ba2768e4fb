import { describe, expect, it } from 'vitest';
import { createReplicateProvider } from '../../../../electron/services/generation/providers/replicate.js';
import {
  classifyReplicate,
  mapReplicateError,
  oneShotFetch,
  replicateReason,
} from '../../../../electron/services/generation/providers/replicate/client.js';
import {
  REPLICATE_MODELS,
  replicateInput,
  replicateModel,
} from '../../../../electron/services/generation/providers/replicate/models.js';
import { AppError } from '../../../../shared/errors.js';
import { genRequest } from '../../../fakes/providerRequest.js';

const model = (id: string) => {
  const m = replicateModel(id);
  if (!m) throw new Error(id);
  return m;
};

describe('replicate catalogue', () => {
  it('Veo durations snap to 4/6/8 (integers); aspect from the size; Seedance takes any whole second to 15', () => {
    expect(
      replicateInput(
        model('google/veo-3.1'),
        genRequest({ durationSec: 7, width: 1080, height: 1920, seed: null }),
        {},
      ),
    ).toEqual({
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 8,
      aspect_ratio: '9:16',
      resolution: '1080p',
      generate_audio: true,
    });
    expect(replicateInput(model('bytedance/seedance-2.0'), genRequest({ durationSec: 20 }), {}).duration).toBe(15);
    expect(createReplicateProvider().capabilities.models.map((m) => m.id)).toEqual(REPLICATE_MODELS.map((m) => m.id));
  });

  it('estimates from the price table', () => {
    expect(createReplicateProvider().estimateCost(genRequest({ durationSec: 8, model: 'google/veo-3.1' }))).toBeCloseTo(
      3.2,
      2,
    );
  });
});

describe('replicate errors and the one-shot fetch', () => {
  it('classifies problem details', () => {
    expect(replicateReason('{"title":"Unauthenticated","detail":"bad token","status":401}')).toBe(
      'Unauthenticated: bad token',
    );
    expect(classifyReplicate(401, 'x')).toBe('auth');
    expect(classifyReplicate(402, 'x')).toBe('quota');
    expect(classifyReplicate(200, 'flagged as sensitive (E005)')).toBe('moderation');
    expect(classifyReplicate(422, 'Input validation failed')).toBe('invalid');
  });

  it('maps an SDK ApiError by its shape; 5xx stays a plain Error', () => {
    const api = Object.assign(
      new Error(
        'Request to x failed with status 422 Unprocessable: {"title":"Input validation failed","detail":"- input.duration"}.',
      ),
      { name: 'ApiError', response: { status: 422 } },
    );
    const e = mapReplicateError(api, 'create');
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).details).toMatchObject({
      status: 422,
      failureKind: 'invalid',
      reason: 'Input validation failed: - input.duration',
    });
    const five = Object.assign(new Error('failed with status 500'), { name: 'ApiError', response: { status: 500 } });
    expect(mapReplicateError(five, 'create')).not.toBeInstanceOf(AppError);
  });

  it('a second attempt through the same client never reaches the network', async () => {
    const f = oneShotFetch();
    const first = await f('http://127.0.0.1:9/unreachable').then(
      () => null,
      (e: unknown) => e,
    );
    const second = await f('http://127.0.0.1:9/unreachable').then(
      () => null,
      (e: unknown) => e,
    );
    expect(first).toBeInstanceOf(Error);
    expect(second).toBe(first);
  });
});
