import { flaggedInput } from '../../../../shared/generation/failure.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import {
  classifySeedanceError,
  createSeedanceProvider,
} from '../../../../electron/services/generation/providers/seedance.js';
import {
  seedanceBody,
  seedanceRatio,
  seedanceResolution,
} from '../../../../electron/services/generation/providers/seedance/body.js';
import {
  SEEDANCE_MODELS,
  seedanceModel,
  seedanceRegion,
} from '../../../../electron/services/generation/providers/seedance/models.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';

const model = (id: string) => {
  const m = seedanceModel(id);
  if (!m) throw new Error(id);
  return m;
};

describe('seedance body', () => {
  it('2.0: text item plus options as body fields (4-15 s, no camera_fixed), audio on; BytePlus id by default', async () => {
    const body = await seedanceBody(model('seedance-2-0'), genRequest({ durationSec: 7 }));
    expect(body).toEqual({
      model: 'dreamina-seedance-2-0-260128',
      content: [{ type: 'text', text: '镜头: a "quoted" campfire at 100% dusk' }],
      ratio: '16:9',
      duration: 7,
      resolution: '720p',
      seed: 42,
      watermark: false,
      generate_audio: true,
    });
  });

  it('model ids follow the region: Volcengine ids all carry doubao-, BytePlus 1.0 ids none; old ids still find their model', async () => {
    const text = genRequest();
    expect((await seedanceBody(model('seedance-2-0'), text, 'cn')).model).toBe('doubao-seedance-2-0-260128');
    expect((await seedanceBody(model('seedance-1-0-pro'), text, 'cn')).model).toBe('doubao-seedance-1-0-pro-250528');
    expect((await seedanceBody(model('seedance-1-0-pro'), text, 'intl')).model).toBe('seedance-1-0-pro-250528');
    expect(seedanceModel('doubao-seedance-2-0-260128')?.id).toBe('seedance-2-0');
    expect(seedanceModel('seedance-1-0-lite-i2v-250428')?.id).toBe('seedance-1-0-lite-i2v');
    expect(seedanceRegion('https://ark.cn-beijing.volces.com/api/v3')).toBe('cn');
    expect(seedanceRegion('https://ark.ap-southeast.bytepluses.com/api/v3')).toBe('intl');
    expect(seedanceRegion('http://127.0.0.1:9/api/v3', { STORYBOARD_SEEDANCE_REGION: 'cn' })).toBe('cn');
  });

  it('2.0 Fast is capped at 720p; a camera move is a prompt sentence', async () => {
    const body = await seedanceBody(
      model('seedance-2-0-fast'),
      genRequest({ width: 1920, height: 1080, camera: 'pan_left' }),
    );
    expect(body).toMatchObject({
      resolution: '720p',
      content: [{ type: 'text', text: '镜头: a "quoted" campfire at 100% dusk The camera pans left.' }],
    });
    expect((await seedanceBody(model('seedance-2-0'), genRequest({ width: 1920, height: 1080 }))).resolution).toBe(
      '1080p',
    );
  });

  it('1.0 lite i2v: references without a first frame are sent; neither is refused before sending', async () => {
    const refs = [{ assetId: 'e', path: FIRST_FRAME, kind: 'character' as const, name: 'Mia' }];
    const body = await seedanceBody(model('seedance-1-0-lite-i2v'), { ...genRequest(), references: refs });
    expect((body.content as { role?: string }[]).map((c) => c.role)).toEqual([undefined, 'reference_image']);
    await expect(seedanceBody(model('seedance-1-0-lite-i2v'), genRequest())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/no first frame and no element pictures/),
    });
  });

  it('1.0: options as --flags in the text, first/last frames as data URIs with roles', async () => {
    const body = await seedanceBody(
      model('seedance-1-0-pro'),
      genRequest({
        firstFrame: { assetId: 'a', path: FIRST_FRAME },
        lastFrame: { assetId: 'b', path: FIRST_FRAME },
        camera: 'push_in',
        seed: null,
        width: 720,
        height: 480,
      }),
    );
    const png = `data:image/png;base64,${readFileSync(FIRST_FRAME).toString('base64')}`;
    expect(body).toEqual({
      model: 'seedance-1-0-pro-250528',
      content: [
        {
          type: 'text',
          text: '镜头: a "quoted" campfire at 100% dusk The camera slowly pushes in. --ratio adaptive --duration 5 --resolution 480p --camerafixed false --watermark false',
        },
        { type: 'image_url', image_url: { url: png }, role: 'first_frame' },
        { type: 'image_url', image_url: { url: png }, role: 'last_frame' },
      ],
    });
  });

  it('a missing first frame is INVALID_INPUT before anything is sent', async () => {
    await expect(
      seedanceBody(
        model('seedance-1-0-pro'),
        genRequest({ firstFrame: { assetId: 'a', path: '/nope/missing 镜头.png' } }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
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
    expect(model('seedance-1-0-lite-t2v').imageToVideo).toBe(false);
    expect(model('seedance-2-0').audio).toBe(true);
    const caps = createSeedanceProvider().capabilities;
    expect(caps.models.map((m) => m.id)).toEqual(SEEDANCE_MODELS.map((m) => m.id));
    // The provider's defaults are its first (default) model's; each model carries its own.
    expect(caps.models[0]?.id).toBe('seedance-2-0');
    expect(caps.audio && caps.lastFrame && caps.imageToVideo && caps.textToVideo).toBe(true);
    expect(modelCapabilities(caps, 'seedance-1-0-lite-t2v')).toMatchObject({
      imageToVideo: false,
      lastFrame: false,
      audio: false,
      referenceImagesMax: 0,
    });
    expect(modelCapabilities(caps, 'seedance-1-0-lite-i2v')).toMatchObject({
      textToVideo: true,
      referenceImagesMax: 4,
      durations: { kind: 'range', min: 3, max: 12 },
    });
  });

  it('estimates from the price table at the billed duration', () => {
    const p = createSeedanceProvider();
    // 2.0 bills 4-15 s: a 6 s shot is billed as 6 s, a 3 s one as 4 s.
    expect(p.estimateCost(genRequest({ durationSec: 6 }))).toBeCloseTo(1.12, 2);
    expect(p.estimateCost(genRequest({ durationSec: 3 }))).toBeCloseTo(0.74, 2);
  });

  it('a moderation refusal names the flagged input when Ark says which', () => {
    expect(
      classifySeedanceError(400, { error: { code: 'InputTextSensitiveContentDetected', message: 'x' } }).flagged,
    ).toBe('prompt');
    expect(
      classifySeedanceError(400, { error: { code: 'InputImageSensitiveContentDetected', message: 'x' } }).flagged,
    ).toBe('image');
    expect(
      classifySeedanceError(200, { error: { code: 'OutputVideoSensitiveContentDetected', message: 'x' } }).flagged,
    ).toBe('output');
    expect(flaggedInput('SAFETY.INPUT.IMAGE')).toBe('image');
    expect(flaggedInput(1026)).toBe('prompt');
    expect(flaggedInput('TaskPromptPolicyViolation')).toBe('prompt');
    expect(flaggedInput('CreationPolicyViolation')).toBe('output');
    expect(flaggedInput('AuditSubmitIllegal')).toBeNull();
    expect(flaggedInput('RiskControl')).toBeNull();
  });

  it('classifies Ark error codes', () => {
    expect(
      classifySeedanceError(400, { error: { code: 'InputImageSensitiveContentDetected', message: 'x' } }).kind,
    ).toBe('moderation');
    expect(classifySeedanceError(401, { error: { code: 'AuthenticationError', message: 'bad' } })).toEqual({
      kind: 'auth',
      reason: 'AuthenticationError: bad',
    });
    expect(classifySeedanceError(403, { error: { code: 'AccountOverdueError', message: 'pay' } }).kind).toBe('quota');
    expect(classifySeedanceError(400, { error: { code: 'InvalidParameter', message: 'duration' } }).kind).toBe(
      'invalid',
    );
  });
});
