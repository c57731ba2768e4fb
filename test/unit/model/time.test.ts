import { describe, expect, it } from 'vitest';
import {
  floorFrames,
  framesToSeconds,
  framesToTimecode,
  parseFps,
  secondsToFrames,
} from '../../../shared/model/time.js';
import { outputSize } from '../../../shared/model/format.js';

describe('parseFps', () => {
  it('reads integers, NTSC decimals and ratios', () => {
    expect(parseFps('24')).toEqual({ num: 24, den: 1 });
    expect(parseFps('29.97')).toEqual({ num: 30000, den: 1001 });
    expect(parseFps('23.976')).toEqual({ num: 24000, den: 1001 });
    expect(parseFps('30000/1001')).toEqual({ num: 30000, den: 1001 });
    expect(parseFps('12.5')).toEqual({ num: 12500, den: 1000 });
  });
  it('rejects nonsense with a message that names the value', () => {
    expect(() => parseFps('fast')).toThrow(/Invalid frame rate "fast"/);
    expect(() => parseFps('0')).toThrow(/out of range/);
    expect(() => parseFps('500')).toThrow(/out of range/);
    expect(() => parseFps('-24')).toThrow(/Invalid frame rate/);
  });
});

describe('frame math', () => {
  const ntsc = { num: 30000, den: 1001 };
  it('round-trips seconds and frames at rational rates', () => {
    expect(secondsToFrames(1, ntsc)).toBe(30);
    expect(secondsToFrames(60.06, ntsc)).toBe(1800);
    expect(framesToSeconds(1800, ntsc)).toBeCloseTo(60.06, 9);
  });
  it('floors partial frames, absorbing float noise', () => {
    // 6.125 s of an 8 fps AI clip at 24 fps is exactly 147 frames.
    expect(floorFrames(6.125, { num: 24, den: 1 })).toBe(147);
    expect(floorFrames(0.99, { num: 1, den: 1 })).toBe(0);
  });
  it('formats timecode', () => {
    expect(framesToTimecode(24 * 61 + 5, { num: 24, den: 1 })).toBe('00:01:01:05');
  });
});

describe('outputSize', () => {
  it('maps 1080p per aspect as the CLI documents', () => {
    expect(outputSize('16:9', '1080p')).toEqual({ width: 1920, height: 1080 });
    expect(outputSize('9:16', '1080p')).toEqual({ width: 1080, height: 1920 });
    expect(outputSize('1:1', '1080p')).toEqual({ width: 1080, height: 1080 });
    expect(outputSize('4:5', '1080p')).toEqual({ width: 1080, height: 1350 });
    expect(outputSize('16:9', '720p')).toEqual({ width: 1280, height: 720 });
    expect(outputSize('16:9', '4k')).toEqual({ width: 3840, height: 2160 });
  });
  it('always yields even sizes (H.264 4:2:0)', () => {
    for (const a of ['16:9', '9:16', '1:1', '4:5', '21:9'] as const) {
      for (const r of ['720p', '1080p', '4k'] as const) {
        const { width, height } = outputSize(a, r);
        expect(width % 2).toBe(0);
        expect(height % 2).toBe(0);
      }
    }
  });
});
