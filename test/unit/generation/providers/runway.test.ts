/** Runway's pure pieces: the create body per model, ratio choice, status and failure mapping. */
import { describe, expect, it } from 'vitest';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import type { GenerationRequest } from '../../../../shared/generation/request.js';
import { buildRunwayCreate } from '../../../../electron/services/generation/providers/runway/body.js';
import { runwayFailureMessage } from '../../../../electron/services/generation/providers/runway/errors.js';
import { pickRatio, runwayCapabilities } from '../../../../electron/services/generation/providers/runway/models.js';
import { pollFromRunwayTask } from '../../../../electron/services/generation/providers/runway.js';
import { genRequest } from '../../../fakes/generationRequest.js';
import { rejection } from '../../../helpers/errors.js';

const req = (over: Partial<GenerationRequest> = {}): GenerationRequest =>
  genRequest({
    shotId: 'shot1',
    shotNumber: 3,
    title: 'T',
    prompt: 'a horse',
    stylePrompt: 'film grain',
    seed: null,
    ...over,
  });
const none = { first: null, last: null, references: [] };

describe('buildRunwayCreate', () => {
  it('text-to-video with the default model gen4.5: integer duration, ratio, prompt + style', () => {
    expect(buildRunwayCreate(req({ seed: 42 }), none)).toEqual({
      endpoint: 'text_to_video',
      body: { model: 'gen4.5', promptText: 'a horse. film grain', ratio: '1280:720', duration: 5, seed: 42 },
    });
  });

  it('a first frame makes it image-to-video with promptImage [{uri, position:first}]', () => {
    const c = buildRunwayCreate(req({ width: 720, height: 480, durationSec: 3.4 }), {
      ...none,
      first: 'data:image/png;base64,AAA',
    });
    expect(c.endpoint).toBe('image_to_video');
    // 720x480 (3:2) is nearest 1104:832 among gen4.5's image-to-video ratios.
    expect(c.body).toEqual({
      model: 'gen4.5',
      promptText: 'a horse. film grain',
      promptImage: [{ uri: 'data:image/png;base64,AAA', position: 'first' }],
      ratio: '1104:832',
      duration: 3,
    });
  });

  it('veo3.1: first + last frame, duration snapped to 4/6/8, negative prompt sent', () => {
    const c = buildRunwayCreate(
      req({ model: 'veo3.1', durationSec: 5, negativePrompt: ' blur ', width: 1080, height: 1920 }),
      { ...none, first: 'data:image/png;base64,F', last: 'data:image/png;base64,L' },
    );
    expect(c.body).toEqual({
      model: 'veo3.1',
      promptText: 'a horse. film grain',
      ratio: '1080:1920',
      duration: 6,
      negativePrompt: 'blur',
      audio: true,
      promptImage: [
        { uri: 'data:image/png;base64,F', position: 'first' },
        { uri: 'data:image/png;base64,L', position: 'last' },
      ],
    });
  });

  it('seedance2 references: `references` on text-to-video; no negativePrompt field for non-Veo models', () => {
    const c = buildRunwayCreate(req({ model: 'seedance2', negativePrompt: 'blur', durationSec: 2 }), {
      ...none,
      references: ['data:image/png;base64,R1', 'data:image/jpeg;base64,R2'],
    });
    expect(c).toEqual({
      endpoint: 'text_to_video',
      body: {
        model: 'seedance2',
        promptText: 'a horse. film grain',
        references: [{ uri: 'data:image/png;base64,R1' }, { uri: 'data:image/jpeg;base64,R2' }],
        ratio: '1280:720',
        duration: 4,
        audio: true,
      },
    });
  });

  it('gen4.5 image-to-video without any prompt or title is refused (promptText is required there); a camera move is a sentence', () => {
    expect(
      rejection(() =>
        buildRunwayCreate(req({ prompt: '', stylePrompt: '', title: '' }), {
          ...none,
          first: 'data:image/png;base64,F',
        }),
      ).message,
    ).toMatch(/needs a prompt even with a first frame/);
    expect(
      buildRunwayCreate(req({ model: 'gen4_turbo', prompt: '', stylePrompt: '', title: '' }), {
        ...none,
        first: 'data:image/png;base64,F',
      }).body,
    ).not.toHaveProperty('promptText');
    expect(buildRunwayCreate(req({ camera: 'pan_right' }), none).body.promptText).toBe(
      'a horse. film grain The camera pans right.',
    );
  });

  it('refuses what the model cannot do, before anything is sent', () => {
    expect(rejection(() => buildRunwayCreate(req(), { ...none, first: 'data:x', last: 'data:y' })).message).toMatch(
      /cannot end on a given last frame/,
    );
    expect(rejection(() => buildRunwayCreate(req({ model: 'gen4_turbo' }), none)).message).toMatch(
      /needs a first frame/,
    );
    expect(
      rejection(() =>
        buildRunwayCreate(req({ model: 'seedance2' }), { first: 'data:x', last: null, references: ['data:r'] }),
      ).message,
    ).toMatch(/cannot combine reference images/);
    expect(rejection(() => buildRunwayCreate(req(), { ...none, references: ['data:r'] })).message).toMatch(
      /takes no reference images/,
    );
    expect(rejection(() => buildRunwayCreate(req({ model: 'veo3.1' }), { ...none, last: 'data:y' })).message).toMatch(
      /first frame together with the last/,
    );
    expect(rejection(() => buildRunwayCreate(req({ model: 'gen5' }), none)).message).toMatch(/no model "gen5"/);
    const long = rejection(() => buildRunwayCreate(req({ prompt: 'x'.repeat(1001), stylePrompt: '' }), none));
    expect(long.code).toBe('INVALID_INPUT');
    expect(long.message).toMatch(/1001 characters.*at most 1000/);
  });
});

describe('capabilities per model', () => {
  it('only Veo 3.1 and Seedance 2 take a last frame; only Seedance 2 takes references', () => {
    const caps = runwayCapabilities();
    const of = (id: string) => modelCapabilities(caps, id);
    expect(caps.models.map((m) => m.id)).toEqual([
      'gen4.5',
      'gen4_turbo',
      'veo3.1',
      'veo3.1_fast',
      'seedance2',
      'aleph2',
    ]);
    // Aleph 2 only edits a clip (video-to-video); the others take none.
    expect(of('aleph2')).toMatchObject({ videoInput: 'required', textToVideo: false });
    expect(of('gen4.5').videoInput).toBeUndefined();
    expect(of('gen4.5').lastFrame).toBe(false);
    expect(of('veo3.1').lastFrame).toBe(true);
    expect(of('veo3.1').durations).toEqual({ kind: 'set', values: [4, 6, 8] });
    expect(of('gen4_turbo').textToVideo).toBe(false);
    expect(of('seedance2').referenceImagesMax).toBe(9);
    expect(of('veo3.1_fast').referenceImagesMax).toBe(0);
  });

  it('pickRatio: nearest shape, then nearest size', () => {
    expect(pickRatio(['1280:720', '720:1280'], 1920, 1080)).toBe('1280:720');
    expect(pickRatio(['1280:720', '720:1280', '960:960'], 1000, 1000)).toBe('960:960');
    expect(pickRatio(['640:640', '960:960', '1440:1440'], 1080, 1080)).toBe('960:960');
  });
});

describe('task status and failures', () => {
  it('maps Runway statuses onto running / succeeded / failed', () => {
    expect(pollFromRunwayTask({ id: 't', status: 'PENDING' })).toEqual({ state: 'running', progress: 0 });
    expect(pollFromRunwayTask({ id: 't', status: 'THROTTLED' })).toEqual({ state: 'running', progress: 0 });
    expect(pollFromRunwayTask({ id: 't', status: 'RUNNING', progress: 0.4 })).toEqual({
      state: 'running',
      progress: 0.4,
    });
    expect(pollFromRunwayTask({ id: 't', status: 'SUCCEEDED', output: ['u'] }).state).toBe('succeeded');
    expect(pollFromRunwayTask({ id: 't', status: 'CANCELLED' }).state).toBe('failed');
    const failed = pollFromRunwayTask({
      id: 't',
      status: 'FAILED',
      failure: 'Flagged.',
      failureCode: 'SAFETY.INPUT.TEXT',
    });
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/moderation flagged the prompt.*SAFETY\.INPUT\.TEXT.*Flagged\./);
  });

  it('names the kind of failure from failureCode', () => {
    expect(runwayFailureMessage('x', 'SAFETY.OUTPUT.VIDEO')).toMatch(/blocked the generated video/);
    expect(runwayFailureMessage('bad', 'ASSET.INVALID')).toMatch(/could not use an input image/);
    expect(runwayFailureMessage('oops', 'INTERNAL.BAD_OUTPUT.CODE01')).toMatch(/on its side.*Trying again/);
    expect(runwayFailureMessage(undefined, undefined)).toBe('Runway failed the task: no reason given');
  });
});
