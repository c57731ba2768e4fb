/** Luma Dream Machine's pure pieces: the create body, aspect/resolution/duration choice, states. */
import { describe, expect, it } from 'vitest';
import type { GenerationRequest } from '../../../../shared/generation/request.js';
import {
  buildLumaCreate,
  lumaAspect,
  lumaResolution,
} from '../../../../electron/services/generation/providers/luma/body.js';
import { pollFromLuma } from '../../../../electron/services/generation/providers/luma.js';
import { pollFromAgents } from '../../../../electron/services/generation/providers/luma-agents.js';
import { rejection } from '../../../helpers/errors.js';

const req = (over: Partial<GenerationRequest> = {}): GenerationRequest => ({
  shotId: 'shot1',
  shotNumber: 4,
  title: 'T',
  prompt: 'a kitten',
  stylePrompt: 'pastel',
  negativePrompt: 'blur',
  firstFrame: null,
  lastFrame: null,
  camera: 'static',
  durationSec: 6,
  width: 1920,
  height: 1080,
  fps: { num: 24, den: 1 },
  seed: 5,
  model: null,
  ...over,
});

describe('buildLumaCreate', () => {
  it('snake_case body: model, prompt + style, aspect_ratio, resolution, duration "5s"|"9s"; no seed or negative prompt (not in the schema)', () => {
    expect(buildLumaCreate(req())).toEqual({
      model: 'ray-2',
      prompt: 'a kitten. pastel',
      aspect_ratio: '16:9',
      resolution: '1080p',
      duration: '9s',
    });
    expect(buildLumaCreate(req({ model: 'ray-flash-2', durationSec: 3, width: 720, height: 480 }))).toEqual({
      model: 'ray-flash-2',
      prompt: 'a kitten. pastel',
      aspect_ratio: '4:3',
      resolution: '540p',
      duration: '5s',
    });
  });

  it('extend: keyframes.frame0 = {type:"generation", id}', () => {
    expect(buildLumaCreate(req(), { extendFrom: 'gen-1' }).keyframes).toEqual({
      frame0: { type: 'generation', id: 'gen-1' },
    });
  });

  it('refuses local frames with the reason, an unknown model, and an empty prompt', () => {
    const frame = { assetId: 'a1', path: '/x.png' };
    expect(rejection(() => buildLumaCreate(req({ firstFrame: frame }))).message).toMatch(
      /first frame, but Luma's Dream Machine API takes keyframe pictures only as public URLs/,
    );
    expect(rejection(() => buildLumaCreate(req({ lastFrame: frame }))).message).toMatch(
      /last frame.*no upload endpoint/,
    );
    expect(rejection(() => buildLumaCreate(req({ model: 'ray-3' }))).message).toMatch(/no model "ray-3"/);
    expect(rejection(() => buildLumaCreate(req({ prompt: '', stylePrompt: '', title: ' ' }))).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('nearest aspect and covering resolution', () => {
    expect(lumaAspect(1080, 1920)).toBe('9:16');
    expect(lumaAspect(1080, 1350)).toBe('3:4');
    expect(lumaAspect(2560, 1080)).toBe('21:9');
    expect(lumaResolution(1280, 720)).toBe('720p');
    expect(lumaResolution(3840, 2160)).toBe('4k');
  });
});

describe('pollFromLuma', () => {
  it('maps queued/dreaming/completed/failed; moderation reasons are named', () => {
    expect(pollFromLuma({ state: 'queued' })).toEqual({ state: 'running', progress: 0 });
    expect(pollFromLuma({ state: 'dreaming' }).state).toBe('running');
    expect(pollFromLuma({ state: 'completed' })).toEqual({ state: 'succeeded', progress: 1 });
    expect(pollFromLuma({ state: 'failed', failure_reason: 'Prompt not allowed by moderation' })).toEqual({
      state: 'failed',
      error: "Luma's moderation stopped this generation: Prompt not allowed by moderation",
      failureKind: 'moderation',
    });
    expect(pollFromLuma({ state: 'failed', failure_reason: null }).error).toBe(
      'Luma failed the generation: no reason given',
    );
  });
});

describe('pollFromAgents', () => {
  it('marks failure_code content_moderated as moderation, other failure codes not', () => {
    expect(
      pollFromAgents({ state: 'failed', failure_code: 'content_moderated', failure_reason: 'Prompt flagged' }),
    ).toEqual({
      state: 'failed',
      error: "Luma's content moderation stopped this generation: Prompt flagged",
      failureKind: 'moderation',
    });
    const other = pollFromAgents({ state: 'failed', failure_code: 'generation_failed', failure_reason: 'GPU lost' });
    expect(other).toEqual({ state: 'failed', error: 'Luma failed the generation (generation_failed): GPU lost' });
  });
});
