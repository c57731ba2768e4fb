/** MiniMax pure parts: the create body per model and the base_resp error map. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { localizedMessage } from '../../../../shared/errors.js';
import { minimaxError } from '../../../../electron/services/generation/providers/minimax/http.js';
import {
  MINIMAX_CAPABILITIES,
  minimaxBody,
} from '../../../../electron/services/generation/providers/minimax/models.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { rejection } from '../../../helpers/errors.js';

const img = (f: { path: string }): string => `data:image/png;base64,<${f.path}>`;
const frame = (path: string) => ({ assetId: 'a1', path });
const ref = (path: string) => ({ ...frame(path), kind: 'character' as const, name: 'Mia' });

describe('minimaxBody', () => {
  it('text-to-video on Hailuo 2.3: integer duration from {6, 10}, resolution 1080P only for 6 s', () => {
    expect(minimaxBody(genRequest({ height: 1080, width: 1920 }), img)).toEqual({
      model: 'MiniMax-Hailuo-2.3',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 6,
      resolution: '1080P',
    });
    expect(minimaxBody(genRequest({ height: 1080, durationSec: 8 }), img)).toMatchObject({
      duration: 10,
      resolution: '768P',
    });
  });

  it('first + last frame on Hailuo 02 as data URIs; refused on models without a last frame', () => {
    const body = minimaxBody(
      genRequest({ model: 'MiniMax-Hailuo-02', firstFrame: frame('/a.png'), lastFrame: frame('/b.png') }),
      img,
    );
    expect(body).toMatchObject({
      model: 'MiniMax-Hailuo-02',
      first_frame_image: 'data:image/png;base64,</a.png>',
      last_frame_image: 'data:image/png;base64,</b.png>',
    });
    expect(
      rejection(() => minimaxBody(genRequest({ firstFrame: frame('/a.png'), lastFrame: frame('/b.png') }), img))
        .message,
    ).toMatch(/MiniMax-Hailuo-02/);
  });

  it('subject reference only on S2V-01, one image (a character first), as {type: character, image: [..]}', () => {
    const refs = [{ ...ref('/style.png'), kind: 'style' as const }, ref('/face.png')];
    const body = minimaxBody({ ...genRequest({ model: 'S2V-01' }), references: refs }, img);
    expect(body).toEqual({
      model: 'S2V-01',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 6,
      subject_reference: [{ type: 'character', image: ['data:image/png;base64,</face.png>'] }],
    });
    expect(rejection(() => minimaxBody(genRequest({ model: 'S2V-01' }), img)).message).toMatch(/subject reference/);
    // Other models generate without the shot's references.
    expect(minimaxBody({ ...genRequest(), references: refs }, img)).not.toHaveProperty('subject_reference');
  });

  it('the -01 models are text-only or image-only and 6 s', () => {
    expect(rejection(() => minimaxBody(genRequest({ model: 'I2V-01' }), img)).message).toMatch(/needs a first frame/);
    expect(
      rejection(() => minimaxBody(genRequest({ model: 'T2V-01', firstFrame: frame('/a.png') }), img)).message,
    ).toMatch(/cannot start from an image/);
    expect(
      minimaxBody(genRequest({ model: 'I2V-01-live', firstFrame: frame('/a.png'), durationSec: 10 }), img),
    ).toEqual({
      model: 'I2V-01-live',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      duration: 6,
      first_frame_image: 'data:image/png;base64,</a.png>',
    });
    expect(modelCapabilities(MINIMAX_CAPABILITIES, 'I2V-01')).toMatchObject({
      textToVideo: false,
      durations: { kind: 'set', values: [6] },
    });
    expect(rejection(() => minimaxBody(genRequest({ model: 'nope' }), img)).code).toBe('INVALID_INPUT');
  });
});

describe('minimaxError', () => {
  it('maps auth, throttling, balance, moderation and parameters', () => {
    expect(minimaxError(1004, 'login fail', 200, null)?.details).toMatchObject({ auth: true });
    expect(minimaxError(1002, 'rate limit', 429, 2000)?.details).toMatchObject({
      status: 429,
      throttled: true,
      retryAfterMs: 2000,
    });
    expect(minimaxError(1008, 'insufficient balance', 200, null)?.details).toMatchObject({ quota: true });
    const mod = minimaxError(1026, 'input new_sensitive', 200, null);
    expect(mod?.details).toMatchObject({ moderation: true, reason: 'input new_sensitive' });
    expect(mod?.message).toMatch(/input new_sensitive/);
    expect(minimaxError(2013, 'invalid params', 200, null)?.details).toMatchObject({ invalidParameter: true });
    expect(minimaxError(1000, 'unknown error', 200, null)).toBeNull();
  });

  it('every code is a keyed sentence both languages have, naming the flagged input when it can', () => {
    const en = JSON.parse(
      readFileSync(new URL('../../../../renderer/src/i18n/en/providers.json', import.meta.url), 'utf8'),
    );
    const zh = JSON.parse(
      readFileSync(new URL('../../../../renderer/src/i18n/zh-CN/providers.json', import.meta.url), 'utf8'),
    );
    const cases: [number, number, string][] = [
      [1004, 200, 'auth'],
      [2049, 200, 'auth'],
      [0, 401, 'auth'],
      [1002, 200, 'throttled'],
      [1039, 200, 'throttled'],
      [1041, 200, 'throttled'],
      [2045, 200, 'throttled'],
      [1008, 200, 'balance'],
      [2056, 200, 'usageLimit'],
      [1026, 200, 'moderationInput'],
      [1027, 200, 'moderationOutput'],
      [1042, 200, 'invisibleChars'],
      [2013, 200, 'invalidParameter'],
      [0, 400, 'refused'],
    ];
    for (const [code, status, key] of cases) {
      const err = minimaxError(code, 'said', status, null);
      const loc = err ? localizedMessage(err) : null;
      expect(loc?.key, `code ${code} / HTTP ${status}`).toBe(`minimaxErrors.${key}`);
      expect(en.minimaxErrors[key], key).toContain('{{code}}');
      expect(zh.minimaxErrors[key], key).toContain('{{code}}');
    }
    // 1026 says "input" only: the prompt when the request had no pictures, else either.
    expect(minimaxError(1026, 'x', 200, null, { pictures: false })?.details).toMatchObject({
      messageKey: 'minimaxErrors.moderationPrompt',
      flagged: 'prompt',
      failureKind: 'moderation',
    });
    expect(minimaxError(1026, 'x', 200, null, { pictures: true })?.details?.flagged).toBeUndefined();
    expect(minimaxError(1027, 'x', 200, null)?.details).toMatchObject({ flagged: 'output', failureKind: 'moderation' });
  });
});
