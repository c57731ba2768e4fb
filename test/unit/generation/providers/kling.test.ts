/** Kling pure parts: the HS256 JWT, the key pair from settings/env, the bodies per model, the error map. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { klingError } from '../../../../electron/services/generation/providers/kling/http.js';
import { klingJwt, klingKeys } from '../../../../electron/services/generation/providers/kling/jwt.js';
import { klingBody } from '../../../../electron/services/generation/providers/kling/body.js';
import {
  KLING_CAPABILITIES,
  parseKlingTaskId,
} from '../../../../electron/services/generation/providers/kling/models.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { rejection } from '../../../helpers/errors.js';

const img = (f: { path: string }): string => `B64(${f.path})`;
const frame = (path: string) => ({ assetId: 'a1', path });
const ref = (path: string) => ({ ...frame(path), kind: 'character' as const, name: 'Mia' });

describe('klingJwt', () => {
  it('is header.payload.signature, HS256 over the first two parts with the secret key', () => {
    const token = klingJwt('AK', 'SK', 1_000_000);
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toEqual({ iss: 'AK', exp: 1_001_800, nbf: 999_995 });
    expect(s).toBe(createHmac('sha256', 'SK').update(`${h}.${p}`).digest('base64url'));
    expect(klingJwt('AK', 'other', 1_000_000).split('.')[2]).not.toBe(s);
  });
});

describe('klingKeys', () => {
  it('reads "accessKey:secretKey" from the key field, else the two env variables', () => {
    expect(klingKeys({ apiKey: ' ak : s:k ' }, {})).toEqual({ accessKey: 'ak', secretKey: 's:k' });
    expect(klingKeys({}, { STORYBOARD_KLING_ACCESS_KEY: 'a', STORYBOARD_KLING_SECRET_KEY: 'b' })).toEqual({
      accessKey: 'a',
      secretKey: 'b',
    });
    expect(rejection(() => klingKeys({ apiKey: 'only-one' }, {})).message).toMatch(/accessKey:secretKey/);
    expect(rejection(() => klingKeys({}, { STORYBOARD_KLING_ACCESS_KEY: 'a' })).message).toMatch(
      /STORYBOARD_KLING_SECRET_KEY/,
    );
  });
});

describe('klingBody', () => {
  it('text-to-video on the default kling-v3: its own 3-15 s, sound on in pro mode, external_task_id', () => {
    const r = klingBody(
      genRequest({ negativePrompt: ' blur ', durationSec: 7, width: 720, height: 1280 }),
      img,
      'job-1',
    );
    expect(r.family).toBe('text2video');
    expect(r.body).toEqual({
      model_name: 'kling-v3',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      negative_prompt: 'blur',
      mode: 'pro',
      duration: '7',
      aspect_ratio: '9:16',
      sound: 'on',
      external_task_id: 'job-1',
    });
  });

  it('kling-v2-6: sound needs pro (was std + sound on); first + last is pro and silent (tail and sound exclude each other)', () => {
    expect(klingBody(genRequest({ model: 'kling-v2-6', durationSec: 7 }), img).body).toMatchObject({
      mode: 'pro',
      sound: 'on',
      duration: '10',
    });
    const fl = klingBody(
      genRequest({ model: 'kling-v2-6', firstFrame: frame('/a.png'), lastFrame: frame('/b.png') }),
      img,
    ).body;
    expect(fl).toMatchObject({ mode: 'pro', sound: 'off', image_tail: 'B64(/b.png)' });
    expect(klingBody(genRequest({ model: 'kling-v2-6', firstFrame: frame('/a.png') }), img).body).toMatchObject({
      mode: 'pro',
      sound: 'on',
    });
  });

  it('image-to-video: image_tail only in pro mode on the models that take it; std otherwise; no aspect_ratio', () => {
    const r = klingBody(
      genRequest({ model: 'kling-v2-1', firstFrame: frame('/a.png'), lastFrame: frame('/b.png') }),
      img,
    );
    expect(r.family).toBe('image2video');
    expect(r.body).toEqual({
      model_name: 'kling-v2-1',
      image: 'B64(/a.png)',
      image_tail: 'B64(/b.png)',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      mode: 'pro',
      duration: '5',
    });
    expect(klingBody(genRequest({ model: 'kling-v2-5-turbo', firstFrame: frame('/a.png') }), img).body).toMatchObject({
      mode: 'std',
    });
    expect(klingBody(genRequest({ firstFrame: frame('/a.png'), lastFrame: frame('/b.png') }), img).body).toMatchObject({
      model_name: 'kling-v3',
      sound: 'on',
    });
  });

  it('the master models take no image_tail: a last frame is refused before sending, and they declare lastFrame false', () => {
    for (const model of ['kling-v2-1-master', 'kling-v2-master']) {
      expect(
        rejection(() => klingBody(genRequest({ model, firstFrame: frame('/a.png'), lastFrame: frame('/b.png') }), img))
          .message,
      ).toMatch(/cannot end on a given frame/);
      expect(modelCapabilities(KLING_CAPABILITIES, model).lastFrame).toBe(false);
    }
  });

  it('camera: kling-v1 text 5 s gets camera_control (Kling axes: pan left = tilt < 0); other models get a prompt sentence', () => {
    const v1 = klingBody(genRequest({ model: 'kling-v1', camera: 'pan_left' }), img).body;
    expect(v1).toMatchObject({
      mode: 'std',
      duration: '5',
      camera_control: { type: 'simple', config: { horizontal: 0, vertical: 0, pan: 0, tilt: -5, roll: 0, zoom: 0 } },
    });
    expect(v1.prompt).toBe('镜头: a "quoted" campfire at 100% dusk');
    const v3 = klingBody(genRequest({ camera: 'push_in' }), img).body;
    expect(v3).not.toHaveProperty('camera_control');
    expect(v3.prompt).toBe('镜头: a "quoted" campfire at 100% dusk The camera slowly pushes in.');
    expect(
      klingBody(genRequest({ model: 'kling-v1-5', camera: 'tilt_up', firstFrame: frame('/a.png') }), img).body,
    ).toMatchObject({ mode: 'pro', camera_control: { config: { pan: 5 } } });
  });

  it('references go to multi-image2video as image_list on kling-v1-6 (first 4); other models and framed shots go without them', () => {
    const refs = [ref('/r1.png'), ref('/r2.png')];
    const r = klingBody({ ...genRequest({ model: 'kling-v1-6' }), references: refs }, img);
    expect(r.family).toBe('multi-image2video');
    expect(r.body.image_list).toEqual([{ image: 'B64(/r1.png)' }, { image: 'B64(/r2.png)' }]);
    expect(r.body.aspect_ratio).toBe('16:9');
    const five = [...refs, ...refs, ref('/r5.png')];
    expect(klingBody({ ...genRequest({ model: 'kling-v1-6' }), references: five }, img).body.image_list).toHaveLength(
      4,
    );
    const plain = klingBody({ ...genRequest(), references: refs }, img);
    expect(plain.family).toBe('text2video');
    expect(plain.body).not.toHaveProperty('image_list');
    const framed = klingBody(
      { ...genRequest({ model: 'kling-v1-6', firstFrame: frame('/a.png') }), references: refs },
      img,
    );
    expect(framed.family).toBe('image2video');
    expect(framed.body).not.toHaveProperty('image_list');
  });

  it('refuses text-only shots on image-only models and unknown models', () => {
    expect(rejection(() => klingBody(genRequest({ model: 'kling-v1-5' }), img)).message).toMatch(/needs a first frame/);
    expect(rejection(() => klingBody(genRequest({ model: 'kling-v9' }), img)).code).toBe('INVALID_INPUT');
  });

  it('per-model capabilities: sound on 3.0 and 2.6, references and extend on 1.6', () => {
    expect(modelCapabilities(KLING_CAPABILITIES, 'kling-v3')).toMatchObject({
      audio: true,
      lastFrame: true,
      durations: { kind: 'range', min: 3, max: 15 },
    });
    expect(modelCapabilities(KLING_CAPABILITIES, 'kling-v2-6')).toMatchObject({
      audio: true,
      referenceImagesMax: 0,
      textToVideo: true,
    });
    expect(modelCapabilities(KLING_CAPABILITIES, 'kling-v1-6')).toMatchObject({
      audio: false,
      referenceImagesMax: 4,
      extend: true,
    });
    expect(modelCapabilities(KLING_CAPABILITIES, 'kling-v2-1')).toMatchObject({
      textToVideo: false,
      imageToVideo: true,
      lastFrame: true,
    });
  });

  it('task ids carry the endpoint family', () => {
    expect(parseKlingTaskId('multi-image2video:123')).toEqual({ family: 'multi-image2video', id: '123' });
    expect(rejection(() => parseKlingTaskId('123')).code).toBe('INVALID_INPUT');
  });
});

describe('klingError', () => {
  it('maps auth, quota, moderation, parameters and throttling to clear PROVIDER_FAILED errors', () => {
    expect(klingError(1004, 'token expired', 401, null)?.details).toMatchObject({ auth: true });
    expect(klingError(1102, 'resource pack exhausted', 429, null)?.details).toMatchObject({ quota: true });
    expect(klingError(1102, 'x', 429, null)?.details).not.toHaveProperty('throttled');
    const mod = klingError(1301, 'risk control', 400, null);
    expect(mod?.details).toMatchObject({ moderation: true, reason: 'risk control' });
    expect(mod?.message).toMatch(/risk control/);
    expect(klingError(1201, 'duration invalid', 400, null)?.details).toMatchObject({ invalidParameter: true });
    expect(klingError(1303, 'parallel task over resource pack limit', 429, 3000)?.details).toMatchObject({
      status: 429,
      throttled: true,
      retryAfterMs: 3000,
    });
    expect(klingError(5000, 'server', 500, null)).toBeNull();
  });
});

describe('klingBody extend', () => {
  it('an extension goes to video-extend with video_id, only for V1 models', () => {
    const req = { ...genRequest({ model: 'kling-v1-6' }), extendVideoId: 'vid-9' };
    expect(klingBody(req, img, 'job-x')).toEqual({
      family: 'video-extend',
      body: { video_id: 'vid-9', prompt: '镜头: a "quoted" campfire at 100% dusk', external_task_id: 'job-x' },
    });
    expect(rejection(() => klingBody({ ...req, model: 'kling-v2-6' }, img)).message).toMatch(/cannot extend/);
  });
});
