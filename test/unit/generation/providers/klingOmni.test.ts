/** Kling Omni pure parts: the body per input kind, what it refuses, the price as sent, the task id family. */
import { describe, expect, it } from 'vitest';
import { createKlingProvider } from '../../../../electron/services/generation/providers/kling.js';
import { klingBody } from '../../../../electron/services/generation/providers/kling/body.js';
import {
  KLING_CAPABILITIES,
  parseKlingTaskId,
} from '../../../../electron/services/generation/providers/kling/models.js';
import { modelCapabilities } from '../../../../shared/generation/capabilities.js';
import { capabilitySection } from '../../../../shared/generation/capabilityMatrix.js';
import { genRequest } from '../../../fakes/providerRequest.js';
import { rejection } from '../../../helpers/errors.js';

const img = (f: { path: string }): string => `B64(${f.path})`;
const frame = (path: string) => ({ assetId: 'a1', path });
const ref = (path: string, name: string) => ({ assetId: 'e1', path, kind: 'character' as const, name });

describe('Kling Omni bodies', () => {
  it('text: prompt, std, aspect ratio, 5 or 10 s on O1, no sound field', () => {
    const { family, body } = klingBody(genRequest({ model: 'kling-video-o1', durationSec: 6 }), img, 'job-1');
    expect(family).toBe('omni-video');
    expect(body).toEqual({
      model_name: 'kling-video-o1',
      prompt: '镜头: a "quoted" campfire at 100% dusk',
      mode: 'std',
      aspect_ratio: '16:9',
      duration: '10',
      external_task_id: 'job-1',
    });
  });

  it('first + last frame: typed image_list, no aspect ratio, any 3-10 s; references dropped beside an end frame', () => {
    const req = genRequest({
      model: 'kling-video-o1',
      durationSec: 4,
      firstFrame: frame('/a.png'),
      lastFrame: frame('/b.png'),
      references: [ref('/mia.png', 'Mia')],
    });
    const { body } = klingBody(req, img);
    expect(body.image_list).toEqual([
      { image_url: 'B64(/a.png)', type: 'first_frame' },
      { image_url: 'B64(/b.png)', type: 'end_frame' },
    ]);
    expect(body.aspect_ratio).toBeUndefined();
    expect(body.duration).toBe('4');
  });

  it('references: named in the prompt as <<<image_N>>> after the first frame, at most 7 pictures', () => {
    const refs = Array.from({ length: 9 }, (_, i) => ref(`/r${i}.png`, `R${i}`));
    const { body } = klingBody(
      genRequest({ model: 'kling-v3-omni', firstFrame: frame('/a.png'), references: refs }),
      img,
    );
    const list = body.image_list as { image_url: string; type?: string }[];
    expect(list).toHaveLength(7);
    expect(list[1]).toEqual({ image_url: 'B64(/r0.png)' });
    expect(body.prompt).toMatch(/References: R0 <<<image_2>>>, R1 <<<image_3>>>.*R5 <<<image_7>>>\.$/);
    expect(body.sound).toBe('on');
  });

  it('camera moves go in the prompt; extension, last frame alone and an empty prompt are refused before sending', () => {
    expect(klingBody(genRequest({ model: 'kling-v3-omni', camera: 'push_in' }), img).body.prompt).toMatch(/push/i);
    expect(klingBody(genRequest({ model: 'kling-v3-omni', camera: 'push_in' }), img).body.camera_control).toBe(
      undefined,
    );
    const extend = { takeId: 't1', provider: 'kling', model: 'kling-v3-omni', ref: 'v-1', durationSec: 5 };
    expect(rejection(() => klingBody(genRequest({ model: 'kling-v3-omni', extend }), img)).message).toMatch(
      /web address/,
    );
    expect(
      rejection(() => klingBody(genRequest({ model: 'kling-video-o1', lastFrame: frame('/b.png') }), img)).message,
    ).toMatch(/no first frame/);
    expect(
      rejection(() => klingBody(genRequest({ model: 'kling-video-o1', prompt: '', title: '' }), img)).message,
    ).toMatch(/no prompt/);
  });

  it('is priced as sent (O1 10 s for a 7 s text shot; 3.0 Omni 7 s) and polls its own endpoint', () => {
    const kling = createKlingProvider({ env: {} });
    expect(kling.estimateCost(genRequest({ model: 'kling-video-o1', durationSec: 7 }))).toBeCloseTo(0.84);
    expect(kling.estimateCost(genRequest({ model: 'kling-v3-omni', durationSec: 7 }))).toBeCloseTo(0.784);
    expect(parseKlingTaskId('omni-video:123')).toEqual({ family: 'omni-video', id: '123' });
  });

  it('declares its capabilities and lists its rules with sources in the capability notes', () => {
    const o1 = modelCapabilities(KLING_CAPABILITIES, 'kling-video-o1');
    expect(o1).toMatchObject({ referenceImagesMax: 7, lastFrame: true, extend: false, audio: false });
    expect(o1.durations).toEqual({ kind: 'range', min: 3, max: 10 });
    expect(modelCapabilities(KLING_CAPABILITIES, 'kling-v3-omni').audio).toBe(true);
    const notes = capabilitySection([
      { id: 'kling', label: 'Kling', offline: false, capabilities: KLING_CAPABILITIES },
    ]);
    expect(notes).toMatch(/- \*\*`kling-video-o1` \(`kling`\):\*\* Duration "3"-"10" s.*\(first-party\)/);
    expect(notes).toMatch(/- \*\*`kling-v3-omni` \(`kling`\):\*\* Duration 3-15 s.*\(secondary\)/);
  });
});
