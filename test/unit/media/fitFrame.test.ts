/** The pure builder that makes a picture exactly W x H (cover-fit, square pixels, one PNG file). */
import { describe, expect, it } from 'vitest';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import { coverFitStillFilter, fitFrameInvocation } from '../../../shared/media/fitFrame.js';
import { rejection } from '../../helpers/errors.js';

describe('fitFrameInvocation', () => {
  it('the exact argv: image2 input without patterns, first picture, cover-fit, PNG, one named file', () => {
    const inv = fitFrameInvocation({ input: '/p/镜头 100%.jpg', output: '/t/out 50%.png', width: 1280, height: 720 });
    expect(toArgv(inv)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-v',
      'error',
      '-f',
      'image2',
      '-pattern_type',
      'none',
      '-i',
      '/p/镜头 100%.jpg',
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-vf',
      "scale=w='max(1280,ceil(720*dar))':h='max(720,ceil(1280/dar))':flags=lanczos,setsar=1,crop=1280:720",
      '-c:v',
      'png',
      '-f',
      'image2',
      '-update',
      '1',
      '/t/out 50%.png',
    ]);
    expect(inv.label).toBe('fit 镜头 100%.jpg to 1280x720');
    expect(inv.durationSec).toBeNull();
  });

  it('portrait sizes swap in the filter; a label can be given', () => {
    expect(coverFitStillFilter(720, 1280)).toBe(
      "scale=w='max(720,ceil(1280*dar))':h='max(1280,ceil(720/dar))':flags=lanczos,setsar=1,crop=720:1280",
    );
    expect(
      fitFrameInvocation({ input: 'a.png', output: 'b.png', width: 720, height: 1280, label: 'first frame' }).label,
    ).toBe('first frame');
  });

  it('refuses sizes no picture can have, naming the value', () => {
    for (const [w, h] of [
      [0, 720],
      [1280, -1],
      [1280.5, 720],
      [9000, 720],
      [Number.NaN, 720],
    ] as const) {
      const err = rejection(() => fitFrameInvocation({ input: 'a.png', output: 'b.png', width: w, height: h }));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(/must be a whole number of pixels from 1 to 8192/);
    }
  });
});
