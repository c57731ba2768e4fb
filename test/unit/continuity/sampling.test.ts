import { describe, expect, test } from 'vitest';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import {
  decodeFramesInvocation,
  sampleCount,
  selectExpression,
  sampleTimes,
  workSize,
} from '../../../shared/continuity/sampling.js';

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

  test('one ffmpeg run, one input, one decoder pass: select keeps a frame per time, -frames:v stops after the last', () => {
    const inv = decodeFramesInvocation({
      input: '/m/take.mp4',
      times: [3, 1],
      output: '/t/frames.rgb',
      width: 480,
      height: 270,
      isStillImage: false,
    });
    const argv = toArgv(inv);
    expect(argv.filter((a) => a === '-i')).toHaveLength(1);
    expect(argv).not.toContain('-ss');
    expect(argv.join(' ')).toBe(
      '-hide_banner -nostdin -y -v error -i /m/take.mp4 -map 0:v:0 -frames:v 2 -vf ' +
        'select=gte(t\\,1.000)*lt(t\\,3.000)*not(gte(prev_selected_t\\,1.000))+gte(t\\,3.000)*not(gte(prev_selected_t\\,3.000)),' +
        'scale=480:270:flags=area,setsar=1,format=rgb24 -f rawvideo -pix_fmt rgb24 /t/frames.rgb',
    );
  });

  test('times that round to the same millisecond are one frame', () => {
    const argv = toArgv(
      decodeFramesInvocation({
        input: '/m/take.mp4',
        times: [2, 2.0001, 4],
        output: '/t/f.rgb',
        width: 48,
        height: 28,
        isStillImage: false,
      }),
    );
    expect(argv[argv.indexOf('-frames:v') + 1]).toBe('2');
    expect(selectExpression([2, 2.0001, 4]).match(/prev_selected_t/g)).toHaveLength(2);
  });

  test('no time is refused (a clip gives at least one frame)', () => {
    expect(() =>
      decodeFramesInvocation({
        input: '/m/t.mp4',
        times: [],
        output: '/t/f.rgb',
        width: 2,
        height: 2,
        isStillImage: false,
      }),
    ).toThrow(/at least one time/);
  });

  test('a still image is one input without seeking or selecting and one frame out', () => {
    const argv = toArgv(
      decodeFramesInvocation({
        input: '/m/ref.png',
        times: [0],
        output: '/t/r.rgb',
        width: 256,
        height: 256,
        isStillImage: true,
      }),
    );
    expect(argv).toContain('-pattern_type');
    expect(argv.join(' ')).not.toMatch(/select|-ss/);
    expect(argv[argv.indexOf('-frames:v') + 1]).toBe('1');
  });
});
