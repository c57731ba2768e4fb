import { describe, expect, it } from 'vitest';
import { buildExportInvocation, lengthSeconds, seekSeconds } from '../../../shared/export/args.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import type { Quality } from '../../../shared/api/contract.js';
import { EXPORT_TEMP as TEMP, planOf, type ClipSpec, type DocOptions } from './doc.js';
import { AAC_STEREO, FASTSTART, maps, NO_METADATA, x264Options } from '../../helpers/exportArgs.js';

function invocation(clips: ClipSpec[], opts: DocOptions = {}, quality: Quality = 'draft', outPath = '/videos/cut.mp4') {
  const plan = planOf(clips, opts, quality, outPath);
  return { plan, inv: buildExportInvocation(plan, (rel) => `/proj/${rel}`) };
}

/** The filters of one chain ("[0:v:0]a,b[v0]" -> ["a", "b"]). */
function filtersOf(graph: string, label: string): string[] {
  const chain = graph.split(';').find((c) => c.endsWith(`[${label}]`));
  if (!chain) throw new Error(`no chain ${label} in ${graph}`);
  return chain
    .replace(/^\[[^\]]+\]/, '')
    .replace(/\[[^\]]+\]$/, '')
    .split(',');
}

function valueAfter(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
}

describe('buildExportInvocation: inputs', () => {
  it('seeks each input before -i to its in point and reads the clip plus a margin', () => {
    const { inv } = invocation([{ path: 'media/a.mp4' }, { path: 'media/b.mp4', trimIn: 5, trimOut: 35 }], {
      fps: { num: 30000, den: 1001 },
    });
    expect(inv.inputs[0]).toEqual({ options: ['-t', '6.356100'], source: '/proj/media/a.mp4' }); // 183 frames = 6.1061 s, + 0.25
    // in = 5 * 1001 / 30000 = 0.1668333... s, rounded down; 30 frames = 1.001 s + 0.25.
    expect(inv.inputs[1]).toEqual({ options: ['-ss', '0.166833', '-t', '1.251000'], source: '/proj/media/b.mp4' });
    const argv = toArgv(inv);
    const firstInput = argv.indexOf('/proj/media/b.mp4');
    expect(argv.slice(firstInput - 5, firstInput + 1)).toEqual([
      '-ss',
      '0.166833',
      '-t',
      '1.251000',
      '-i',
      '/proj/media/b.mp4',
    ]);
  });

  it('loops a still image at the output rate', () => {
    const { inv } = invocation([{ path: 'media/still.png', info: { kind: 'image', durationSec: 0, fps: null } }]);
    expect(inv.inputs[0]?.options).toEqual(['-loop', '1', '-framerate', '24', '-t', '0.291667']);
  });

  it('passes odd file names only as -i arguments, never inside the graph', () => {
    const name = `media/镜头 'a' "b" 100% [x];,=.mp4`;
    const { inv } = invocation([{ path: name }]);
    expect(toArgv(inv)).toContain(`/proj/${name}`);
    expect(inv.filterComplex).not.toContain('镜头');
    expect(inv.filterComplex).not.toContain('/proj');
  });

  it('rounds -ss down and -t up to the microsecond', () => {
    expect(seekSeconds(0.1668333333)).toBe('0.166833');
    expect(seekSeconds(0.3)).toBe('0.300000'); // 0.3 * 1e6 is 299999.99999999994 in floats
    expect(lengthSeconds(1.0000001)).toBe('1.000001');
    expect(lengthSeconds(2)).toBe('2.000000');
  });
});

describe('buildExportInvocation: filter graph', () => {
  it('conforms video in this order: square pixels, fit, pad, fps, pixel format, exact frame count', () => {
    const { inv } = invocation([{ info: { fps: { num: 8, den: 1 } } }], { width: 1920, height: 1080 });
    expect(filtersOf(inv.filterComplex ?? '', 'v0')).toEqual([
      'scale=iw*sar:ih',
      'setsar=1',
      // 720x480 fitted: 1620x1080 (frameGeometry), pillarboxed 150 px each side.
      'scale=1620:1080',
      'pad=1920:1080:150:0:color=black',
      'setsar=1',
      'fps=24',
      'format=yuv420p',
      'tpad=stop_mode=clone:stop=147',
      'trim=end_frame=147',
      'setpts=PTS-STARTPTS',
    ]);
    expect(inv.filterComplex?.startsWith('[0:v:0]scale=iw*sar:ih,')).toBe(true);
  });

  it('drops surplus frames before scaling when the source is faster than the output, or VFR', () => {
    const fast = invocation([{ info: { fps: { num: 60, den: 1 } } }], { fps: { num: 25, den: 1 } });
    expect(filtersOf(fast.inv.filterComplex ?? '', 'v0').slice(0, 2)).toEqual(['fps=25', 'scale=iw*sar:ih']);
    const vfr = invocation([{ info: { fps: { num: 20, den: 1 }, vfr: true } }], { fps: { num: 30000, den: 1001 } });
    expect(filtersOf(vfr.inv.filterComplex ?? '', 'v0')[0]).toBe('fps=30000/1001');
    const same = invocation([{ info: { fps: { num: 24, den: 1 } } }]);
    expect(filtersOf(same.inv.filterComplex ?? '', 'v0')[5]).toBe('fps=24');
  });

  it('uses the portrait geometry for a 9:16 output', () => {
    const { inv } = invocation([{}], { width: 1080, height: 1920 });
    const chain = filtersOf(inv.filterComplex ?? '', 'v0');
    expect(chain).toContain('scale=1080:720');
    expect(chain).toContain('pad=1080:1920:0:600:color=black');
  });

  it("applies the shot's framing for the output's aspect: fill crops at the crop position", () => {
    const { inv, plan } = invocation(
      [{ framing: { '9:16': { mode: 'fill', x: 0.25, y: 0.5 }, '16:9': { mode: 'fit', x: 0, y: 0 } } }],
      { width: 1080, height: 1920, aspect: '9:16' },
    );
    expect(plan.clips[0]?.framing).toEqual({ mode: 'fill', x: 0.25, y: 0.5 });
    const chain = filtersOf(inv.filterComplex ?? '', 'v0');
    // 720x480 covering 1080x1920: 2880x1920; a quarter of the 1800 px spare width is cut on the left.
    expect(chain.slice(2, 4)).toEqual(['scale=2880:1920', 'crop=1080:1920:450:0']);
    expect(chain.some((f) => f.startsWith('pad='))).toBe(false);
  });

  it('resamples a clip with audio to 48 kHz stereo and cuts it to the exact sample count', () => {
    const { inv } = invocation([{ info: { hasAudio: true, durationSec: 2 } }], { fps: { num: 25, den: 1 } });
    expect(filtersOf(inv.filterComplex ?? '', 'a0')).toEqual([
      'aresample=48000:async=1:first_pts=0',
      'aformat=sample_fmts=fltp:channel_layouts=stereo',
      'apad',
      'atrim=end_sample=96000', // 50 frames * 1920 samples
      'asetpts=PTS-STARTPTS',
    ]);
    expect(inv.filterComplex).toContain('[0:a:0]aresample=');
  });

  it('generates silence for a clip without audio, never referencing a missing stream', () => {
    const { inv } = invocation([{ info: { hasAudio: false } }, { info: { hasAudio: true } }]);
    const graph = inv.filterComplex ?? '';
    expect(graph).toContain(
      'anullsrc=r=48000:cl=stereo,atrim=end_sample=294000,aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=PTS-STARTPTS[a0]',
    );
    expect(graph).not.toContain('[0:a');
    expect(graph).toContain('[1:a:0]');
  });

  it('keeps cumulative audio boundaries on the video frames at 30000/1001 fps', () => {
    // Five 1-frame clips: 1601.6 samples a frame; boundaries round to 1602, 3203, 4805, 6406, 8008.
    const clips = Array.from({ length: 5 }, () => ({ info: { durationSec: 1 / 29.97 } }));
    const { plan, inv } = invocation(clips, { fps: { num: 30000, den: 1001 } });
    expect(plan.clips.map((c) => c.frames)).toEqual([1, 1, 1, 1, 1]);
    const trims = [...(inv.filterComplex ?? '').matchAll(/atrim=end_sample=(\d+)/g)].map((m) => Number(m[1]));
    expect(trims).toEqual([1602, 1601, 1602, 1601, 1602]);
  });

  it('joins every clip in order with one concat', () => {
    const { inv } = invocation([{}, {}, {}]);
    const graph = inv.filterComplex ?? '';
    expect(graph.split(';').at(-1)).toBe('[v0][a0][v1][a1][v2][a2]concat=n=3:v=1:a=1[vout][aout]');
    expect(graph.match(/concat=/g)).toHaveLength(1);
  });
});

describe('buildExportInvocation: output', () => {
  it.each([
    ['draft', 'veryfast', '23', '192k'],
    ['standard', 'medium', '20', '192k'],
    ['high', 'slow', '17', '256k'],
  ] as const)('%s: x264 %s crf %s, AAC %s', (quality, preset, crf, bitrate) => {
    const { inv } = invocation([{}], {}, quality);
    expect(valueAfter(inv.outputOptions, '-preset')).toBe(preset);
    expect(valueAfter(inv.outputOptions, '-crf')).toBe(crf);
    expect(valueAfter(inv.outputOptions, '-b:a')).toBe(bitrate);
  });

  it('has the exact output options in order, writing the temp file as mp4 or mov', () => {
    const { inv, plan } = invocation([{}], { fps: { num: 30000, den: 1001 } }, 'standard');
    expect(inv.globalOptions).toEqual(['-hide_banner', '-nostdin', '-y']);
    expect(inv.outputOptions).toEqual([
      ...maps('[vout]', '[aout]'),
      ...NO_METADATA,
      ...x264Options('medium', '20', '30000/1001'),
      ...AAC_STEREO,
      ...FASTSTART,
      '-f',
      'mp4',
    ]);
    expect(inv.output).toBe(TEMP);
    expect(toArgv(inv).at(-1)).toBe(TEMP);
    expect(inv.durationSec).toBeCloseTo((plan.totalFrames * 1001) / 30000, 9);
    expect(valueAfter(invocation([{}], {}, 'draft', '/v/x.MOV').inv.outputOptions, '-f')).toBe('mov');
  });

  it('puts global options first, then inputs, then the graph, then output options', () => {
    const argv = toArgv(invocation([{}, {}]).inv);
    expect(argv.slice(0, 3)).toEqual(['-hide_banner', '-nostdin', '-y']);
    const lastInput = argv.lastIndexOf('-i');
    const graph = argv.indexOf('-filter_complex');
    expect(lastInput).toBeGreaterThan(2);
    expect(graph).toBeGreaterThan(lastInput);
    expect(argv.indexOf('-map')).toBeGreaterThan(graph);
  });
});
