import { describe, expect, it } from 'vitest';
import { clipSampleCounts, sampleAtFrame } from '../../../shared/export/samples.js';

const NTSC = { num: 30000, den: 1001 };

describe('audio sample counts', () => {
  it('is exact where a frame is a whole number of samples', () => {
    expect(clipSampleCounts([24, 1, 147], { num: 24, den: 1 }, 48000)).toEqual([48000, 2000, 294000]);
    expect(clipSampleCounts([25, 3], { num: 25, den: 1 }, 48000)).toEqual([48000, 5760]);
    expect(clipSampleCounts([24], { num: 24, den: 1 }, 44100)).toEqual([44100]);
  });

  it('rounds boundaries on the cumulative timeline at 30000/1001 (1601.6 samples a frame)', () => {
    expect(clipSampleCounts([1, 1, 1, 1, 1], NTSC, 48000)).toEqual([1602, 1601, 1602, 1601, 1602]);
    expect(sampleAtFrame(30, NTSC, 48000)).toBe(48048); // 1.001 s exactly
  });

  it('never drifts: over many odd-length clips every boundary is within half a sample', () => {
    const frames = Array.from({ length: 500 }, (_, i) => 1 + ((i * 7919) % 97));
    const counts = clipSampleCounts(frames, NTSC, 48000);
    let f = 0;
    let s = 0;
    frames.forEach((n, i) => {
      f += n;
      s += counts[i] ?? 0;
      expect(Math.abs(s - (f * 48000 * 1001) / 30000)).toBeLessThanOrEqual(0.5);
    });
    // Rounding each clip on its own drifts: 500 one-frame clips would get 1602 samples each,
    // 200 samples (4 ms) more than the picture by the end.
    const ones = clipSampleCounts(
      Array.from({ length: 500 }, () => 1),
      NTSC,
      48000,
    );
    expect(ones.reduce((a, b) => a + b, 0)).toBe(800800); // 500 * 1601.6
  });

  it('refuses timelines too long for exact integer math', () => {
    expect(() => sampleAtFrame(2 ** 40, NTSC, 48000)).toThrow(RangeError);
  });
});
