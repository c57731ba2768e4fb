/** Wan pieces that need no server: regions, model choice, sizes, error classification, cost. */
import { describe, expect, it } from 'vitest';
import {
  createWanProvider,
  describeWanError,
  wanBaseUrl,
} from '../../../../electron/services/generation/providers/wan.js';
import {
  WAN_CAPABILITIES,
  WAN_KF2V_PATH,
  wanModel,
  wanTier,
} from '../../../../electron/services/generation/providers/wan/models.js';
import { wanCreate } from '../../../../electron/services/generation/providers/wan/create.js';
import { capabilityProblem, modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { FIRST_FRAME, genRequest } from '../../../fakes/providerRequest.js';
import { rejectionOf } from '../../../helpers/errors.js';

const frame = { assetId: 'a', path: '/x.png' };

describe('Wan regions', () => {
  it('maps region names to DashScope hosts, env as fallback, URLs as given', () => {
    expect(wanBaseUrl(undefined, {})).toBe('https://dashscope-intl.aliyuncs.com');
    expect(wanBaseUrl('mainland', {})).toBe('https://dashscope.aliyuncs.com');
    expect(wanBaseUrl('', { STORYBOARD_WAN_REGION: 'cn' })).toBe('https://dashscope.aliyuncs.com');
    expect(wanBaseUrl('US', {})).toBe('https://dashscope-us.aliyuncs.com');
    expect(wanBaseUrl('http://127.0.0.1:9/Proxy', {})).toBe('http://127.0.0.1:9/Proxy');
    expect(() => wanBaseUrl('mars', {})).toThrow(/neither a URL nor a region/);
  });
});

describe('Wan models', () => {
  it('auto picks t2v, i2v or 2.7 first+last from the shot; a fixed model keeps its own abilities', () => {
    expect(wanModel(genRequest()).id).toBe('wan2.6-t2v');
    expect(wanModel(genRequest({ firstFrame: frame })).id).toBe('wan2.6-i2v');
    expect(wanModel(genRequest({ firstFrame: frame, lastFrame: frame })).id).toBe('wan2.7-i2v');
    expect(wanModel(genRequest({ model: 'wan2.2-kf2v-flash' })).kind).toBe('kf2v');
    expect(capabilityProblem('Wan', WAN_CAPABILITIES, genRequest({ model: 'wan2.6-t2v', firstFrame: frame }))).toMatch(
      /cannot start from an image/,
    );
    expect(capabilityProblem('Wan', WAN_CAPABILITIES, genRequest({ model: 'wan2.6-i2v' }))).toMatch(/needs one/);
    expect(
      capabilityProblem(
        'Wan',
        WAN_CAPABILITIES,
        genRequest({ model: 'wan2.6-i2v', firstFrame: frame, lastFrame: frame }),
      ),
    ).toMatch(/last frame/);
    expect(capabilityProblem('Wan', WAN_CAPABILITIES, genRequest({ firstFrame: frame, lastFrame: frame }))).toBeNull();
    expect(modelCapabilities(WAN_CAPABILITIES, 'wan2.2-i2v-flash').durations).toEqual({ kind: 'set', values: [5] });
  });

  it('t2v sizes follow the aspect at 720P/1080P; resolution tiers by the short side', async () => {
    const square = await wanCreate(genRequest({ width: 1080, height: 1080, seed: -5 }));
    expect(square.body.parameters).toMatchObject({ size: '1440*1440', seed: 5 });
    expect(wanTier('wan2.2-i2v-flash', 854, 480)).toBe('480P');
    expect(wanTier('wan2.7-i2v', 854, 480)).toBe('720P'); // 2.7 has no 480P
    expect(WAN_KF2V_PATH).toBe('/api/v1/services/aigc/image2video/video-synthesis');
  });

  it('each model gets a size or tier from its own list (was one shared list)', async () => {
    const hd = { width: 1280, height: 720 };
    // wan2.2-t2v-plus has no 720P sizes: a 720p project is rendered at 1080P; turbo has no 1080P.
    expect((await wanCreate(genRequest({ model: 'wan2.2-t2v-plus', ...hd }))).body.parameters).toMatchObject({
      size: '1920*1080',
    });
    expect(
      (await wanCreate(genRequest({ model: 'wanx2.1-t2v-turbo', width: 1920, height: 1080 }))).body.parameters,
    ).toMatchObject({ size: '1280*720' });
    expect(
      (await wanCreate(genRequest({ model: 'wanx2.1-t2v-turbo', width: 854, height: 480 }))).body.parameters,
    ).toMatchObject({ size: '832*480' });
    expect(
      (
        await wanCreate(
          genRequest({ model: 'wan2.2-i2v-plus', firstFrame: { assetId: 'f', path: FIRST_FRAME }, ...hd }),
        )
      ).body.parameters,
    ).toMatchObject({ resolution: '1080P' });
    expect((await wanCreate(genRequest({ model: 'wan2.6-t2v', camera: 'tilt_up' }))).body.input).toMatchObject({
      prompt: '镜头: a "quoted" campfire at 100% dusk The camera tilts up.',
    });
  });

  it('refuses before sending: unknown model, a first frame for t2v, a last frame alone', async () => {
    expect((await rejectionOf(wanCreate(genRequest({ model: 'wan9' })))).message).toMatch(/no model "wan9"/);
    expect((await rejectionOf(wanCreate(genRequest({ model: 'wan2.6-t2v', firstFrame: frame })))).code).toBe(
      'INVALID_INPUT',
    );
    expect((await rejectionOf(wanCreate(genRequest({ lastFrame: frame })))).message).toMatch(/needs both/);
  });
});

describe('Wan errors and cost', () => {
  it('classifies DashScope codes; throttling is never called an empty account', () => {
    expect(describeWanError(401, { code: 'InvalidApiKey', message: 'Invalid API-key provided.' }).kind).toBe('auth');
    expect(
      describeWanError(400, {
        code: 'Arrearage',
        message: 'Access denied, please make sure your account is in good standing.',
      }).kind,
    ).toBe('quota');
    expect(
      describeWanError(400, { code: 'DataInspectionFailed', message: 'Input data may contain inappropriate content.' })
        .kind,
    ).toBe('moderation');
    expect(describeWanError(400, { code: 'InvalidParameter', message: 'bad size' })).toEqual({
      kind: 'invalid',
      reason: 'InvalidParameter: bad size',
    });
    expect(describeWanError(429, { code: 'Throttling.RateQuota', message: 'slow down' }).kind).toBe('provider');
    expect(describeWanError(200, { output: { code: 'InternalError', message: 'algo' } }).reason).toBe(
      'InternalError: algo',
    );
  });

  it('estimates from the price table per billed second (a 5 s-only model bills 5 s)', () => {
    const wan = createWanProvider({ env: {} });
    expect(wan.estimateCost(genRequest({ model: 'wan2.2-i2v-flash', durationSec: 2 }))).toBe(0.14);
    expect(wan.estimateCost(genRequest({ durationSec: 10 }))).toBe(0.85);
  });
});
