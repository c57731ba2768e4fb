import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../helpers/errors.js';
import { MediaInfoSchema } from '../../../shared/model/entities.js';
import { isVariableFrameRate, parseProbeOutput, probeArgs, rotationOf } from '../../../shared/media/probe.js';
import { parseRatio, toFps } from '../../../shared/media/rational.js';
import { looksLikeText } from '../../../shared/media/sniff.js';

// Real ffprobe 5.1.9 output for the fixtures of test/helpers/media.ts (see test/fixtures/probe/README.md).
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/probe/${name}.json`, import.meta.url), 'utf8'));
const parse = (name: string) => MediaInfoSchema.parse(parseProbeOutput(fixture(name), `${name}.bin`));

describe('parseProbeOutput: videos', () => {
  it('reads a constant-rate clip with stereo audio', () => {
    expect(parse('cfr')).toEqual({
      kind: 'video',
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      width: 320,
      height: 240,
      displayWidth: 320,
      displayHeight: 240,
      durationSec: 2,
      fps: { num: 25, den: 1 },
      vfr: false,
      rotation: 0,
      sar: { num: 1, den: 1 },
      videoCodec: 'h264',
      pixelFormat: 'yuv420p',
      hasAudio: true,
      audioCodec: 'aac',
      audioChannels: 2,
      audioSampleRate: 48000,
    });
  });

  it('reads the real AI clip: 720x480, 8 fps, 6.125 s, no audio', () => {
    const info = parse('horse');
    expect(info).toMatchObject({
      kind: 'video',
      width: 720,
      height: 480,
      fps: { num: 8, den: 1 },
      vfr: false,
      hasAudio: false,
    });
    expect(info.durationSec).toBeCloseTo(6.125, 6);
    expect(info.audioCodec).toBeNull();
    expect(info.audioChannels).toBe(0);
  });

  it('flags variable frame rate and reports the average rate', () => {
    const info = parse('vfr');
    expect(info.vfr).toBe(true);
    expect(info.fps).toEqual({ num: 20, den: 1 });
  });

  it('turns display-matrix rotation into clockwise degrees and swaps the display size', () => {
    // ffprobe: rotation -90 (counter-clockwise) = shown turned 90 degrees clockwise.
    expect(parse('rotated-cw90')).toMatchObject({
      rotation: 90,
      width: 320,
      height: 240,
      displayWidth: 240,
      displayHeight: 320,
    });
    expect(parse('rotated-cw180')).toMatchObject({ rotation: 180, displayWidth: 320, displayHeight: 240 });
  });

  it('applies the sample aspect ratio to the display width', () => {
    expect(parse('sar')).toMatchObject({ sar: { num: 2, den: 1 }, width: 320, displayWidth: 640, displayHeight: 240 });
  });

  it('keeps odd sizes and unusual pixel formats as they are', () => {
    expect(parse('odd')).toMatchObject({
      width: 321,
      height: 241,
      displayWidth: 321,
      displayHeight: 241,
      pixelFormat: 'yuv444p',
    });
  });

  it('reads mono 44.1 kHz audio and HEVC video', () => {
    expect(parse('mono')).toMatchObject({ hasAudio: true, audioChannels: 1, audioSampleRate: 44100 });
    expect(parse('hevc')).toMatchObject({ kind: 'video', videoCodec: 'hevc' });
  });

  it('treats an animated GIF as video and a one-frame GIF as an image', () => {
    expect(parse('gif')).toMatchObject({ kind: 'video', fps: { num: 10, den: 1 }, durationSec: 1 });
    expect(parse('gif-still')).toMatchObject({ kind: 'image', fps: null, durationSec: 0 });
  });
});

describe('parseProbeOutput: images and audio', () => {
  it.each(['png', 'jpeg', 'webp', 'first-frame'])('%s is an image with no rate or duration', (name) => {
    const info = parse(name);
    expect(info.kind).toBe('image');
    expect(info.fps).toBeNull();
    expect(info.durationSec).toBe(0);
    expect(info.vfr).toBe(false);
    expect(info.displayWidth).toBe(info.width);
  });

  it('reads the real first frame as a 720x480 PNG', () => {
    expect(parse('first-frame')).toMatchObject({ width: 720, height: 480, videoCodec: 'png', container: 'png_pipe' });
  });

  it('reads an audio-only file', () => {
    expect(parse('audio')).toMatchObject({
      kind: 'audio',
      width: 0,
      height: 0,
      displayWidth: 0,
      fps: null,
      audioChannels: 2,
      audioSampleRate: 48000,
    });
    expect(parse('audio').durationSec).toBeGreaterThan(1.9);
  });

  it('treats cover art in a music file as audio, not video', () => {
    expect(parse('mp3-cover-art')).toMatchObject({ kind: 'audio', videoCodec: null, audioCodec: 'mp3' });
  });
});

describe('parseProbeOutput: rejections name the file', () => {
  it('rejects a subtitle-only file as unsupported', () => {
    const err = rejection(() => parseProbeOutput(fixture('subtitles-only'), 'subs.srt'));
    expect(err.code).toBe('MEDIA_UNSUPPORTED');
    expect(err.message).toContain('"subs.srt"');
    expect(err.message).toContain('subtitle');
  });

  it('rejects a text file that ffprobe read as ANSI art', () => {
    const err = rejection(() => parseProbeOutput(fixture('text-tty'), 'notes.ans'));
    expect(err.code).toBe('MEDIA_UNSUPPORTED');
    expect(err.message).toContain('"notes.ans"');
  });

  it('rejects a video without duration as corrupt', () => {
    const json = fixture('cfr') as { format: { duration?: string }; streams: { duration?: string }[] };
    delete json.format.duration;
    for (const s of json.streams) delete s.duration;
    const err = rejection(() => parseProbeOutput(json, 'clip.mp4'));
    expect(err.code).toBe('MEDIA_CORRUPT');
    expect(err.message).toContain('"clip.mp4"');
  });

  it('rejects output without streams (ffprobe printed "{}") as corrupt', () => {
    expect(rejection(() => parseProbeOutput({}, 'x.mp4')).code).toBe('MEDIA_CORRUPT');
    expect(rejection(() => parseProbeOutput(null, 'x.mp4')).code).toBe('MEDIA_CORRUPT');
    expect(rejection(() => parseProbeOutput({ streams: [], format: {} }, 'x.mp4')).code).toBe('MEDIA_UNSUPPORTED');
  });
});

describe('helpers', () => {
  it('probeArgs ends with -i and the path as one argument', () => {
    const args = probeArgs("/tmp/镜头 'a' 100% b.mp4");
    expect(args.slice(-2)).toEqual(['-i', "/tmp/镜头 'a' 100% b.mp4"]);
    expect(args).toContain('-show_streams');
    expect(args.join(' ')).toContain('-pattern_type none');
  });

  it('rotationOf falls back to the legacy rotate tag and snaps to quarter turns', () => {
    expect(rotationOf({ tags: { rotate: '90' } })).toBe(90);
    expect(rotationOf({ tags: { rotate: '-90' } })).toBe(270);
    expect(rotationOf({ side_data_list: [{ rotation: 90.00000000000001 }] })).toBe(270);
    expect(rotationOf({ side_data_list: [{ rotation: -180 }] })).toBe(180);
    expect(rotationOf({})).toBe(0);
  });

  it('isVariableFrameRate: tolerance, field-rate doubling, missing rates', () => {
    const r = (t: string) => parseRatio(t);
    expect(isVariableFrameRate(r('30/1'), r('20/1'))).toBe(true);
    expect(isVariableFrameRate(r('30/1'), r('2987/100'))).toBe(true); // 29.87: a wobbling phone clip
    expect(isVariableFrameRate(r('30000/1001'), r('2997/100'))).toBe(false);
    expect(isVariableFrameRate(r('50/1'), r('25/1'))).toBe(false); // interlaced: r is the field rate
    expect(isVariableFrameRate(r('0/0'), r('25/1'))).toBe(false);
  });

  it('parseRatio and toFps keep rates within the schema', () => {
    expect(parseRatio('32:27')).toEqual({ num: 32, den: 27 });
    expect(parseRatio('50/2')).toEqual({ num: 25, den: 1 });
    expect(parseRatio('0/0')).toBeNull();
    expect(parseRatio('N/A')).toBeNull();
    expect(toFps(parseRatio('29970029/1000000'))).toEqual({ num: 30000, den: 1001 }); // an NTSC average
    expect(toFps(parseRatio('10000001/330000'))).toEqual({ num: 30303, den: 1000 }); // 30.303: thousandths
    expect(toFps({ num: 17_000_001, den: 1_000_000 })).toEqual({ num: 17, den: 1 });
  });

  it('looksLikeText tells text from media bytes', () => {
    const enc = (s: string) => Uint8Array.from(Buffer.from(s, 'utf8'));
    expect(looksLikeText(enc('Shot list\n1. 镜头 horse runs\r\n'))).toBe(true);
    expect(looksLikeText(Uint8Array.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]))).toBe(false); // mp4 ftyp
    expect(looksLikeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false); // PNG
    expect(looksLikeText(new Uint8Array(0))).toBe(false);
  });
});
