import { describe, expect, it } from 'vitest';
import { AudioPatchSchema } from '../../../shared/api/contract.js';
import { audioItemChain, duckExpression, duckFilters, planAudioItems } from '../../../shared/export/audioMix.js';
import { DUCK_GAIN, DUCK_RAMP_SEC, duckEnvelope, envelopeAt } from '../../../shared/export/ducking.js';
import { audioDoc, VOICE } from './doc.js';

const fps = { num: 24, den: 1 };

/** Evaluates the ffmpeg expression at item time `t` (st/ld/if/lt are the only functions it uses). */
function evalExpression(expr: string, t: number): number {
  const m = /^st\(0,t\+([0-9.]+)\);(.*)$/.exec(expr);
  if (!m) throw new Error(`unexpected expression ${expr}`);
  const js = m[2]!.replaceAll('ld(0)', 'X').replaceAll('if(', 'IF(').replaceAll('lt(', 'LT(');
  const f = new Function('X', 'IF', 'LT', `return ${js};`) as (x: number, i: unknown, l: unknown) => number;
  return f(
    t,
    (c: number, a: number, b: number) => (c ? a : b),
    (a: number, b: number) => (a < b ? 1 : 0),
  );
}

describe('ducking in the export mix', () => {
  it('gives a ducking music item the envelope of the voice-over, clamped to the item', () => {
    const { items } = planAudioItems(
      audioDoc([
        { id: 'bed', startFrame: 12, duck: true }, // 0.5 s .. the cut end (4 s)
        { id: 'plain', startFrame: 0 }, // no flag: untouched
        { id: 'vo', lane: 'voiceover', assetId: VOICE, startFrame: 48, inFrame: 12, outFrame: 36 }, // 2 s .. 3 s
      ]),
      fps,
      96,
    );
    const bed = items.find((i) => i.id === 'bed')!;
    expect(bed.duck).toEqual(duckEnvelope([{ start: 2, end: 3 }], 0.5, 4));
    expect(items.find((i) => i.id === 'plain')!.duck).toBeUndefined();
    expect(items.find((i) => i.id === 'vo')!.duck).toBeUndefined();
    const chain = audioItemChain(3, bed, 'm0');
    expect(chain).toContain(
      `asetnsamples=n=240:p=0,volume=volume='${duckExpression(bed.duck!, 0.5)}':eval=frame,adelay=delays=24000S:all=1[m0]`,
    );
  });

  it('leaves the chain alone without voice-over or without the flag', () => {
    const noVo = planAudioItems(audioDoc([{ id: 'bed', duck: true }]), fps, 96).items[0]!;
    expect(noVo.duck).toBeUndefined();
    expect(audioItemChain(1, noVo, 'm0')).not.toContain('eval=frame');
  });

  it('writes an expression of the item time that follows the envelope', () => {
    const env = duckEnvelope([{ start: 2, end: 3 }], 0.5, 4);
    const expr = duckExpression(env, 0.5);
    const half = 120 / 48000;
    expect(expr.startsWith(`st(0,t+${half});`)).toBe(true);
    for (const itemT of [0, 1, 1.25 - half, 1.3, 1.4, 1.5, 2, 2.6, 2.7, 3, 3.4]) {
      // The expression is read at frame start t; it evaluates the envelope half a frame later.
      expect(evalExpression(expr, itemT + half)).toBeCloseTo(envelopeAt(env, itemT + half + 0.5), 5);
    }
    expect(evalExpression(expr, 2)).toBeCloseTo(DUCK_GAIN, 5);
    expect(evalExpression(expr, 1.5 - DUCK_RAMP_SEC / 2)).toBeCloseTo((1 + DUCK_GAIN) / 2, 5);
  });

  it('quotes the expression (it has commas) and re-evaluates it per frame', () => {
    const [split, vol] = duckFilters(
      [
        { t: 0, gain: 1 },
        { t: 1, gain: 0.5 },
      ],
      0,
    );
    expect(split).toBe('asetnsamples=n=240:p=0');
    expect(vol).toMatch(
      /^volume=volume='st\(0,t\+0\.0025\);if\(lt\(ld\(0\),1\),1\+\(-0\.5\)\*\(ld\(0\)-\(0\)\)\/1,0\.5\)':eval=frame$/,
    );
    expect(() =>
      duckExpression(
        [
          { t: 0, gain: Number.NaN },
          { t: 1, gain: 1 },
        ],
        0,
      ),
    ).toThrow(RangeError);
  });
});

describe('the audio.update patch', () => {
  it('accepts the duck flag, and only a boolean', () => {
    expect(AudioPatchSchema.parse({ duck: true })).toEqual({ duck: true });
    expect(AudioPatchSchema.safeParse({ duck: 'yes' }).success).toBe(false);
  });
});
