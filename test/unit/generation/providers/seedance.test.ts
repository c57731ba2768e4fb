import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { classifySeedanceError, createSeedanceProvider } from '../../../../electron/services/generation/providers/seedance.js';
import { seedanceBody, seedanceRatio, seedanceResolution } from '../../../../electron/services/generation/providers/seedance/body.js';
import { SEEDANCE_MODELS, seedanceModel } from '../../../../electron/services/generation/providers/seedance/models.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';

const model = (id: string) => {
  const m = seedanceModel(id);
  if (!m) throw new Error(id);
  return m;
};

describe('seedance body', () => {
  it('2.0: text item plus options as body fields, audio on', async () => {
    const body = await seedanceBody(model('doubao-seedance-2-0-260128'), genRequest({ durationSec: 7 }));
    expect(body).toEqual({
      model: 'doubao-seedance-2-0-260128',
      content: [{ type: 'text', text: '镜头: a "quoted" campfire at 100% dusk' }],
      ratio: '16:9', duration: 10, resolution: '720p', seed: 42, camera_fixed: true, watermark: false, generate_audio: true,
    });
  });

  it('1.0: options as --flags in the text, first/last frames as data URIs with roles', async () => {
    const body = await seedanceBody(model('seedance-1-0-pro-250528'), genRequest({
      firstFrame: { assetId: 'a', path: FIRST_FRAME }, lastFrame: { assetId: 'b', path: FIRST_FRAME }, camera: 'push_in', seed: null, width: 720, height: 480,
    }));
    const png = `data:image/png;base64,${readFileSync(FIRST_FRAME).toString('base64')}`;
    expect(body).toEqual({
      model: 'seedance-1-0-pro-250528',
      content: [
        { type: 'text', text: '镜头: a "quoted" campfire at 100% dusk --ratio adaptive --duration 5 --resolution 480p --camerafixed false --watermark false' },
        { type: 'image_url', image_url: { url: png }, role: 'first_frame' },
        { type: 'image_url', image_url: { url: png }, role: 'last_frame' },
      ],
    });
  });

  it('a missing first frame is INVALID_INPUT before anything is sent', async () => {
    await expect(seedanceBody(model('seedance-1-0-pro-250528'), genRequest({ firstFrame: { assetId: 'a', path: '/nope/missing 镜头.png' } })))
      .rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('ratio and resolution follow the size', () => {
    expect(seedanceRatio(1080, 1920)).toBe('9:16');
    expect(seedanceRatio(2520, 1080)).toBe('21:9');
    expect(seedanceRatio(1000, 1000)).toBe('1:1');
    expect(seedanceResolution(1920, 1080)).toBe('1080p');
    expect(seedanceResolution(640, 480)).toBe('480p');
  });
});

describe('seedance capabilities and errors', () => {
  it('per-model facts: lite t2v has no image input, 2.0 has audio, union on the provider', () => {
    expect(model('seedance-1-0-lite-t2v-250428').imageToVideo).toBe(false);
    expect(model('doubao-seedance-2-0-260128').audio).toBe(true);
    const caps = createSeedanceProvider().capabilities;
    expect(caps.models.map((m) => m.id)).toEqual(SEEDANCE_MODELS.map((m) => m.id));
    // The provider's defaults are its first (default) model's; each model carries its own.
    expect(caps.models[0]?.id).toBe('doubao-seedance-2-0-260128');
    expect(caps.audio && caps.lastFrame && caps.imageToVideo && caps.textToVideo).toBe(true);
    expect(modelCapabilities(caps, 'seedance-1-0-lite-t2v-250428')).toMatchObject({ imageToVideo: false, lastFrame: false, audio: false, referenceImagesMax: 0 });
    expect(modelCapabilities(caps, 'seedance-1-0-lite-i2v-250428')).toMatchObject({ textToVideo: false, referenceImagesMax: 4, durations: { kind: 'range', min: 3, max: 12 } });
  });

  it('estimates from the price table at the billed duration', () => {
    const p = createSeedanceProvider();
    // 2.0 bills 5 or 10 s: a 6 s shot is billed as 10 s.
    expect(p.estimateCost(genRequest({ durationSec: 6 }))).toBeCloseTo(1.86, 2);
  });

  it('classifies Ark error codes', () => {
    expect(classifySeedanceError(400, { error: { code: 'InputImageSensitiveContentDetected', message: 'x' } }).kind).toBe('moderation');
    expect(classifySeedanceError(401, { error: { code: 'AuthenticationError', message: 'bad' } })).toEqual({ kind: 'auth', reason: 'AuthenticationError: bad' });
    expect(classifySeedanceError(403, { error: { code: 'AccountOverdueError', message: 'pay' } }).kind).toBe('quota');
    expect(classifySeedanceError(400, { error: { code: 'InvalidParameter', message: 'duration' } }).kind).toBe('invalid');
  });
});
