import { describe, expect, it } from 'vitest';
import { computePeaks, pcmDurationSec, waveformInvocation, waveformRelPath } from '../../../shared/media/waveform.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';

/** Little-endian s16 bytes of these samples. */
function pcm(samples: number[]): Uint8Array {
  const buf = new Uint8Array(samples.length * 2);
  const view = new DataView(buf.buffer);
  samples.forEach((s, i) => view.setInt16(i * 2, s, true));
  return buf;
}

describe('computePeaks', () => {
  it('takes the max absolute sample of each bucket, scaled to 0..1', () => {
    expect(computePeaks(pcm([0, 16384, -8192, 0, -32768, 100, 0, 0]), 4)).toEqual([0.5, 0.25, 1, 0]);
  });

  it('splits unevenly sized inputs into nearly equal runs covering every sample', () => {
    // 5 samples into 2 buckets: [0,2) and [2,5).
    expect(computePeaks(pcm([3277, 0, 0, 0, -16384]), 2)).toEqual([3277 / 32768, 0.5]);
  });

  it('gives 0 for buckets without samples and ignores a trailing odd byte', () => {
    const bytes = new Uint8Array([...pcm([32767]), 0x7f]);
    expect(computePeaks(bytes, 3)).toEqual([0, 0, 32767 / 32768]);
  });

  it('reads a view into a larger buffer at its own offset', () => {
    const whole = pcm([32767, 32767, 8192, -8192]);
    expect(computePeaks(whole.subarray(4), 1)).toEqual([0.25]);
  });

  it('rejects a bucket count that is not a positive integer', () => {
    expect(() => computePeaks(pcm([1]), 0)).toThrow(RangeError);
    expect(() => computePeaks(pcm([1]), 1.5)).toThrow(RangeError);
  });
});

describe('waveform invocation and cache path', () => {
  it('decodes the first audio stream to raw mono 8 kHz s16le', () => {
    const argv = toArgv(waveformInvocation({ input: '/a b/周 "x".m4a', output: '/t/w.pcm' }));
    expect(argv).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-i',
      '/a b/周 "x".m4a',
      '-map',
      '0:a:0',
      '-vn',
      '-sn',
      '-dn',
      '-ac',
      '1',
      '-ar',
      '8000',
      '-c:a',
      'pcm_s16le',
      '-f',
      's16le',
      '/t/w.pcm',
    ]);
  });

  it('caches per asset and bucket count under media/thumbs', () => {
    expect(waveformRelPath('ab12', 800)).toBe('media/thumbs/ab12.wave-800.json');
  });

  it('measures duration from the sample count', () => {
    expect(pcmDurationSec(new Uint8Array(16000 * 2))).toBe(2);
  });
});
