import { describe, expect, it } from 'vitest';
import { audioCopyLayout } from '../../../shared/export/audioCopy.js';
import {
  copiedAudioProblem,
  copyOutputProblem,
  copyProbeProblem,
  outputProbeArgs,
  packetProblem,
  videoPacketsCsv,
} from '../../../shared/export/copyVerify.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import { captured, capturedJson } from './captured.js';
import { makeDoc, type ClipSpec } from './doc.js';

/** The plan of the captured good output: 2 x 24 frames at 24 fps, 320x240. */
const PLAN = { width: 320, height: 240, fps: { num: 24, den: 1 }, totalFrames: 48 };
const STREAMS = 'copy-output-2x24-streams.json';
const PACKETS = 'copy-output-2x24-packets.csv';
/** outputProbeArgs() on a good copy made the same way (the stream-copy export of that clip twice). */
const PROBE = 'copy-output-2x24-probe.json';

/** The captured streams JSON with stream `type` changed by `edit`. */
function edited(type: 'video' | 'audio', edit: Record<string, unknown>): unknown {
  const json = capturedJson(STREAMS) as { streams: Record<string, unknown>[] };
  json.streams = json.streams.map((s) => (s.codec_type === type ? { ...s, ...edit } : s));
  return json;
}

describe('copy output verification on real ffprobe output', () => {
  it('the good copy passes', () => {
    expect(copyOutputProblem(PLAN, capturedJson(STREAMS), captured(PACKETS))).toBeNull();
  });

  it('a frame more or less than planned', () => {
    expect(copyOutputProblem({ ...PLAN, totalFrames: 49 }, capturedJson(STREAMS), captured(PACKETS))).toBe(
      'it has 48 video frames, 49 expected',
    );
    expect(copyOutputProblem({ ...PLAN, totalFrames: 47 }, capturedJson(STREAMS), captured(PACKETS))).toBe(
      'it has 48 video frames, 47 expected',
    );
  });

  it('the join made without the declared stream: video 21 ms late (caught by start time and by packets)', () => {
    expect(
      copyOutputProblem(
        PLAN,
        capturedJson('copy-output-shifted-streams.json'),
        captured('copy-output-shifted-packets.csv'),
      ),
    ).toBe('its video starts at 0.020996 s and its audio at 0.000000 s, 0 expected');
    expect(packetProblem(captured('copy-output-shifted-packets.csv'), PLAN, { num: 1, den: 12288 })).toBe(
      'video frame 0 is at 258 ticks, 0 expected',
    );
  });

  it('another size, rate, codec or pixel format', () => {
    const packets = captured(PACKETS);
    expect(copyOutputProblem({ ...PLAN, width: 640 }, capturedJson(STREAMS), packets)).toMatch(
      /^its video is h264 320x240 yuv420p, h264 640x240 yuv420p expected$/,
    );
    expect(copyOutputProblem({ ...PLAN, fps: { num: 25, den: 1 } }, capturedJson(STREAMS), packets)).toBe(
      'its frame rate is 24/1, 25 expected',
    );
    expect(copyOutputProblem(PLAN, edited('video', { codec_name: 'hevc' }), packets)).toMatch(/^its video is hevc/);
    expect(copyOutputProblem(PLAN, edited('video', { sample_aspect_ratio: '4:3' }), packets)).toBe(
      'its pixels are not square (SAR 4:3)',
    );
  });

  it('audio that is not AAC stereo 48 kHz, missing, or the wrong length', () => {
    const packets = captured(PACKETS);
    expect(copyOutputProblem(PLAN, edited('audio', { channels: 1 }), packets)).toBe(
      'its audio is aac 48000 Hz 1 channels, aac 48000 Hz 2 expected',
    );
    expect(copyOutputProblem(PLAN, edited('audio', { codec_type: 'data' }), packets)).toBe(
      'it has 1 video and 0 audio streams, 1 and 1 expected',
    );
    expect(copyOutputProblem(PLAN, edited('audio', { duration: '2.100000' }), packets)).toBe(
      'its audio lasts 2.100000 s, 2.000000 s (±1 frame) expected',
    );
    // Within a frame (41.7 ms at 24 fps) is fine.
    expect(copyOutputProblem(PLAN, edited('audio', { duration: '2.041000' }), packets)).toBeNull();
  });

  it('garbage in: a problem, never a pass', () => {
    expect(copyOutputProblem(PLAN, null, '')).toBe('it has 0 video and 0 audio streams, 1 and 1 expected');
    expect(copyOutputProblem(PLAN, capturedJson(STREAMS), '')).toBe('it has 0 video frames, 48 expected');
  });
});

describe('packetProblem', () => {
  const tb = { num: 1, den: 12288 };
  const plan = { ...PLAN, totalFrames: 3 };

  it('passes exact frames in any display order, with increasing dts', () => {
    expect(packetProblem('0,-1024\n1024,-512\n512,0\n', plan, tb)).toBeNull();
  });

  it('catches a gap, a duplicate, dts going back and missing timestamps', () => {
    expect(packetProblem('0,-1024\n512,-512\n1536,0\n', plan, tb)).toBe(
      'video frame 2 is at 1536 ticks, 1024 expected',
    );
    expect(packetProblem('0,-1024\n512,-512\n512,0\n', plan, tb)).toBe('video frame 2 is at 512 ticks, 1024 expected');
    expect(packetProblem('0,0\n512,0\n1024,512\n', plan, tb)).toBe(
      'video packet 1 goes back in decode time (dts 0 after 0)',
    );
    expect(packetProblem('0,0\nN/A,512\n1024,1024\n', plan, tb)).toBe('video packet 1 has no timestamp ("N/A,512")');
  });

  it('a time base that cannot hold a frame is a problem, not a guess', () => {
    expect(packetProblem('0,0\n1,1\n2,2\n', plan, { num: 1, den: 100 })).toBe(
      "its time base 1/100 can't hold a frame exactly",
    );
  });
});

describe('the one verification probe', () => {
  it('never decodes, lists every packet with its stream, and never reads the file name as an option', () => {
    const args = outputProbeArgs('-x.mp4');
    expect(args.slice(-2)).toEqual(['-i', '-x.mp4']);
    expect(args).toEqual(expect.arrayContaining(['-show_streams', '-show_format']));
    expect(args[args.indexOf('-show_entries') + 1]).toBe('packet=stream_index,pts,dts');
    expect(args).not.toContain('-count_frames');
    expect(args).not.toContain('-select_streams');
  });

  it('real output: the video packets in decode order, the audio ones left out; the good copy passes', () => {
    const json = capturedJson(PROBE);
    const lines = videoPacketsCsv(json).trim().split('\n');
    expect(lines).toHaveLength(48);
    expect(lines.slice(0, 3)).toEqual(['0,-1024', '2048,-512', '1024,0']);
    expect(copyProbeProblem(PLAN, json)).toBeNull();
    expect(copyProbeProblem({ ...PLAN, totalFrames: 47 }, json)).toBe('it has 48 video frames, 47 expected');
  });

  it('a packet without a timestamp, a missing video stream or no packets are problems, not crashes', () => {
    const json = capturedJson(PROBE) as { packets: Record<string, unknown>[]; streams: Record<string, unknown>[] };
    const firstVideo = json.packets.findIndex((p) => p.stream_index === 0);
    delete json.packets[firstVideo]?.pts;
    expect(copyProbeProblem(PLAN, json)).toBe('video packet 0 has no timestamp ("N/A,-1024")');
    expect(videoPacketsCsv({ ...json, streams: json.streams.filter((s) => s.codec_type !== 'video') })).toBe('');
    expect(copyProbeProblem(PLAN, { ...json, packets: undefined })).toBe('it has 0 video frames, 48 expected');
    expect(copyProbeProblem(PLAN, 'garbage')).toBe('it has 0 video and 0 audio streams, 1 and 1 expected');
  });
});

describe('copied audio (real output of a join that copied the AAC of a 1 s 24 fps clip twice)', () => {
  const AUDIO_PROBE = 'copy-output-audio-copied-2x24-probe.json';
  const plan = buildExportPlan(
    makeDoc(
      [0, 1].map((i): ClipSpec => ({
        path: `media/c${i}.mp4`,
        info: {
          fps: PLAN.fps,
          durationSec: 1,
          hasAudio: true,
          audioCodec: 'aac',
          audioChannels: 2,
          audioSampleRate: 48000,
        },
      })),
      { width: 320, height: 240, fps: PLAN.fps },
    ),
    { outPath: '/out/cut.mp4', tempPath: '/out/.cut.mp4.x.sbtmp', quality: 'draft' },
  );
  const layout = audioCopyLayout(plan);
  type Probe = { streams: Record<string, unknown>[]; packets: { stream_index: number; pts: number; dts: number }[] };
  const probe = (): Probe => capturedJson(AUDIO_PROBE) as Probe;
  const audioPackets = (json: Probe): { pts: number }[] => json.packets.filter((p) => p.stream_index === 1);

  it('passes: 1 + 46 and 1 + 47 packets back to back from the priming packet, 2.002 s against 2 s of video', () => {
    expect(copyProbeProblem(PLAN, probe(), layout)).toBeNull();
    // The same file checked as an encode (no layout) passes the common checks too.
    expect(copyProbeProblem(PLAN, probe())).toBeNull();
  });

  it('a packet missing or one more clip planned: the count', () => {
    const json = probe();
    json.packets.splice(
      json.packets.findIndex((p) => p.stream_index === 1 && p.pts === 5120),
      1,
    );
    expect(copiedAudioProblem(PLAN, json, layout)).toBe('it has 94 audio packets, 95 copied expected');
    expect(copiedAudioProblem(PLAN, probe(), [...layout, ...layout.slice(1)])).toMatch(
      /^it has 95 audio packets, 143 copied expected$/,
    );
  });

  it('audio shifted against the picture (priming played at 0), a gap or overlap at a join', () => {
    const shifted = probe();
    for (const p of audioPackets(shifted)) p.pts += 1024;
    expect(copiedAudioProblem(PLAN, shifted, layout)).toBe(
      'its first audio packet is at 0, the priming packet at -1024 expected',
    );
    const gap = probe();
    for (const p of audioPackets(gap).slice(48)) p.pts += 1;
    expect(copiedAudioProblem(PLAN, gap, layout)).toBe(
      'audio packet 48 is at 48129, right after the previous one expected',
    );
  });

  it('no audio track, another time base, a track too long, a join planned off by more than a frame', () => {
    const none = probe();
    none.streams = none.streams.filter((s) => s.codec_type !== 'audio');
    expect(copyProbeProblem(PLAN, none, layout)).toBe('it has 1 video and 0 audio streams, 1 and 1 expected');
    expect(copiedAudioProblem(PLAN, none, layout)).toBe('it has no audio stream');
    const long = probe();
    long.streams = long.streams.map((s) => (s.codec_type === 'audio' ? { ...s, duration: '2.030000' } : s));
    expect(copiedAudioProblem(PLAN, long, layout)).toBe(
      'its audio lasts 2.030000 s, 2.000000 s (±1 AAC frame) expected',
    );
    const tb = probe();
    tb.streams = tb.streams.map((s) => (s.codec_type === 'audio' ? { ...s, time_base: '1/44100' } : s));
    expect(copiedAudioProblem(PLAN, tb, layout)).toMatch(/^its audio time base is 1\/44100/);
    const off = layout.map((c, i) => (i === 1 ? { ...c, offsetSamples: 1100 } : c));
    expect(copiedAudioProblem(PLAN, probe(), off)).toBe("clip 2's audio starts 1100 samples off its picture");
  });
});
