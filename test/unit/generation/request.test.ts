import { describe, expect, it } from 'vitest';
import { allowedDuration, capabilityProblem } from '../../../shared/generation/capabilities.js';
import type { ProviderCapabilities } from '../../../shared/generation/capabilities.js';
import { pollDelayMs } from '../../../shared/generation/backoff.js';
import { buildGenerationRequest, GenerationRequestSchema, requestFrames } from '../../../shared/generation/request.js';
import type { Shot } from '../../../shared/model/entities.js';
import { newShot } from '../../../shared/model/factories.js';

const shot: Shot = newShot({
  id: 'shot-1',
  title: 'Rain',
  prompt: '女孩在雨中奔跑',
  negativePrompt: 'blur',
  firstFrameAssetId: 'a'.repeat(64),
  camera: 'push_in',
  durationFrames: 73,
  seed: 42,
});
const project = {
  width: 1920,
  height: 1080,
  fps: { num: 24000, den: 1001 },
  stylePrompt: 'film noir',
  defaultModel: 'm1',
};

describe('buildGenerationRequest', () => {
  it('maps the shot and project into a complete request', () => {
    const req = buildGenerationRequest({
      project,
      shot,
      shotNumber: 4,
      frame: (assetId) => ({ assetId, path: `/p/media/${assetId}.png` }),
    });
    expect(req).toEqual({
      shotId: 'shot-1',
      shotNumber: 4,
      title: 'Rain',
      prompt: '女孩在雨中奔跑',
      stylePrompt: 'film noir',
      negativePrompt: 'blur',
      firstFrame: { assetId: 'a'.repeat(64), path: `/p/media/${'a'.repeat(64)}.png` },
      lastFrame: null,
      camera: 'push_in',
      durationSec: (73 * 1001) / 24000,
      width: 1920,
      height: 1080,
      fps: { num: 24000, den: 1001 },
      seed: 42,
      model: 'm1',
    });
    // Seconds round-trip to the exact frame count at an NTSC rate.
    expect(requestFrames(req)).toBe(73);
  });

  it('the shot model overrides the project default; text-only shots have no frames', () => {
    const req = buildGenerationRequest({
      project,
      shot: { ...shot, model: 'm2', firstFrameAssetId: null },
      shotNumber: 1,
      frame: () => {
        throw new Error('not called');
      },
    });
    expect(req.model).toBe('m2');
    expect(req.firstFrame).toBeNull();
  });

  it('the schema rejects incomplete or extra fields', () => {
    const good = buildGenerationRequest({
      project,
      shot,
      shotNumber: 1,
      frame: (assetId) => ({ assetId, path: '/x.png' }),
    });
    expect(GenerationRequestSchema.safeParse(good).success).toBe(true);
    expect(GenerationRequestSchema.safeParse({ ...good, durationSec: 0 }).success).toBe(false);
    expect(GenerationRequestSchema.safeParse({ ...good, firstFrame: { assetId: 'a', path: '' } }).success).toBe(false);
    expect(GenerationRequestSchema.safeParse({ ...good, apiKey: 'secret' }).success).toBe(false);
    const { prompt: _p, ...noPrompt } = good;
    expect(GenerationRequestSchema.safeParse(noPrompt).success).toBe(false);
  });
});

const caps: ProviderCapabilities = {
  textToVideo: false,
  imageToVideo: true,
  lastFrame: false,
  referenceImagesMax: 0,
  extend: false,
  audio: false,
  durations: { kind: 'set', values: [4, 6, 8] },
  aspects: ['16:9'],
  resolutions: ['720p'],
  models: [],
};

describe('capabilities', () => {
  const req = buildGenerationRequest({
    project,
    shot,
    shotNumber: 2,
    frame: (assetId) => ({ assetId, path: '/x.png' }),
  });

  it('names what a provider cannot do', () => {
    expect(capabilityProblem('Veo', caps, req)).toBeNull();
    expect(capabilityProblem('Veo', caps, { ...req, firstFrame: null })).toMatch(
      /Shot 2 has no first frame, and Veo needs one/,
    );
    expect(capabilityProblem('Veo', caps, { ...req, lastFrame: { assetId: 'b', path: '/y.png' } })).toMatch(
      /last frame/,
    );
    expect(capabilityProblem('T2V', { ...caps, imageToVideo: false, textToVideo: true }, req)).toMatch(
      /cannot start from an image/,
    );
  });

  it('picks the shortest allowed duration that covers the shot', () => {
    const rule = caps.durations;
    expect(allowedDuration(rule, 3)).toBe(4);
    expect(allowedDuration(rule, 5)).toBe(6);
    expect(allowedDuration(rule, 6)).toBe(6);
    expect(allowedDuration(rule, 12)).toBe(8);
    expect(allowedDuration({ kind: 'range', min: 2, max: 10 }, 1)).toBe(2);
    expect(allowedDuration({ kind: 'range', min: 2, max: 10 }, 3.5)).toBe(3.5);
  });
});

describe('pollDelayMs', () => {
  const policy = { initialMs: 5000, maxMs: 30000, factor: 2 };
  it('grows exponentially to the cap, with up to +25% jitter', () => {
    expect(pollDelayMs(policy, 0, 0)).toBe(5000);
    expect(pollDelayMs(policy, 1, 0)).toBe(10000);
    expect(pollDelayMs(policy, 10, 0)).toBe(30000);
    expect(pollDelayMs(policy, 0, 0.5)).toBe(5625);
    expect(pollDelayMs(policy, 50, 1)).toBe(37500);
  });
  it('jitter never shortens the wait: at most one poll per initialMs (JOB-5: 5 s)', () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      for (const r of [0, 0.3, 0.99]) expect(pollDelayMs(policy, attempt, r)).toBeGreaterThanOrEqual(5000);
    }
  });
});
