/**
 * Kling 3.0 multi-shot against the strict fake (the fields the adapter builds are accepted; what
 * Kling refuses is refused), and the split of one returned clip into per-shot takes through the
 * one ffmpeg runner at the plan's cut points.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../../../electron/services/ffmpeg/runner.js';
import {
  klingMultiShotFields,
  klingMultiShotPlan,
  type MultiShotPart,
} from '../../../../electron/services/generation/providers/kling/multiShot.js';
import { fitSegments, splitInvocation } from '../../../../shared/generation/multiShotSplit.js';
import { postToFakeKling, startFakeKling, type FakeKling } from '../../../fakes/kling.js';
import { FAKE_CLIP } from '../../../fakes/recordingHttp.js';
import { countVideoFrames, ffprobeJson } from '../../../helpers/ffprobe.js';
import { tempDir } from '../../../helpers/tmp.js';

const root = tempDir();
let fake: FakeKling;
beforeAll(async () => {
  fake = await startFakeKling({ runMs: 20 });
});
afterAll(() => fake.close());

const part = (n: number, durationSec: number): MultiShotPart => ({
  shotId: `s${n}`,
  shotNumber: n,
  prompt: `shot ${n} at the camp`,
  stylePrompt: '',
  title: '',
  durationSec,
  camera: 'static',
});

const post = (family: string, body: Record<string, unknown>) => postToFakeKling(fake, family, body);

describe('Kling multi-shot on the wire', () => {
  const base = { model_name: 'kling-v3', mode: 'pro', aspect_ratio: '16:9' };

  it('the fields the adapter builds are accepted on text2video', async () => {
    const r = await post('text2video', {
      ...base,
      ...klingMultiShotFields('kling-v3', [part(1, 4), part(2, 3), part(3, 5)]),
    });
    expect(r.body.message).toBe('SUCCEED');
    expect(r.status).toBe(200);
  });

  it.each([
    [
      'durations that do not sum to duration',
      { multi_prompt: [{ index: 1, prompt: 'a', duration: '3' }], duration: '5' },
      /sum to 3/,
    ],
    ['a model before 3.0', { model_name: 'kling-v2-6' }, /multi_shot is not supported by kling-v2-6/],
    ['a 0-based index', { multi_prompt: [{ index: 0, prompt: 'a', duration: '5' }] }, /count from 1/],
    ['a numeric duration', { multi_prompt: [{ index: 1, prompt: 'a', duration: 5 }] }, /whole number of seconds/],
  ])('refused: %s', async (_name, patch, message) => {
    const good = klingMultiShotFields('kling-v3', [part(1, 2), part(2, 3)]);
    const r = await post('text2video', { ...base, ...good, ...patch });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });
});

describe('splitting the returned clip onto the shots', () => {
  it('one runner call cuts each take at the plan points, scaled onto the real length', async () => {
    // The fixture clip is 6.125 s at 8 fps: planned 2 s + 4 s, scaled to the real length.
    const plan = klingMultiShotPlan('kling-v3', [part(1, 2), part(2, 4)]);
    const length = Number(ffprobeJson(FAKE_CLIP).format?.duration);
    const segments = fitSegments(plan.segments, length);
    const outs = [join(root, 'take-1.mp4'), join(root, 'take-2.mp4')];
    await runFfmpeg(splitInvocation(FAKE_CLIP, segments, outs));
    const frames = outs.map(countVideoFrames);
    const total = countVideoFrames(FAKE_CLIP);
    expect(Math.abs((frames[0] ?? 0) - Math.round(segments[0]!.endSec * 8))).toBeLessThanOrEqual(1);
    expect(Math.abs((frames[0] ?? 0) + (frames[1] ?? 0) - total)).toBeLessThanOrEqual(1);
  });
});
