/** "Extend this take": the request's `extend`, refusal sentences, trims, and each adapter's wire mapping. */
import { describe, expect, it } from 'vitest';
import { capabilityProblem, type ProviderCapabilities } from '../../../shared/generation/capabilities.js';
import {
  buildGenerationRequest,
  extendProblem,
  GenerationRequestSchema,
  takeOutputRef,
  type GenerationRequest,
} from '../../../shared/generation/request.js';
import type { Shot } from '../../../shared/model/entities.js';
import { newShot } from '../../../shared/model/factories.js';
import { canExtendAny, extensionTrimIn } from '../../../electron/services/generation/extend.js';
import { klingBody } from '../../../electron/services/generation/providers/kling/body.js';
import { KLING_CAPABILITIES, klingFamily } from '../../../electron/services/generation/providers/kling/models.js';
import { createLumaProvider } from '../../../electron/services/generation/providers/luma.js';
import { buildLumaCreate } from '../../../electron/services/generation/providers/luma/body.js';
import { VEO_CAPABILITIES } from '../../../electron/services/generation/providers/veo.js';
import { veoParams } from '../../../electron/services/generation/providers/veo/params.js';

const FPS = { num: 24, den: 1 };
const shot: Shot = newShot({
  id: 'shot-2',
  position: 1,
  prompt: 'the horse jumps',
  durationFrames: 120,
  provider: 'veo',
  model: 'veo-3.1-generate-preview',
  extendsTakeId: 'take-1',
});
const project = { width: 1280, height: 720, fps: FPS, stylePrompt: '', defaultModel: null };
const EXT = {
  takeId: 'take-1',
  provider: 'veo',
  model: 'veo-3.1-generate-preview',
  ref: 'https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media',
  durationSec: 8,
};

function request(over: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    ...buildGenerationRequest({
      project,
      shot,
      shotNumber: 2,
      frame: () => {
        throw new Error('no frames');
      },
      extend: EXT,
    }),
    ...over,
  };
}

describe('the request', () => {
  it('carries the resolved source as `extend`, validated', () => {
    expect(request().extend).toEqual(EXT);
    expect(
      buildGenerationRequest({ project, shot, shotNumber: 2, frame: () => ({ assetId: 'a', path: '/a' }) }),
    ).not.toHaveProperty('extend');
    expect(GenerationRequestSchema.safeParse({ ...request(), extend: { ...EXT, ref: '' } }).success).toBe(false);
    expect(GenerationRequestSchema.safeParse({ ...request(), extend: { ...EXT, extra: 1 } }).success).toBe(false);
  });

  it("reads a take's stored handle, and nothing else", () => {
    expect(takeOutputRef({ request: { providerOutput: { ref: 'gen-1' } } })).toBe('gen-1');
    expect(takeOutputRef({ request: { providerOutput: { ref: '' } } })).toBeNull();
    expect(takeOutputRef({ request: { source: 'import' } })).toBeNull();
  });
});

describe('refusals name the shot and the reason', () => {
  const extenders = ['Google Veo', 'Kling AI', 'Luma'];
  const veo = { id: 'veo', label: 'Google Veo', canExtend: true };
  it('another provider, a model that cannot extend, no handle, a vanished take', () => {
    expect(
      extendProblem({
        shotNumber: 4,
        source: { provider: 'runway', providerLabel: 'Runway', ref: 'x' },
        provider: veo,
        extenders,
      }),
    ).toBe(
      'Shot 4 extends a Runway take, so only Runway can continue it (asked: Google Veo); only Google Veo, Kling AI, Luma can extend their own clips.',
    );
    expect(
      extendProblem({
        shotNumber: 4,
        source: { provider: 'runway', providerLabel: 'Runway', ref: 'x' },
        provider: { id: 'runway', label: 'Runway', canExtend: false },
        extenders,
      }),
    ).toBe(
      'Shot 4 extends a Runway take, but that model cannot extend clips; only Google Veo, Kling AI, Luma can extend their own clips.',
    );
    expect(
      extendProblem({
        shotNumber: 1,
        source: { provider: 'veo', providerLabel: 'Google Veo', ref: null },
        provider: veo,
        extenders,
      }),
    ).toMatch(/^Shot 1 extends a Google Veo take that has no stored Google Veo clip id/);
    expect(extendProblem({ shotNumber: 3, source: null, provider: veo, extenders })).toMatch(
      /^Shot 3 extends a take that is no longer in this project/,
    );
    expect(
      extendProblem({
        shotNumber: 3,
        source: { provider: 'veo', providerLabel: 'Google Veo', ref: 'u' },
        provider: veo,
        extenders,
      }),
    ).toBeNull();
  });

  it('capabilityProblem refuses an extension for a model without extend', () => {
    const caps: ProviderCapabilities = { ...VEO_CAPABILITIES };
    expect(capabilityProblem('Google Veo', caps, request())).toBeNull();
    expect(capabilityProblem('Google Veo', caps, request({ model: 'veo-3.1-lite-generate-preview' }))).toBe(
      'Shot 2 extends a take, but Google Veo (veo-3.1-lite-generate-preview) cannot extend a clip.',
    );
    expect(
      capabilityProblem('Google Veo', caps, request({ model: 'veo-3.1-lite-generate-preview', extend: undefined })),
    ).toBeNull();
  });

  it('an image-only model that extends (Kling 1.5) extends a take without a first frame, and still needs one for a new clip', () => {
    const caps: ProviderCapabilities = {
      ...VEO_CAPABILITIES,
      models: [{ id: 'kling-v1-5', label: 'Kling 1.5', capabilities: { textToVideo: false, extend: true } }],
    };
    expect(capabilityProblem('Kling', caps, request({ model: 'kling-v1-5' }))).toBeNull();
    expect(capabilityProblem('Kling', caps, request({ model: 'kling-v1-5', extend: undefined }))).toBe(
      'Shot 2 has no first frame, and Kling needs one (it cannot generate from text alone).',
    );
  });
});

describe('the default trim of an extension shot', () => {
  it('skips the source when the output repeats it, else starts at 0', () => {
    expect(extensionTrimIn(VEO_CAPABILITIES, 'veo-3.1-generate-preview', 8, FPS)).toBe(192);
    expect(extensionTrimIn(VEO_CAPABILITIES, 'veo-3.1-generate-preview', 5.0417, { num: 8, den: 1 })).toBe(40);
    expect(extensionTrimIn({ ...VEO_CAPABILITIES, extendIncludesSource: false }, null, 8, FPS)).toBe(0);
  });
});

describe('each adapter maps `extend` to its own field', () => {
  it('Veo: source.video {uri}, 8 s at 720p (extension rules), and refuses frames with it', async () => {
    const params = await veoParams(
      { ...request({ width: 3840, height: 2160 }), extendVideoUri: EXT.ref },
      VEO_CAPABILITIES,
      'veo-3.1-generate-preview',
    );
    expect(params.source).toEqual({ prompt: 'the horse jumps', video: { uri: EXT.ref } });
    expect(params.config).toMatchObject({ durationSeconds: 8, resolution: '720p' });
    await expect(
      veoParams(
        { ...request({ firstFrame: { assetId: 'a', path: '/x.png' } }), extendVideoUri: EXT.ref },
        VEO_CAPABILITIES,
        'veo-3.1-generate-preview',
      ),
    ).rejects.toThrow('Shot 2 extends a Veo clip, which takes no first or last frame; remove them from the shot.');
  });

  it('Kling: /video-extend with video_id for V1 models; refused for V2 models', () => {
    const req = request({
      model: 'kling-v1-6',
      extend: { ...EXT, provider: 'kling', model: 'kling-v1-6', ref: 'v-42' },
    });
    expect(klingFamily(req)).toBe('video-extend');
    expect(klingBody(req, () => '', 'job-1')).toEqual({
      family: 'video-extend',
      body: { video_id: 'v-42', prompt: 'the horse jumps', external_task_id: 'job-1' },
    });
    expect(() => klingBody({ ...req, model: 'kling-v2-6' }, () => '')).toThrow(
      'Shot 2: Kling 2.6 (sound) cannot extend a clip (Kling extends V1-model videos only).',
    );
    expect(canExtendAny(KLING_CAPABILITIES)).toBe(true);
    expect(KLING_CAPABILITIES.extendIncludesSource).toBe(true);
  });

  it('Luma: keyframes.frame0 {type:generation, id}; extend is now offered for its models', () => {
    const req = request({ model: 'ray-2', extend: { ...EXT, provider: 'luma', model: 'ray-2', ref: 'gen-7' } });
    expect(buildLumaCreate(req, { extendFrom: 'gen-7' })).toMatchObject({
      model: 'ray-2',
      keyframes: { frame0: { type: 'generation', id: 'gen-7' } },
    });
    const caps = createLumaProvider().capabilities;
    expect(caps.extend).toBe(true);
    expect(capabilityProblem('Luma', caps, req)).toBeNull();
  });
});
