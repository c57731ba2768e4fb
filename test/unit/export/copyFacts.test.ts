import { describe, expect, it } from 'vitest';
import { clipFactsArgs, parseClipFacts, summarizePackets } from '../../../shared/export/copyFacts.js';
import { capturedJson, horseFacts } from './captured.js';

describe('clipFactsArgs', () => {
  it('lists the first video stream with its extradata hash and packets, and never reads the name as an option', () => {
    const args = clipFactsArgs('-odd name.mp4');
    expect(args.slice(-2)).toEqual(['-i', '-odd name.mp4']);
    expect(args).toEqual(expect.arrayContaining(['-select_streams', 'v:0', '-show_data_hash', 'sha256', '-show_streams', '-show_format']));
    expect(args[args.indexOf('-show_entries') + 1]).toBe('packet=pts,dts,duration,flags');
  });
});

describe('parseClipFacts on real ffprobe output', () => {
  it('the real AI clip: High@2.2, 1/16384, 49 evenly spaced frames from a keyframe at 0', () => {
    expect(horseFacts()).toEqual({
      streamId: 1,
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      formatStart: 0,
      codec: 'h264',
      codecTag: 'avc1',
      profile: 'High',
      level: 22,
      pixelFormat: 'yuv420p',
      width: 720,
      height: 480,
      sar: '1:1',
      fieldOrder: 'progressive',
      color: '-/-/-/-',
      rotation: 0,
      attachedPic: false,
      timeBase: { num: 1, den: 16384 },
      rFrameRate: { num: 8, den: 1 },
      avgFrameRate: { num: 8, den: 1 },
      extradataHash: 'SHA256:311f215d17f4c775dcdd96a86c78a2de81be720aca97ad2460c8a062273ce1b7',
      packets: { count: 49, firstPts: 0, firstDts: -4096, firstIsKeyframe: true, step: 2048 },
    });
  });

  it('an x264 clip with B-frames: packets come in decode order, the spacing is found in display order', () => {
    const f = parseClipFacts(capturedJson('clip-facts-x264-320x240-24fps-aac.json'));
    expect(f).toMatchObject({ width: 320, height: 240, profile: 'High', level: 13, timeBase: { num: 1, den: 12288 } });
    expect(f?.packets).toEqual({ count: 24, firstPts: 0, firstDts: -1024, firstIsKeyframe: true, step: 512 });
    expect(f?.extradataHash).toMatch(/^SHA256:[0-9a-f]{64}$/);
    expect(f?.extradataHash).not.toBe(horseFacts().extradataHash);
  });

  it('no video stream, or not ffprobe output at all: null', () => {
    expect(parseClipFacts({ streams: [{ codec_type: 'audio' }], format: {} })).toBeNull();
    expect(parseClipFacts('garbage')).toBeNull();
    expect(parseClipFacts(null)).toBeNull();
  });

  it('reads rotation, SAR, cover art and decimal stream ids', () => {
    const f = parseClipFacts({
      streams: [{
        codec_type: 'video', id: '7', sample_aspect_ratio: '32:27', disposition: { attached_pic: 1 },
        side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }],
      }],
      format: { start_time: '0.021333' },
    });
    expect(f).toMatchObject({ streamId: 7, sar: '32:27', attachedPic: true, rotation: 90, formatStart: 0.021333, extradataHash: null });
    expect(parseClipFacts({ streams: [{ codec_type: 'video', id: 'N/A', sample_aspect_ratio: '0:1' }] })).toMatchObject({ streamId: null, sar: '1:1', formatStart: null });
  });
});

describe('summarizePackets', () => {
  const p = (pts: number, duration = 512, flags = '__') => ({ pts, dts: pts, duration, flags });

  it('finds the constant step of regular frames in any packet order', () => {
    expect(summarizePackets([{ ...p(0), flags: 'K_' }, p(1024), p(512)]).step).toBe(512);
  });

  it('no step when frames are unevenly spaced, have a gap or a duplicate, or durations differ', () => {
    expect(summarizePackets([p(0), p(512), p(1200)]).step).toBeNull(); // VFR
    expect(summarizePackets([p(0), p(512), p(1536)]).step).toBeNull(); // a missing frame
    expect(summarizePackets([p(0), p(512), p(512)]).step).toBeNull(); // a duplicate timestamp
    expect(summarizePackets([p(0), p(512, 400), p(1024)]).step).toBeNull();
    expect(summarizePackets([p(0, 0), p(0, 0)]).step).toBeNull();
  });

  it('missing timestamps or no packets: nothing is assumed', () => {
    expect(summarizePackets([])).toEqual({ count: 0, firstPts: null, firstDts: null, firstIsKeyframe: false, step: null });
    expect(summarizePackets([{ dts: 0, duration: 512, flags: 'K_' }, p(512)])).toMatchObject({ count: 2, firstPts: null, step: null, firstIsKeyframe: true });
  });
});
