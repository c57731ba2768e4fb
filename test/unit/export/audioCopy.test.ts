import { describe, expect, it } from 'vitest';
import {
  AAC_FRAME,
  AUDIO_COPIED,
  audioConcatList,
  audioCopyLayout,
  audioCopyPacketCount,
  audioRoute,
  audioRouteGuess,
} from '../../../shared/export/audioCopy.js';
import { parseClipFacts, type ClipAudioFacts, type ClipVideoFacts } from '../../../shared/export/copyFacts.js';
import { buildExportPlan, type ExportPlan } from '../../../shared/export/plan.js';
import type { Fps } from '../../../shared/model/time.js';
import { capturedJson } from './captured.js';
import { makeDoc, type ClipSpec } from './doc.js';

const AAC = { hasAudio: true, audioCodec: 'aac', audioChannels: 2, audioSampleRate: 48000 };
/** n whole 1 s takes at 24 fps (or `seconds` at `fps`), 320x240, AAC 48 kHz stereo. */
function planOf(n: number, fps: Fps = { num: 24, den: 1 }, seconds = 1, info: ClipSpec['info'] = AAC): ExportPlan {
  const clips = Array.from({ length: n }, (_, i): ClipSpec => ({
    path: `media/c${i}.mp4`,
    info: { ...info, fps, durationSec: seconds },
  }));
  return buildExportPlan(makeDoc(clips, { width: 320, height: 240, fps }), {
    outPath: '/out/cut.mp4',
    tempPath: '/out/.cut.mp4.x.sbtmp',
    quality: 'draft',
  });
}

/** The captured x264 + AAC clip (1 s at 24 fps, audio 48000 samples in 1 + 47 packets). */
function clipFacts(audio: Partial<ClipAudioFacts> = {}, video: Partial<ClipVideoFacts> = {}): ClipVideoFacts {
  const f = parseClipFacts(capturedJson('clip-facts-all-streams-320x240-24fps-aac.json'));
  if (!f?.audio) throw new Error('captured clip facts did not parse');
  return { ...f, ...video, audio: { ...f.audio, ...audio } };
}

describe('audioCopyLayout', () => {
  it('3 x 24 frames: keeps the packets that put each next clip closest to its first frame (matches the measured beeps)', () => {
    // Measured with real ffmpeg on such clips: beeps 2.7 ms and 5.3 ms late at joins 1 and 2.
    expect(audioCopyLayout(planOf(3))).toEqual([
      { keep: 46, startSamples: 0, offsetSamples: 0, durationSamples: 47 * AAC_FRAME },
      { keep: 46, startSamples: 48128, offsetSamples: 128, durationSamples: 47 * AAC_FRAME },
      { keep: 47, startSamples: 96256, offsetSamples: 256, durationSamples: 47 * AAC_FRAME },
    ]);
    expect(audioCopyPacketCount(audioCopyLayout(planOf(3)))).toBe(3 + 46 + 46 + 47);
  });

  it('no drift: 60 joins at 24 and at 29.97 fps stay within half an AAC frame, the end too', () => {
    for (const [fps, seconds] of [
      [{ num: 24, den: 1 }, 1],
      [{ num: 30000, den: 1001 }, 1.034],
    ] as const) {
      const plan = planOf(60, fps, seconds);
      const layout = audioCopyLayout(plan);
      for (const c of layout) expect(Math.abs(c.offsetSamples)).toBeLessThanOrEqual(AAC_FRAME / 2);
      const last = layout.at(-1);
      const end = (plan.totalFrames * 48000 * fps.den) / fps.num;
      expect(Math.abs((last?.startSamples ?? 0) + (last?.durationSamples ?? 0) - end)).toBeLessThanOrEqual(
        AAC_FRAME / 2,
      );
    }
  });
});

describe('audioConcatList', () => {
  it('each clip cut halfway into its first dropped packet and placed right after the previous one', () => {
    expect(audioConcatList(planOf(2), (rel) => `/p/${rel}`, 2)).toBe(
      [
        'ffconcat version 1.0',
        'stream',
        'exact_stream_id 2',
        // 46 kept: packets at dts < 46.5 x 1024 samples; the next starts 47 packets later (its priming first).
        `file 'file:/p/media/c0.mp4'`,
        'outpoint 0.970667',
        'duration 1.002667',
        `file 'file:/p/media/c1.mp4'`,
        'outpoint 0.992000',
        'duration 1.002666',
      ].join('\n') + '\n',
    );
    expect(() => audioConcatList(planOf(1), (rel) => rel, -1)).toThrow(RangeError);
  });
});

describe('audioRoute', () => {
  const plan = planOf(3);
  it('identical AAC in every clip: copied from its track', () => {
    expect(audioRoute(plan, [clipFacts(), clipFacts(), clipFacts()])).toEqual({
      copy: true,
      streamId: 2,
      reason: AUDIO_COPIED,
    });
    expect(AUDIO_COPIED).toBe('audio copied: identical AAC in every clip');
  });

  const cases: [string, ClipVideoFacts | null, RegExp][] = [
    ['no audio', { ...clipFacts(), audio: null }, /^audio encoded: Shot 2 "prompt 2" has no audio$/],
    ['not probed', null, /Shot 2 .* could not be probed/],
    ['another codec', clipFacts({ codec: 'mp3' }), /audio is mp3, not AAC/],
    ['another rate', clipFacts({ sampleRate: 44100 }), /audio is 44100 Hz stereo, not 48000 Hz stereo/],
    ['mono', clipFacts({ channels: 1, channelLayout: 'mono' }), /48000 Hz mono, not 48000 Hz stereo/],
    ['another profile', clipFacts({ profile: 'HE-AAC' }), /Shot 2 .*AAC settings differ from the first clip's/],
    ['another config', clipFacts({ extradataHash: 'SHA256:00' }), /AAC settings differ/],
    ['another track', clipFacts({ streamId: 3 }), /audio in another track/],
    ['no priming packet', clipFacts({ firstPts: 0 }), /not one priming packet and contiguous 1024-sample packets/],
    ['a gap', clipFacts({ contiguous: false }), /contiguous/],
    ['time base', clipFacts({ timeBase: { num: 1, den: 90000 } }), /not timed in samples/],
    ['too short', clipFacts({ packetCount: 40 }), /audio is shorter than its picture/],
    // A video packet at or past the audio outpoint (0.970667 s) stored before the last kept
    // audio packet (46) would end the audio early; stored after it, it is harmless.
    [
      'video stored ahead',
      clipFacts({ videoDtsBefore: clipFacts().audio?.videoDtsBefore.map((d, i) => (i >= 40 ? 11928 : d)) }),
      /stores video past the audio's cut point ahead of that audio/,
    ],
  ];
  for (const [name, odd, reason] of cases) {
    it(`one clip differs (${name}): encoded, naming it`, () => {
      const route = audioRoute(plan, [clipFacts(), odd, clipFacts()]);
      expect(route.copy).toBe(false);
      expect(route.reason).toMatch(reason);
      expect(route.reason).toMatch(/^audio encoded: Shot 2 /);
    });
  }
});

describe('audioRoute: where the video is stored', () => {
  it('a video packet past the cut point stored only after the last kept audio packet is harmless', () => {
    const later = clipFacts({ videoDtsBefore: clipFacts().audio?.videoDtsBefore.map((d, i) => (i >= 47 ? 11928 : d)) });
    expect(audioRoute(planOf(3), [clipFacts(), later, clipFacts()]).copy).toBe(true);
    // The captured (interleaved) clip: the video read before packet 46 is well before 0.97 s.
    expect((clipFacts().audio?.videoDtsBefore[46] ?? Infinity) / 12288).toBeLessThan(0.97);
  });
});

describe('audioRouteGuess (project records only)', () => {
  it('copy when every clip has 48 kHz stereo AAC; else encoded, naming the first clip that has not', () => {
    expect(audioRouteGuess(planOf(2), 2)).toEqual({ copy: true, streamId: 2, reason: AUDIO_COPIED });
    const plan = planOf(3);
    const silent = {
      ...plan,
      clips: plan.clips.map((c, i) => (i === 2 ? { ...c, info: { ...c.info, hasAudio: false } } : c)),
    };
    expect(audioRouteGuess(silent, 2)).toEqual({
      copy: false,
      reason: `audio encoded: Shot 3 "prompt 3"'s audio is not 48 kHz stereo AAC`,
    });
    expect(audioRouteGuess(planOf(1, undefined, 1, { ...AAC, audioSampleRate: 44100 }), 2).copy).toBe(false);
  });
});
