import { describe, expect, it } from 'vitest';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import type { MediaInfo } from '../../../shared/model/entities.js';
import {
  grabFrameInvocation,
  stillImageInputOptions,
  thumbnailInvocation,
  thumbnailSize,
  thumbnailTimeSec,
} from '../../../shared/media/frames.js';
import { isSha256Hex, mediaRelPath, storeExtension, thumbRelPath } from '../../../shared/media/store.js';
import { audioInfo, imageInfo, mediaInfo } from '../../helpers/mediaInfo.js';

const video: MediaInfo = mediaInfo();
const image: MediaInfo = imageInfo({
  width: 720,
  height: 480,
  displayWidth: 720,
  displayHeight: 480,
  pixelFormat: 'yuv420p',
});
const audio: MediaInfo = audioInfo({ container: video.container, durationSec: video.durationSec, audioCodec: 'aac' });
const G = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];

describe('grabFrameInvocation', () => {
  it('seeks before the input (accurate when decoding) and writes exactly one named file', () => {
    const inv = grabFrameInvocation({ input: '/p/media/ab/x.mp4', atSec: 2.5, output: "/o/镜头 'a' 100%.png" });
    expect(toArgv(inv)).toEqual([
      ...G,
      '-ss',
      '2.500000',
      '-i',
      '/p/media/ab/x.mp4',
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-vf',
      "scale='round(iw*sar)':ih,setsar=1",
      '-update',
      '1',
      "/o/镜头 'a' 100%.png",
    ]);
  });

  it('grabs the last frame from the final second, overwriting until the end', () => {
    const argv = toArgv(grabFrameInvocation({ input: '/a.mp4', atSec: 'last', output: '/o.jpg' }));
    expect(argv.slice(G.length, G.length + 4)).toEqual(['-sseof', '-1', '-i', '/a.mp4']);
    expect(argv).not.toContain('-frames:v');
    expect(argv.slice(-5)).toEqual(['-q:v', '2', '-update', '1', '/o.jpg']);
  });

  it('reads a still image literally and ignores the time; no -ss at 0', () => {
    const still = toArgv(grabFrameInvocation({ input: '/a%d.png', atSec: 3, output: '/o.png' }));
    expect(still.slice(G.length, G.length + 6)).toEqual(['-f', 'image2', '-pattern_type', 'none', '-i', '/a%d.png']);
    expect(
      toArgv(grabFrameInvocation({ input: '/a.mp4', atSec: 0, output: '/o.png' })).slice(G.length, G.length + 2),
    ).toEqual(['-i', '/a.mp4']);
  });
});

describe('stillImageInputOptions', () => {
  it('applies to still formats by extension, not to GIF or video', () => {
    expect(stillImageInputOptions('C:\\x\\A.JPG')).toEqual(['-f', 'image2', '-pattern_type', 'none']);
    expect(stillImageInputOptions('/x/a.webp')).toHaveLength(4);
    expect(stillImageInputOptions('/x/a.gif')).toEqual([]);
    expect(stillImageInputOptions('/x/a.png.mp4')).toEqual([]);
  });
});

describe('thumbnails', () => {
  it('sizes to at most 320 wide with the displayed aspect, even sides', () => {
    expect(thumbnailSize(video)).toEqual({ width: 320, height: 214 });
    expect(thumbnailSize({ ...video, displayWidth: 240, displayHeight: 320 })).toEqual({ width: 240, height: 320 });
    expect(thumbnailSize({ ...video, displayWidth: 640, displayHeight: 240 })).toEqual({ width: 320, height: 120 });
    expect(thumbnailSize({ ...video, displayWidth: 121, displayHeight: 91 })).toEqual({ width: 120, height: 90 });
  });

  it('takes clips ~10% in, but never past the last frame', () => {
    expect(thumbnailTimeSec(video)).toBeCloseTo(0.6125, 9);
    expect(thumbnailTimeSec({ ...video, durationSec: 0.05, fps: { num: 25, den: 1 } })).toBeCloseTo(0.005, 9);
    expect(thumbnailTimeSec({ ...video, durationSec: 0.04, fps: { num: 25, den: 1 } })).toBe(0);
    expect(thumbnailTimeSec(image)).toBe(0);
  });

  it('builds a scaled JPEG frame for a clip', () => {
    expect(toArgv(thumbnailInvocation({ input: '/v.mp4', info: video, output: '/t/.tmp-1.jpg' }))).toEqual([
      ...G,
      '-ss',
      '0.612500',
      '-i',
      '/v.mp4',
      '-map',
      '0:v:0',
      '-vf',
      'scale=320:214,setsar=1',
      '-frames:v',
      '1',
      '-q:v',
      '4',
      '-update',
      '1',
      '/t/.tmp-1.jpg',
    ]);
  });

  it('reads images literally and draws a waveform for audio', () => {
    expect(
      toArgv(thumbnailInvocation({ input: '/i.png', info: image, output: '/t.jpg' })).slice(G.length, G.length + 6),
    ).toEqual(['-f', 'image2', '-pattern_type', 'none', '-i', '/i.png']);
    const wave = thumbnailInvocation({ input: '/a.m4a', info: audio, output: '/t.jpg' });
    expect(wave.filterComplex).toBe('[0:a:0]showwavespic=s=320x80:colors=0x8fb8ff[v]');
    expect(wave.outputOptions.slice(0, 2)).toEqual(['-map', '[v]']);
  });
});

describe('store layout', () => {
  const sha = 'ab'.padEnd(64, '0');
  it('names files by hash under a two-hex folder, with forward slashes', () => {
    expect(mediaRelPath(sha, 'mp4')).toBe(`media/ab/${sha}.mp4`);
    expect(thumbRelPath(sha)).toBe(`media/thumbs/${sha}.jpg`);
    expect(isSha256Hex(sha)).toBe(true);
    expect(isSha256Hex('AB'.padEnd(64, '0'))).toBe(false);
  });

  it('keeps a plain extension lowercased, else derives one from the probe', () => {
    expect(storeExtension("镜头 'a' 100% b.MP4", video)).toBe('mp4');
    expect(storeExtension('C:\\clips\\take.MoV', video)).toBe('mov');
    expect(storeExtension('no-extension', video)).toBe('mp4');
    expect(storeExtension('weird.m p4', video)).toBe('mp4');
    expect(storeExtension('frame', image)).toBe('png');
    expect(storeExtension('.hidden', { ...image, videoCodec: 'mjpeg' })).toBe('jpg');
    expect(storeExtension('tone', audio)).toBe('m4a');
  });
});
