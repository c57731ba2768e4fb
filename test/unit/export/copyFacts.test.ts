import { describe, expect, it } from 'vitest';
import { clipFactsArgs, parseClipFacts, summarizePackets } from '../../../shared/export/copyFacts.js';
import { capturedJson, horseFacts } from './captured.js';

describe('clipFactsArgs', () => {
  it('lists every stream with its extradata hash and packets, and never reads the name as an option', () => {
    const args = clipFactsArgs('-odd name.mp4');
    expect(args.slice(-2)).toEqual(['-i', '-odd name.mp4']);
    expect(args).toEqual(expect.arrayContaining(['-show_data_hash', 'sha256', '-show_streams', '-show_format']));
    // The audio's packets too (audioCopy.ts): no stream selection.
    expect(args).not.toContain('-select_streams');
    expect(args[args.indexOf('-show_entries') + 1]).toBe('packet=stream_index,pts,dts,duration,flags');
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
      audio: null,
    });
  });

  it('an x264 clip with B-frames: packets come in decode order, the spacing is found in display order', () => {
    const f = parseClipFacts(capturedJson('clip-facts-x264-320x240-24fps-aac.json'));
    expect(f).toMatchObject({ width: 320, height: 240, profile: 'High', level: 13, timeBase: { num: 1, den: 12288 } });
    expect(f?.packets).toEqual({ count: 24, firstPts: 0, firstDts: -1024, firstIsKeyframe: true, step: 512 });
    expect(f?.extradataHash).toMatch(/^SHA256:[0-9a-f]{64}$/);
    expect(f?.extradataHash).not.toBe(horseFacts().extradataHash);
  });

  it('every stream listed (clipFactsArgs today): the video packets apart from the audio, and the AAC facts', () => {
    const f = parseClipFacts(capturedJson('clip-facts-all-streams-320x240-24fps-aac.json'));
    expect(f?.packets).toEqual({ count: 24, firstPts: 0, firstDts: -1024, firstIsKeyframe: true, step: 512 });
    expect(f?.audio).toEqual({
      streamId: 2,
      codec: 'aac',
      profile: 'LC',
      sampleRate: 48000,
      channels: 2,
      channelLayout: 'stereo',
      extradataHash: expect.stringMatching(/^SHA256:[0-9a-f]{64}$/) as unknown,
      timeBase: { num: 1, den: 48000 },
      // The priming packet at -1024, then 47 more; the last one is shorter (896: the edit list's end).
      packetCount: 48,
      firstPts: -1024,
      frameSize: 1024,
      contiguous: true,
      videoDtsBefore: expect.any(Array) as unknown,
    });
    // File order: video and audio interleaved by time, so the video read before an audio
    // packet is about as old as it (ticks of 1/12288 s vs packets of 1024/48000 s).
    const before = f?.audio?.videoDtsBefore ?? [];
    expect(before).toHaveLength(48);
    expect(before.slice(0, 5)).toEqual([-512, 0, 0, 512, 512]);
    expect(before[47]).toBe(10752);
  });

  it('audio packets with a gap or an overlap are not contiguous; uneven sizes have no frame size', () => {
    const json = capturedJson('clip-facts-all-streams-320x240-24fps-aac.json') as {
      packets: { stream_index: number; pts: number; duration: number }[];
    };
    const audioAt = (i: number): { pts: number; duration: number } =>
      json.packets.filter((p) => p.stream_index === 1)[i] as { pts: number; duration: number };
    audioAt(10).pts += 1;
    expect(parseClipFacts(json)?.audio).toMatchObject({ contiguous: false, frameSize: 1024 });
    audioAt(10).pts -= 1;
    audioAt(3).duration = 960;
    expect(parseClipFacts(json)?.audio).toMatchObject({ contiguous: false, frameSize: null });
  });

  it('no video stream, or not ffprobe output at all: null', () => {
    expect(parseClipFacts({ streams: [{ codec_type: 'audio' }], format: {} })).toBeNull();
    expect(parseClipFacts('garbage')).toBeNull();
    expect(parseClipFacts(null)).toBeNull();
  });

  it('reads rotation, SAR, cover art and decimal stream ids', () => {
    const f = parseClipFacts({
      streams: [
        {
          codec_type: 'video',
          id: '7',
          sample_aspect_ratio: '32:27',
          disposition: { attached_pic: 1 },
          side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }],
        },
      ],
      format: { start_time: '0.021333' },
    });
    expect(f).toMatchObject({
      streamId: 7,
      sar: '32:27',
      attachedPic: true,
      rotation: 90,
      formatStart: 0.021333,
      extradataHash: null,
    });
    expect(parseClipFacts({ streams: [{ codec_type: 'video', id: 'N/A', sample_aspect_ratio: '0:1' }] })).toMatchObject(
      { streamId: null, sar: '1:1', formatStart: null },
    );
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
    expect(summarizePackets([])).toEqual({
      count: 0,
      firstPts: null,
      firstDts: null,
      firstIsKeyframe: false,
      step: null,
    });
    expect(summarizePackets([{ dts: 0, duration: 512, flags: 'K_' }, p(512)])).toMatchObject({
      count: 2,
      firstPts: null,
      step: null,
      firstIsKeyframe: true,
    });
  });
});
