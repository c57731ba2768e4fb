/** Vidu pieces that need no server: per-model capabilities, body rules, error classification, cost. */
import { describe, expect, it } from 'vitest';
import { createViduProvider, describeViduError } from '../../../../electron/services/generation/providers/vidu.js';
import {
  VIDU_CAPABILITIES,
  viduCreate,
  viduResolution,
} from '../../../../electron/services/generation/providers/vidu/models.js';
import { capabilityProblem, modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { priceTable } from '../../../../shared/generation/prices.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { rejectionOf } from '../../../helpers/errors.js';

describe('Vidu capabilities per model', () => {
  it('q3 has sound and 1-16 s; q2 1-10 s, text and references only; q1 takes up to 7 references and makes 5 s', () => {
    expect(modelCapabilities(VIDU_CAPABILITIES, 'viduq3-pro')).toMatchObject({
      audio: true,
      durations: { kind: 'range', min: 1, max: 16 },
      referenceImagesMax: 0,
    });
    expect(modelCapabilities(VIDU_CAPABILITIES, 'viduq2')).toMatchObject({
      audio: false,
      durations: { kind: 'range', min: 1, max: 10 },
      referenceImagesMax: 7,
      imageToVideo: false,
      lastFrame: false,
    });
    expect(modelCapabilities(VIDU_CAPABILITIES, 'viduq1')).toMatchObject({
      referenceImagesMax: 7,
      durations: { kind: 'set', values: [5] },
    });
    // Every model but q2 takes a first frame and a last frame (start-end2video).
    const req = genRequest({
      firstFrame: { assetId: 'a', path: '/x.png' },
      lastFrame: { assetId: 'b', path: '/y.png' },
    });
    for (const m of VIDU_CAPABILITIES.models)
      expect(capabilityProblem('Vidu', VIDU_CAPABILITIES, { ...req, model: m.id }) === null).toBe(m.id !== 'viduq2');
  });
});

describe('Vidu request body', () => {
  it('clamps the duration to the model and picks aspect/resolution from the project size', async () => {
    const { path, body } = await viduCreate(
      genRequest({
        model: 'viduq2',
        durationSec: 30,
        width: 720,
        height: 1280,
        camera: 'pan_left',
        stylePrompt: 'noir',
      }),
      undefined,
    );
    expect(path).toBe('/text2video');
    expect(body).toEqual({
      model: 'viduq2',
      prompt: '镜头: a "quoted" campfire at 100% dusk. noir The camera pans left.',
      duration: 10,
      seed: 42,
      aspect_ratio: '9:16',
      resolution: '720p',
      movement_amplitude: 'auto',
    });
    expect(viduResolution(720, 480)).toBe('540p');
    expect(viduResolution(3840, 2160)).toBe('1080p');
  });

  it('refuses an unknown model, an empty prompt and a last frame without a first, before sending', async () => {
    expect((await rejectionOf(viduCreate(genRequest({ model: 'vidu9' }), undefined))).message).toMatch(
      /no model "vidu9".*viduq3-pro/,
    );
    expect((await rejectionOf(viduCreate(genRequest({ prompt: ' ', title: '' }), undefined))).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await rejectionOf(viduCreate(genRequest({ lastFrame: { assetId: 'a', path: '/x.png' } }), undefined))).message,
    ).toMatch(/needs both/);
  });
});

describe('Vidu errors', () => {
  it("classifies auth, quota, moderation and invalid parameters, keeping Vidu's words", () => {
    expect(describeViduError(401, { code: 401, reason: 'Unauthorized', message: 'invalid api key' }).kind).toBe('auth');
    expect(describeViduError(400, { reason: 'CreditInsufficient', message: 'not enough credits' })).toEqual({
      kind: 'quota',
      reason: 'CreditInsufficient: not enough credits',
    });
    expect(describeViduError(200, { err_code: 'AuditSubmitIllegal' }).kind).toBe('moderation');
    expect(describeViduError(400, { message: 'duration out of range' }).kind).toBe('invalid');
    expect(describeViduError(500, 'gateway down')).toEqual({ kind: 'provider', reason: 'gateway down' });
  });
});

describe('Vidu cost', () => {
  it('is unpriced (NaN) without a table entry, and priced per billed second with one', () => {
    expect(createViduProvider({ env: {} }).estimateCost(genRequest({ model: 'viduq2' }))).toBeNull();
    // The default model (Q3 Pro) has a (secondary) price: 5 s at $0.15/s.
    expect(createViduProvider({ env: {} }).estimateCost(genRequest())).toBeCloseTo(0.75, 6);
    const priced = createViduProvider({
      env: {},
      prices: priceTable([{ provider: 'vidu', model: 'viduq1', perSecond: 0.1 }]),
    });
    // viduq1 bills 5 s whatever the shot asks.
    expect(priced.estimateCost(genRequest({ model: 'viduq1', durationSec: 2 }))).toBe(0.5);
  });

  it('takes the plan concurrency from STORYBOARD_VIDU_CONCURRENCY, ignoring nonsense', () => {
    expect(createViduProvider({ env: { STORYBOARD_VIDU_CONCURRENCY: '5' } }).maxConcurrent).toBe(5);
    expect(createViduProvider({ env: { STORYBOARD_VIDU_CONCURRENCY: 'lots' } }).maxConcurrent).toBe(2);
  });
});
