import { describe, expect, test } from 'vitest';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import { decodeFramesInvocation, sampleCount, sampleTimes, workSize } from '../../../shared/continuity/sampling.js';

describe('frame sampling', () => {
  test('3 frames up to 12 s, one more per 8 s, at most 6', () => {
    expect(sampleCount(4)).toBe(3);
    expect(sampleCount(10)).toBe(3);
    expect(sampleCount(12)).toBe(3);
    expect(sampleCount(13)).toBe(4);
    expect(sampleCount(20)).toBe(4);
    expect(sampleCount(21)).toBe(5);
    expect(sampleCount(600)).toBe(6);
    expect(sampleCount(0)).toBe(1);
  });

  test('samples sit at the centres of equal parts, never on the first frame', () => {
    expect(sampleTimes(6)).toEqual([1, 3, 5]);
    expect(sampleTimes(0)).toEqual([0]);
    expect(sampleTimes(10)[0]).toBeGreaterThan(0);
  });

  test('working size: longest side 480 at most, even, aspect kept', () => {
    expect(workSize(1920, 1080)).toEqual({ width: 480, height: 270 });
    expect(workSize(720, 1280)).toEqual({ width: 270, height: 480 });
    expect(workSize(256, 256)).toEqual({ width: 256, height: 256 });
    expect(workSize(321, 241)).toEqual({ width: 322, height: 242 });
  });

  test('one ffmpeg run: an input per time with -ss before -i, a raw rgb24 output each', () => {
    const inv = decodeFramesInvocation({
      input: '/m/take.mp4',
      times: [1, 3],
      outputs: ['/t/f0.rgb', '/t/f1.rgb'],
      width: 480,
      height: 270,
      isStillImage: false,
    });
    const argv = toArgv(inv);
    expect(argv.join(' ')).toBe(
      '-hide_banner -nostdin -y -v error -ss 1.000 -i /m/take.mp4 -ss 3.000 -i /m/take.mp4 ' +
        '-map 0:v:0 -frames:v 1 -vf scale=480:270:flags=area,setsar=1,format=rgb24 -f rawvideo -pix_fmt rgb24 /t/f0.rgb ' +
        '-map 1:v:0 -frames:v 1 -vf scale=480:270:flags=area,setsar=1,format=rgb24 -f rawvideo -pix_fmt rgb24 /t/f1.rgb',
    );
  });

  test('a still image is one input without seeking and one output', () => {
    const argv = toArgv(
      decodeFramesInvocation({
        input: '/m/ref.png',
        times: [0],
        outputs: ['/t/r.rgb'],
        width: 256,
        height: 256,
        isStillImage: true,
      }),
    );
    expect(argv).toContain('-pattern_type');
    expect(argv).not.toContain('-ss');
    expect(argv.filter((a) => a === '-map')).toHaveLength(1);
  });
});
