import { describe, expect, it } from 'vitest';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import type { MediaInfo } from '../../../shared/model/entities.js';
import {
  filmstripInvocation,
  filmstripLayout,
  filmstripRelPath,
  FULL_DECODE_MAX_SEC,
} from '../../../shared/media/filmstrip.js';
import { mediaInfo } from '../../helpers/mediaInfo.js';

const clip = (durationSec: number, w = 1920, h = 1080): MediaInfo =>
  mediaInfo({
    container: 'mp4',
    width: w,
    height: h,
    displayWidth: w,
    displayHeight: h,
    durationSec,
    fps: { num: 30, den: 1 },
  });

describe('filmstripLayout', () => {
  it('sizes tiles to the displayed aspect with even sides and spaces times evenly', () => {
    const l = filmstripLayout(clip(180), { height: 90, count: 20 });
    expect(l).toMatchObject({ count: 20, tileWidth: 160, tileHeight: 90, keyframesOnly: true });
    expect(l.times.slice(0, 3)).toEqual([0, 9, 18]);
    expect(l.times.at(-1)).toBe(171);
    expect(filmstripLayout(clip(6.125, 720, 480), { height: 91, count: 4 })).toMatchObject({
      tileWidth: 138,
      tileHeight: 92,
      keyframesOnly: false,
    });
  });

  it('decodes fully up to FULL_DECODE_MAX_SEC and keyframes only beyond', () => {
    expect(filmstripLayout(clip(FULL_DECODE_MAX_SEC), { height: 90, count: 10 }).keyframesOnly).toBe(false);
    expect(filmstripLayout(clip(FULL_DECODE_MAX_SEC + 0.1), { height: 90, count: 10 }).keyframesOnly).toBe(true);
  });

  it('makes one tile of a still image', () => {
    expect(filmstripLayout({ ...clip(0), kind: 'image' }, { height: 90, count: 20 })).toMatchObject({
      count: 1,
      times: [0],
    });
  });
});

describe('filmstripInvocation', () => {
  it('skips non-key frames before the input of a long clip and tiles exactly count frames', () => {
    const info = clip(180);
    const layout = filmstripLayout(info, { height: 90, count: 20 });
    expect(toArgv(filmstripInvocation({ input: "/m/镜头 'x' 100%.mp4", info, output: '/t/s.jpg', layout }))).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-v',
      'error',
      '-skip_frame',
      'nokey',
      '-i',
      "/m/镜头 'x' 100%.mp4",
      '-map',
      '0:v:0',
      '-an',
      '-sn',
      '-dn',
      '-vf',
      'tpad=stop_mode=clone:stop_duration=180.000000,fps=fps=20/180.000000:round=down,scale=160:90,setsar=1,tile=20x1',
      '-frames:v',
      '1',
      '-q:v',
      '5',
      '-update',
      '1',
      '/t/s.jpg',
    ]);
  });

  it('decodes a short clip fully', () => {
    const info = clip(6);
    const argv = toArgv(
      filmstripInvocation({
        input: '/m/a.mp4',
        info,
        output: '/t/s.jpg',
        layout: filmstripLayout(info, { height: 90, count: 8 }),
      }),
    );
    expect(argv).not.toContain('-skip_frame');
    expect(argv).toContain(
      'tpad=stop_mode=clone:stop_duration=6.000000,fps=fps=8/6.000000:round=down,scale=160:90,setsar=1,tile=8x1',
    );
  });

  it('caches by asset and parameters', () => {
    expect(filmstripRelPath('ab'.repeat(32), { height: 90, count: 20 })).toBe(
      `media/thumbs/${'ab'.repeat(32)}.strip-h90-n20.jpg`,
    );
  });
});
