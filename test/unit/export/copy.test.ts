import { describe, expect, it } from 'vitest';
import { copyPrecheck, copyVerdict, ticksPerFrame, type CopyRefusalCode } from '../../../shared/export/copy.js';
import type { ClipVideoFacts } from '../../../shared/export/copyFacts.js';
import { buildExportPlan, type ExportPlan } from '../../../shared/export/plan.js';
import type { Fps } from '../../../shared/model/time.js';
import { horseFacts } from './captured.js';
import { makeDoc, type ClipSpec } from './doc.js';

const abs = (rel: string): string => `/proj/${rel}`;

/** Three shots of the real AI clip's kind (doc.ts mediaInfo defaults: 720x480 8 fps 6.125 s H.264). */
function planOf(
  clips: ClipSpec[] = [{}, {}, {}],
  fps: Fps = { num: 8, den: 1 },
  size = { width: 720, height: 480 },
): ExportPlan {
  return buildExportPlan(makeDoc(clips, { ...size, fps }), {
    outPath: '/out/cut.mp4',
    tempPath: '/out/.cut.mp4.x.sbtmp',
    quality: 'draft',
  });
}

function refusal(
  plan: ExportPlan,
  facts: (ClipVideoFacts | null)[] = plan.clips.map(() => horseFacts()),
): { code: CopyRefusalCode; reason: string } {
  const v = copyVerdict(plan, facts, abs);
  if (v.eligible) throw new Error('expected a refusal');
  return { code: v.code, reason: v.reason };
}

/** Facts for 3 clips where clip 2 (index 1) differs by `over` (deep-merged one level for packets). */
function secondDiffers(over: Partial<ClipVideoFacts>): ClipVideoFacts[] {
  const odd = { ...horseFacts(), ...over };
  return [horseFacts(), odd, horseFacts()];
}

describe('copyVerdict: identical whole takes', () => {
  it('three shots of the real AI clip are eligible, naming the video track to join', () => {
    expect(copyVerdict(planOf(), [horseFacts(), horseFacts(), horseFacts()], abs)).toEqual({
      eligible: true,
      videoStreamId: 1,
      audio: { copy: false, reason: 'audio encoded: Shot 1 "prompt 1" has no audio' },
    });
  });
});

describe('copyPrecheck: what the project already knows (no probe)', () => {
  const cases: [string, ClipSpec, CopyRefusalCode, string][] = [
    [
      'a still',
      { info: { kind: 'image', durationSec: 0, fps: null } },
      'not-video',
      'Shot 2 "prompt 2" is a still image, not a video clip',
    ],
    [
      'an in point',
      { trimIn: 3 },
      'trimmed',
      'Shot 2 "prompt 2" is trimmed (frames 3 to 49 of 49): only whole takes are copied',
    ],
    [
      'an out point',
      { trimOut: 40 },
      'trimmed',
      'Shot 2 "prompt 2" is trimmed (frames 0 to 40 of 49): only whole takes are copied',
    ],
    [
      'Matroska',
      { info: { container: 'matroska,webm' } },
      'container',
      'Shot 2 "prompt 2" is in a matroska,webm file, not MP4/MOV',
    ],
    ['HEVC', { info: { videoCodec: 'hevc' } }, 'codec', 'Shot 2 "prompt 2" is hevc, not H.264'],
    [
      '4:4:4',
      { info: { pixelFormat: 'yuv444p' } },
      'pixel-format',
      'Shot 2 "prompt 2" has pixel format yuv444p, not yuv420p',
    ],
    [
      'another size',
      { info: { width: 640, height: 480 } },
      'size',
      'Shot 2 "prompt 2" is 640x480, the output is 720x480',
    ],
    ['anamorphic', { info: { sar: { num: 8, den: 9 } } }, 'sar', 'Shot 2 "prompt 2" has non-square pixels (SAR 8:9)'],
    ['rotated', { info: { rotation: 90 } }, 'rotation', 'Shot 2 "prompt 2" is stored rotated (90 degrees)'],
    ['VFR', { info: { vfr: true } }, 'vfr', 'Shot 2 "prompt 2" has a variable frame rate'],
    [
      'another rate',
      { info: { fps: { num: 25, den: 1 } } },
      'frame-rate',
      'Shot 2 "prompt 2" runs at 25 fps, the project at 8 fps',
    ],
    [
      'a line break in the path',
      { path: 'media/a\nb.mp4' },
      'path',
      `Shot 2 "prompt 2" can't be listed for joining: its path contains a line break, which a concat list cannot hold`,
    ],
  ];
  for (const [name, spec, code, reason] of cases) {
    it(`${name}: ${code}`, () => {
      const plan = planOf([{}, spec, {}]);
      const pre = copyPrecheck(plan, abs);
      expect(pre).toEqual({ eligible: false, code, reason });
      // The full verdict gives the same answer without looking at the facts.
      expect(refusal(plan, [null, null, null])).toEqual({ code, reason });
    });
  }

  it('equal rates written differently are the same rate', () => {
    const plan = planOf([{ info: { fps: { num: 16, den: 2 } } }, {}, {}]);
    expect(copyPrecheck(plan, abs).eligible).toBe(true);
  });
});

describe('copyVerdict: each clip against the output (stream facts)', () => {
  const horse = horseFacts();
  const cases: [string, Partial<ClipVideoFacts>, CopyRefusalCode, RegExp][] = [
    ['probe failed', {}, 'probe-failed', /^Shot 2 "prompt 2"'s video stream could not be read$/],
    ['cover art', { attachedPic: true }, 'not-video', /cover art/],
    ['avc3 (in-band parameter sets)', { codecTag: 'avc3' }, 'codec', /stores H\.264 as "avc3", not avc1/],
    ['interlaced', { fieldOrder: 'tt' }, 'interlaced', /is interlaced \(tt\)/],
    [
      'r_frame_rate differs',
      { rFrameRate: { num: 16, den: 1 } },
      'frame-rate',
      /runs at 16 fps, the project at 8 fps$/,
    ],
    [
      'the average rate differs',
      { avgFrameRate: { num: 196, den: 25 } },
      'vfr',
      /averages 196\/25 fps: its frames are not all 8 fps apart$/,
    ],
    ['uneven frames', { packets: { ...horse.packets, step: null } }, 'vfr', /frames are not evenly spaced at 8 fps/],
    [
      'a time base that cannot hold a frame',
      { timeBase: { num: 1, den: 100 } },
      'time-base',
      /time base 1\/100 can't hold a frame of 8 fps exactly/,
    ],
    [
      'fewer frames than the take',
      { packets: { ...horse.packets, count: 48 } },
      'frame-count',
      /has 48 video frames but its take lasts 49 frames/,
    ],
    ['starts late', { formatStart: 0.021333 }, 'start', /does not start with a keyframe at 0 s/],
    [
      'first frame not at 0',
      { packets: { ...horse.packets, firstPts: 2048 } },
      'start',
      /does not start with a keyframe/,
    ],
    [
      'no keyframe first',
      { packets: { ...horse.packets, firstIsKeyframe: false } },
      'start',
      /does not start with a keyframe/,
    ],
    ['rotated (display matrix only)', { rotation: 180 }, 'rotation', /stored rotated \(180 degrees\)/],
  ];
  for (const [name, over, code, reason] of cases) {
    it(`${name}: ${code}`, () => {
      const facts = code === 'probe-failed' ? [horse, null, horse] : secondDiffers(over);
      const r = refusal(planOf(), facts);
      expect(r.code).toBe(code);
      expect(r.reason).toMatch(reason);
      expect(r.reason.startsWith('Shot 2 "prompt 2"')).toBe(true);
    });
  }
});

describe('copyVerdict: each clip against the first (the demuxer keeps its configuration)', () => {
  const horse = horseFacts();
  const cases: [string, Partial<ClipVideoFacts>, CopyRefusalCode, string][] = [
    [
      'another track id',
      { streamId: 2 },
      'stream-layout',
      'Shot 2 "prompt 2" has its video in track 2, Shot 1 "prompt 1" in track 1',
    ],
    ['no track id', { streamId: null }, 'stream-layout', `Shot 2 "prompt 2"'s video stream has no track id`],
    [
      'another profile',
      { profile: 'Main' },
      'profile',
      'Shot 2 "prompt 2" uses H.264 profile Main, Shot 1 "prompt 1" High',
    ],
    ['another level', { level: 31 }, 'level', 'Shot 2 "prompt 2" uses H.264 level 31, Shot 1 "prompt 1" 22'],
    [
      'other SPS/PPS',
      { extradataHash: 'SHA256:00' },
      'extradata',
      'Shot 2 "prompt 2" was encoded with different H.264 settings (SPS/PPS) than Shot 1 "prompt 1"',
    ],
    [
      'no SPS/PPS record',
      { extradataHash: null },
      'extradata',
      'Shot 2 "prompt 2" has no codec configuration record (SPS/PPS) to compare',
    ],
    [
      'another time base',
      { timeBase: { num: 1, den: 32768 }, packets: { ...horse.packets, step: 4096 } },
      'time-base',
      'Shot 2 "prompt 2" has a different time base than Shot 1 "prompt 1"',
    ],
    [
      'another reordering delay',
      { packets: { ...horse.packets, firstDts: -6144 } },
      'decode-delay',
      'Shot 2 "prompt 2" has a different frame reordering delay than Shot 1 "prompt 1"',
    ],
    [
      'other color metadata',
      { color: 'tv/bt709/bt709/bt709' },
      'color',
      'Shot 2 "prompt 2" has different color metadata (tv/bt709/bt709/bt709) than Shot 1 "prompt 1" (-/-/-/-)',
    ],
  ];
  for (const [name, over, code, reason] of cases) {
    it(`${name}: ${code}`, () => {
      expect(refusal(planOf(), secondDiffers(over))).toEqual({ code, reason });
    });
  }
});

describe('copyVerdict: joins placed exactly', () => {
  it("refuses a time base too fine for the demuxer's microsecond offsets", () => {
    // 29.97 fps in 1/30000000: a frame is 1001000 ticks, but the demuxer places clip starts in
    // whole microseconds: 31 frames = 1034366.67 us, placed at 1034367 us, 10 ticks late.
    const fps = { num: 30000, den: 1001 };
    const info = { fps, durationSec: 1.035 }; // 31 frames
    const plan = planOf([{ info }, { info }], fps);
    const f: ClipVideoFacts = {
      ...horseFacts(),
      timeBase: { num: 1, den: 30_000_000 },
      rFrameRate: fps,
      avgFrameRate: fps,
      packets: { ...horseFacts().packets, count: 31, step: 1_001_000 },
    };
    expect(refusal(plan, [f, f])).toEqual({
      code: 'time-base',
      reason: `Shot 2 "prompt 2" can't be placed exactly on its first frame in time base 1/30000000`,
    });
    // The usual mp4 time base for that rate is exact.
    const usual = { ...f, timeBase: { num: 1, den: 30000 }, packets: { ...f.packets, step: 1001 } };
    expect(copyVerdict(plan, [usual, usual], abs)).toMatchObject({ eligible: true, videoStreamId: 1 });
  });

  it('ticksPerFrame: whole ticks or null', () => {
    expect(ticksPerFrame({ num: 1, den: 12288 }, { num: 24, den: 1 })).toBe(512);
    expect(ticksPerFrame({ num: 1, den: 30000 }, { num: 30000, den: 1001 })).toBe(1001);
    expect(ticksPerFrame({ num: 1, den: 1000 }, { num: 30000, den: 1001 })).toBeNull();
  });
});
