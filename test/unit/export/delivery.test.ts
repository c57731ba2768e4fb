/** Pure parts of delivery: presets and names, label escaping, loudness, segments and their keys, AI facts. */
import { describe, expect, it } from 'vitest';
import { cutAiFacts, IPTC_COMPOSITE, IPTC_TRAINED, xmpBoxHeader, xmpPacket } from '../../../shared/export/aiLabel.js';
import { codecArgs, deliverableAudioArgs, videoTagArgs } from '../../../shared/export/codecs.js';
import {
  BUILTIN_PRESETS,
  DeliverableSchema,
  aspectDeliverable,
  checkDistinctNames,
  deliverableFileName,
  deliverableSize,
  findPreset,
} from '../../../shared/export/deliverable.js';
import { deliverableProblem } from '../../../shared/export/deliveryArgs.js';
import { escapeFilterValue, labelFilter, labelShown } from '../../../shared/export/label.js';
import { applyFilter, parseEbur128Summary, parseLoudnormReports, resultOf } from '../../../shared/export/loudness.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import { shotFraming } from '../../../shared/export/reframe.js';
import {
  segmentGraph,
  segmentGroups,
  segmentKeyMaterial,
  type SegmentTarget,
} from '../../../shared/export/segments.js';
import { makeDoc } from './doc.js';

const plan = (edit: (d: ReturnType<typeof makeDoc>) => void = () => {}) => {
  const doc = makeDoc([{}, {}, {}]);
  edit(doc);
  return { doc, plan: buildExportPlan(doc, { outPath: '/o/a.mp4', tempPath: '/o/.a.tmp', quality: 'draft' }) };
};

const target = (over: Partial<SegmentTarget> = {}): SegmentTarget => ({
  width: 1080,
  height: 1920,
  pixelFormat: 'yuv420p',
  codecArgs: codecArgs('h264', 'draft'),
  labelFilter: null,
  framing: [
    { mode: 'fit', x: 0.5, y: 0.5 },
    { mode: 'fit', x: 0.5, y: 0.5 },
    { mode: 'fit', x: 0.5, y: 0.5 },
  ],
  ...over,
});

describe('deliverables', () => {
  it('has the platform presets with their sizes', () => {
    const sizes = Object.fromEntries(
      BUILTIN_PRESETS.map((p) => [p.id, `${deliverableSize(p).width}x${deliverableSize(p).height} ${p.codec}`]),
    );
    expect(sizes).toMatchObject({
      'douyin-tiktok': '1080x1920 h264',
      'instagram-4x5': '1080x1350 h264',
      'instagram-1x1': '1080x1080 h264',
      'youtube-1080p': '1920x1080 h264',
      'youtube-4k': '3840x2160 h264',
      'broadcast-master': '1920x1080 prores',
    });
    expect(findPreset('wechat-channels')?.aspect).toBe('9:16');
    expect(findPreset('nope')).toBeNull();
  });

  it('refuses ProRes outside MOV and fills file-name patterns safely', () => {
    expect(DeliverableSchema.safeParse({ ...findPreset('broadcast-master'), container: 'mp4' }).success).toBe(false);
    const dv = {
      ...aspectDeliverable('9:16', { resolution: '1080p', codec: 'hevc', loudnessLufs: -14 }),
      fileName: '{project}/{size} {codec}',
    };
    expect(deliverableFileName(dv, '..Film: "一"')).toBe('Film_ _一__1080x1920 hevc.mp4');
    expect(deliverableFileName(dv, 'Film')).toBe('Film_1080x1920 hevc.mp4');
    expect(() => checkDistinctNames(['a.mp4', 'A.MP4'])).toThrow(/different file names/);
  });

  it('tags HEVC hvc1 and gives ProRes masters PCM', () => {
    expect(videoTagArgs('hevc')).toEqual(['-tag:v', 'hvc1']);
    expect(deliverableAudioArgs({ codec: 'prores', container: 'mov' }, 'draft')).toContain('pcm_s24le');
    expect(codecArgs('prores', 'draft')).toEqual(expect.arrayContaining(['prores_ks', 'yuv422p10le']));
  });
});

describe('visible label', () => {
  it('escapes both filter-graph levels', () => {
    expect(escapeFilterValue('a:b')).toBe(String.raw`a\\:b`);
    expect(escapeFilterValue('x,y;[z]')).toBe('x\\,y\\;\\[z\\]');
    expect(
      labelFilter({ visible: 'on', text: 'AI 生成', corner: 'bottom-left', sizePct: 4 }, 1000, '/f/a b.ttc'),
    ).toMatch(/^drawtext=fontfile=\/f\/a b\.ttc:text=AI 生成:expansion=none:fontsize=40:.*x=42:y=h-th-42$/);
  });

  it('shows on auto only when the cut has generated shots', () => {
    const l = { visible: 'auto', text: 'AI', corner: 'top-left', sizePct: 3 } as const;
    expect([labelShown(l, true), labelShown(l, false), labelShown({ ...l, visible: 'off' }, true)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('loudness', () => {
  const summary = (i: string, tp: string): string =>
    `[Parsed_ebur128_3 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         ${i} LUFS\n    Threshold: -31.9 LUFS\n\n` +
    `  Loudness range:\n    LRA:         2.1 LU\n    Threshold: -41.9 LUFS\n    LRA low:   -22.0 LUFS\n    LRA high:  -20.0 LUFS\n\n  True peak:\n    Peak:      ${tp} dBFS\n`;
  const loudnorm =
    '{\n\t"input_i" : "-20.60",\n\t"output_i" : "-14.10",\n\t"output_tp" : "-1.60",\n\t"normalization_type" : "dynamic"\n}\n';

  it('measures with ebur128 and applies one gain when the peak allows it', () => {
    const m = parseEbur128Summary(`noise\n${summary('-21.9', '-9.5')}`);
    expect(m).toEqual({ integrated: -21.9, threshold: -31.9, range: 2.1, truePeak: -9.5 });
    expect(applyFilter(m, -14)).toBe('volume=7.90dB');
    expect(resultOf(-14, m, undefined)).toMatchObject({ mode: 'linear', outputIntegrated: -14, outputTruePeak: -1.6 });
  });

  it('falls back to loudnorm with the measured values when the gain would clip', () => {
    const m = parseEbur128Summary(summary('-20.6', '-3.0'));
    expect(applyFilter(m, -14)).toBe(
      'loudnorm=I=-14.00:TP=-1.50:LRA=11:measured_I=-20.60:measured_TP=-3.00:measured_LRA=2.10:measured_thresh=-31.90:linear=true:print_format=json,aresample=48000',
    );
    expect(resultOf(-14, m, parseLoudnormReports(`x ${loudnorm}`)[0])).toMatchObject({
      mode: 'dynamic',
      outputIntegrated: -14.1,
      outputTruePeak: -1.6,
    });
  });

  it('leaves silence alone', () => {
    const silent = parseEbur128Summary(summary('-70.0', '-inf'));
    expect(silent?.truePeak).toBe(Number.NEGATIVE_INFINITY);
    expect(applyFilter(silent, -14)).toBeNull();
    expect(resultOf(-14, silent, undefined).mode).toBe('silent');
  });
});

describe('segments', () => {
  it('splits the cut at cuts and keeps transitions inside one segment', () => {
    const { plan: p } = plan((d) => {
      const s = d.shots[2];
      if (s) s.transitionIn = { kind: 'crossfade', frames: 12 };
    });
    expect(segmentGroups(p.clips).map((g) => [g.first, g.count, g.frames])).toEqual([
      [0, 1, 147],
      [1, 2, 147 * 2 - 12],
    ]);
    expect(
      segmentGraph(p, segmentGroups(p.clips)[1] ?? { first: 0, count: 1, frames: 1, startFrame: 0 }, [
        target(),
        target({ width: 1080, height: 1080 }),
      ]),
    ).toMatch(
      /split=2\[p0_0\]\[p0_1\].*trim=start_frame=135:end_frame=147,setpts=PTS-STARTPTS\[w0_t0\].*xfade=transition=fade:duration=0\.500000:offset=0,format=yuv420p\[w0_x1\]/,
    );
  });

  it('keys change with what changes the pixels, and only for the segment that changed', () => {
    const a = plan();
    const b = plan((d) => {
      const s = d.shots[1];
      if (s) s.trimInFrames = 5;
    });
    const keys = (p: typeof a.plan, t = target()) =>
      segmentGroups(p.clips).map((g) => segmentKeyMaterial(p, g, t, '5.1'));
    const [ka, kb] = [keys(a.plan), keys(b.plan)];
    expect(ka.map((k, i) => k === kb[i])).toEqual([true, false, true]);
    expect(keys(a.plan, target({ labelFilter: 'drawtext=x' }))[0]).not.toBe(ka[0]);
    expect(keys(a.plan, target({ codecArgs: codecArgs('h264', 'high') }))[0]).not.toBe(ka[0]);
  });

  it("reframes each shot with its framing for the deliverable's aspect (centre fit by default)", () => {
    expect(shotFraming({}, '9:16')).toEqual({ mode: 'fit', x: 0.5, y: 0.5 });
    const shot = { framing: { '9:16': { mode: 'fill', x: 0, y: 0.5 } } } as const;
    expect(shotFraming(shot, '9:16').mode).toBe('fill');
    expect(shotFraming(shot, '1:1').mode).toBe('fit');
    const { plan: p } = plan();
    const g = segmentGroups(p.clips)[0] ?? { first: 0, count: 1, frames: 1, startFrame: 0 };
    // 720x480 source filling 1080x1920: scaled to 2880x1920, cropped at the left edge (x = 0).
    expect(segmentGraph(p, g, [target({ framing: [shotFraming(shot, '9:16')] })])).toContain(
      'scale=2880:1920,crop=1080:1920:0:0',
    );
  });
});

describe('AI facts and XMP', () => {
  it('calls a cut of generated shots trained, a mix composite, none null', () => {
    const { doc, plan: p } = plan();
    expect(cutAiFacts(doc, p).digitalSourceType).toBeNull();
    doc.takes.forEach((t) => {
      t.provider = 'kling';
      t.model = 'kling-v2-6';
    });
    expect(cutAiFacts(doc, p)).toMatchObject({
      digitalSourceType: IPTC_TRAINED,
      providers: ['kling'],
      models: ['kling/kling-v2-6'],
      generatedShots: 3,
    });
    const first = doc.takes[0];
    if (first) first.provider = 'import';
    expect(cutAiFacts(doc, p).digitalSourceType).toBe(IPTC_COMPOSITE);
    const xmp = xmpPacket(cutAiFacts(doc, p), 'A & B', 'Storyboard 1', '2026-01-01T00:00:00Z');
    expect(xmp).toContain(`Iptc4xmpExt:DigitalSourceType="${IPTC_COMPOSITE}"`);
    expect(xmp).toContain('A &amp; B');
    expect([...xmpBoxHeader(10).slice(0, 8)]).toEqual([0, 0, 0, 34, 0x75, 0x75, 0x69, 0x64]);
  });

  it('refuses a deliverable whose frame count or tag is off', () => {
    const dv = { ...aspectDeliverable('1:1', { resolution: '1080p', codec: 'hevc', loudnessLufs: null }) };
    const probe = (tag: string, frames: string) => ({
      streams: [
        {
          codec_type: 'video',
          codec_name: 'hevc',
          codec_tag_string: tag,
          width: 1080,
          height: 1080,
          nb_read_packets: frames,
        },
        { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
      ],
    });
    expect(deliverableProblem(probe('hvc1', '48'), dv, { width: 1080, height: 1080 }, 48)).toBeNull();
    expect(deliverableProblem(probe('hev1', '48'), dv, { width: 1080, height: 1080 }, 48)).toMatch(/hvc1/);
    expect(deliverableProblem(probe('hvc1', '47'), dv, { width: 1080, height: 1080 }, 48)).toMatch(/47 frames/);
  });
});
