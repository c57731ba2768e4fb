/** Kling 3.0 multi-shot: the plan (durations, cut points), the body fields, and the split invocation. */
import { describe, expect, it } from 'vitest';
import { toArgv } from '../../../../shared/ffmpeg/invocation.js';
import { fitSegments, splitInvocation } from '../../../../shared/generation/multiShotSplit.js';
import {
  klingMultiShotFields,
  klingMultiShotPlan,
  type MultiShotPart,
} from '../../../../electron/services/generation/providers/kling/multiShot.js';
import { rejection } from '../../../helpers/errors.js';

const part = (n: number, durationSec: number, prompt = `shot ${n}`): MultiShotPart => ({
  shotId: `s${n}`,
  shotNumber: n,
  prompt,
  stylePrompt: '',
  title: '',
  durationSec,
  camera: 'static',
});

describe('klingMultiShotPlan', () => {
  it('whole seconds per shot; the cut points are their running sums', () => {
    const plan = klingMultiShotPlan('kling-v3', [part(1, 2.4), part(2, 4), part(3, 3.6)]);
    expect(plan.durations).toEqual([2, 4, 4]);
    expect(plan.total).toBe(10);
    expect(plan.segments).toEqual([
      { shotId: 's1', startSec: 0, endSec: 2 },
      { shotId: 's2', startSec: 2, endSec: 6 },
      { shotId: 's3', startSec: 6, endSec: 10 },
    ]);
  });

  it('refuses what Kling would: another model, 1 or 7 shots, over 15 s, a long or empty prompt', () => {
    expect(rejection(() => klingMultiShotPlan('kling-v2-6', [part(1, 3), part(2, 3)])).code).toBe('INVALID_INPUT');
    expect(rejection(() => klingMultiShotPlan('kling-v3', [part(1, 5)])).message).toMatch(/2 to 6 shots/);
    const seven = [1, 2, 3, 4, 5, 6, 7].map((n) => part(n, 2));
    expect(rejection(() => klingMultiShotPlan('kling-v3', seven)).message).toMatch(/2 to 6 shots in one generation; 7/);
    expect(rejection(() => klingMultiShotPlan('kling-v3', [part(1, 10), part(2, 6)])).message).toMatch(/16 s/);
    expect(
      rejection(() => klingMultiShotFields('kling-v3', [part(1, 3), part(2, 3, 'x'.repeat(513))])).message,
    ).toMatch(/513 characters/);
    expect(rejection(() => klingMultiShotFields('kling-v3', [part(1, 3), part(2, 3, '')])).message).toMatch(
      /no prompt/,
    );
  });

  it('the body fields: 1-based multi_prompt with string durations summing to duration', () => {
    expect(klingMultiShotFields('kling-v3', [part(1, 5), { ...part(2, 5), camera: 'push_in' }])).toEqual({
      multi_shot: true,
      shot_type: 'customize',
      multi_prompt: [
        { index: 1, prompt: 'shot 1', duration: '5' },
        { index: 2, prompt: expect.stringMatching(/^shot 2 \S/), duration: '5' },
      ],
      duration: '10',
    });
  });
});

describe('splitInvocation', () => {
  it('one decode, one re-encoded output per shot cut at its own span', () => {
    const inv = splitInvocation(
      '/t/clip.mp4',
      [
        { shotId: 's1', startSec: 0, endSec: 2 },
        { shotId: 's2', startSec: 2, endSec: 6 },
      ],
      ['/t/a.mp4', '/t/b.mp4'],
    );
    const argv = toArgv(inv);
    expect(argv.filter((a) => a === '-i')).toHaveLength(1);
    expect(argv.join(' ')).toMatch(/-ss 0\.000 -to 2\.000 .* \/t\/a\.mp4 .*-ss 2\.000 -to 6\.000 .* \/t\/b\.mp4$/);
    expect(() => splitInvocation('/t/clip.mp4', [], [])).toThrow();
  });

  it('a clip longer or shorter than planned: cut points scaled onto the real length', () => {
    const planned = [
      { shotId: 's1', startSec: 0, endSec: 5 },
      { shotId: 's2', startSec: 5, endSec: 10 },
    ];
    expect(fitSegments(planned, 10.02)).toEqual(planned);
    expect(fitSegments(planned, 10.5).map((s) => s.endSec)).toEqual([5.25, 10.5]);
  });
});
