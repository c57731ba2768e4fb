import { describe, expect, it } from 'vitest';
import {
  buildConcatCopyInvocation,
  buildConcatList,
  clipDurationsMicros,
  concatListFor,
  firstInexactStart,
  formatMicros,
  frameStartMicros,
  microsToTicks,
  quoteConcatPath,
} from '../../../shared/export/concat.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import type { Fps } from '../../../shared/model/time.js';
import { EXPORT_TEMP, planOf, type ClipSpec } from './doc.js';
import { AAC_STEREO, concatInput, FASTSTART, maps, NO_METADATA } from '../../helpers/exportArgs.js';

/**
 * ffmpeg's av_get_token (libavutil/avstring.c) as the ffconcat parser applies it to a `file`
 * line: backslash escapes the next character, single quotes make everything literal up to the
 * next quote, unquoted whitespace ends the token. Written from the C source, so the quoting
 * below is checked against how ffmpeg reads it back, not against itself.
 */
function avGetToken(text: string): { token: string; rest: string } {
  let i = 0;
  let out = '';
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  while (i < text.length && !/\s/.test(text[i] ?? '')) {
    const c = text[i++] ?? '';
    if (c === '\\' && i < text.length) out += text[i++];
    else if (c === "'") {
      while (i < text.length && text[i] !== "'") out += text[i++];
      if (i < text.length) i++;
    } else out += c;
  }
  return { token: out, rest: text.slice(i) };
}

const NASTY = [
  '/v/plain.mp4',
  '/v/with space/镜头 一.mp4',
  `/v/it's "quoted".mp4`,
  "/v/''double''.mp4",
  '/v/back\\slash\\.mp4',
  '/v/100% done %d %s.mp4',
  '/v/#hash and ;semi, comma = eq [x].mp4',
  '/v/colon:looks:like:proto.mp4',
  '/v/trailing space .mp4',
  "/v/'",
];

describe('quoteConcatPath', () => {
  for (const path of NASTY) {
    it(`ffmpeg reads back ${JSON.stringify(path)} exactly, as a file: URL`, () => {
      const line = `file ${quoteConcatPath(path)}`;
      const { token, rest } = avGetToken(line.slice('file '.length));
      expect(token).toBe(`file:${path}`);
      expect(rest).toBe('');
    });
  }

  it('refuses line breaks (the list is line-based) instead of writing a broken list', () => {
    expect(() => quoteConcatPath('/v/a\nb.mp4')).toThrow(/line break/);
    expect(() => quoteConcatPath('/v/a\rb.mp4')).toThrow(/line break/);
  });
});

describe('concat list text', () => {
  it('declares the one video track, then each file with its exact duration', () => {
    const text = buildConcatList(
      [
        { absPath: `/p/media/a'b.mp4`, durationUs: 6_125_000n },
        { absPath: '/p/media/镜头 %.mp4', durationUs: 1_034_367n },
      ],
      1,
    );
    expect(text).toBe(
      [
        'ffconcat version 1.0',
        'stream',
        'exact_stream_id 1',
        `file 'file:/p/media/a'\\''b.mp4'`,
        'duration 6.125000',
        `file 'file:/p/media/镜头 %.mp4'`,
        'duration 1.034367',
        '',
      ].join('\n'),
    );
  });

  it('formatMicros writes decimal seconds to the microsecond', () => {
    expect(formatMicros(0n)).toBe('0.000000');
    expect(formatMicros(1n)).toBe('0.000001');
    expect(formatMicros(123_456_789n)).toBe('123.456789');
    expect(() => formatMicros(-1n)).toThrow(RangeError);
  });
});

describe('exact clip placement', () => {
  const ntsc: Fps = { num: 30000, den: 1001 };

  it('frame starts in microseconds, rounded to nearest, exact for long timelines', () => {
    expect(frameStartMicros(1, ntsc)).toBe(33_367n); // 33366.67
    expect(frameStartMicros(3, ntsc)).toBe(100_100n);
    expect(frameStartMicros(24, { num: 24, den: 1 })).toBe(1_000_000n);
    // 100 hours at 29.97: the product (1.08e16) is beyond 2^53, the result still exact.
    expect(frameStartMicros(10_789_200, ntsc)).toBe(359_999_640_000n);
    expect(frameStartMicros(10_789_201, ntsc)).toBe(359_999_673_367n); // ...673366.67
  });

  it('durations are differences of rounded boundaries, so the error never accumulates', () => {
    const clips = Array.from({ length: 1000 }, (_, i) => ({ startFrame: i * 31, frames: 31 }));
    const durations = clipDurationsMicros({ fps: ntsc, clips: clips as never });
    let start = 0n;
    clips.forEach((c, i) => {
      expect(start).toBe(frameStartMicros(c.startFrame, ntsc));
      start += durations[i] ?? 0n;
    });
    expect(new Set(durations.map(String))).toEqual(new Set(['1034367', '1034366']));
  });

  it('microsToTicks rounds halves up like av_rescale_q', () => {
    expect(microsToTicks(1_000_000n, { num: 1, den: 12288 })).toBe(12288n);
    expect(microsToTicks(1n, { num: 1, den: 500_000 })).toBe(1n); // 0.5 -> 1
    expect(microsToTicks(33_367n, { num: 1, den: 30000 })).toBe(1001n);
  });

  it('firstInexactStart finds the clip a too-fine time base would misplace', () => {
    const plan = {
      fps: ntsc,
      clips: [
        { startFrame: 0, frames: 31 },
        { startFrame: 31, frames: 31 },
      ] as never,
    };
    expect(firstInexactStart(plan, { num: 1, den: 30000 }, 1001)).toBeNull();
    expect(firstInexactStart(plan, { num: 1, den: 30_000_000 }, 1_001_000)).toBe(1);
  });
});

describe('buildConcatCopyInvocation', () => {
  const resolveAbs = (rel: string): string => `/proj/${rel}`;
  function plan(clips: ClipSpec[]) {
    return planOf(clips, { width: 720, height: 480, fps: { num: 8, den: 1 } });
  }

  it("copies the listed video, encodes the clips' audio once, faststart mp4 into the temp file", () => {
    const p = plan([
      { path: 'media/a.mp4', info: { hasAudio: true, audioCodec: 'aac', audioChannels: 2, audioSampleRate: 48000 } },
      { path: 'media/silent.mp4' },
      { path: 'media/c.mp4', info: { hasAudio: true, audioCodec: 'aac', audioChannels: 1, audioSampleRate: 44100 } },
    ]);
    const inv = buildConcatCopyInvocation(p, '/videos/.cut.mp4.id.list.sbtmp', resolveAbs);
    const argv = toArgv(inv);
    expect(argv.slice(0, 13)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      ...concatInput('/videos/.cut.mp4.id.list.sbtmp'),
      '-i',
      '/proj/media/a.mp4',
      '-i',
      '/proj/media/c.mp4',
    ]);
    expect(inv.outputOptions).toEqual([
      ...maps('0:v:0', '[aout]'),
      ...NO_METADATA,
      '-c:v',
      'copy',
      ...AAC_STEREO,
      ...FASTSTART,
      '-f',
      'mp4',
    ]);
    expect(argv.at(-1)).toBe(EXPORT_TEMP);
    expect(argv).not.toContain('-r'); // a copied stream keeps its own timing
    expect(inv.durationSec).toBeCloseTo(3 * 6.125, 9);
    // Audio: input 1 is clip 1, the silent clip is generated, input 2 is clip 3; exact samples.
    const graph = inv.filterComplex ?? '';
    const chains = graph.split(';');
    expect(chains[0]).toMatch(
      /^\[1:a:0\]aresample=48000:async=1:first_pts=0,.*atrim=end_sample=294000,asetpts=PTS-STARTPTS\[a0\]$/,
    );
    expect(chains[1]).toMatch(/^anullsrc=r=48000:cl=stereo,atrim=end_sample=294000,.*\[a1\]$/);
    expect(chains[2]).toMatch(/^\[2:a:0\].*\[a2\]$/);
    expect(chains[3]).toBe('[a0][a1][a2]concat=n=3:v=0:a=1[aout]');
    expect(graph).not.toContain('/proj'); // paths only as -i arguments
  });

  it('the matching list names the same files with exact durations', () => {
    const p = plan([{ path: `media/it's.mp4` }, { path: 'media/b.mp4' }]);
    expect(concatListFor(p, resolveAbs, 1)).toBe(
      `ffconcat version 1.0\nstream\nexact_stream_id 1\nfile 'file:/proj/media/it'\\''s.mp4'\nduration 6.125000\nfile 'file:/proj/media/b.mp4'\nduration 6.125000\n`,
    );
  });

  it('with an audio list: both lists joined as they are (-copyts keeps the priming packet before 0), nothing encoded', () => {
    const p = plan([{ path: 'media/a.mp4' }, { path: 'media/b.mp4' }]);
    const inv = buildConcatCopyInvocation(
      p,
      '/videos/.cut.mp4.id.list.sbtmp',
      resolveAbs,
      '/videos/.cut.mp4.id.alist.sbtmp',
    );
    expect(toArgv(inv).slice(0, 18)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-copyts',
      ...concatInput('/videos/.cut.mp4.id.list.sbtmp'),
      ...concatInput('/videos/.cut.mp4.id.alist.sbtmp'),
      '-map',
      '0:v:0',
    ]);
    expect(inv.filterComplex).toBeNull();
    expect(inv.outputOptions).toEqual([
      ...maps('0:v:0', '1:a:0'),
      ...NO_METADATA,
      '-c:v',
      'copy',
      '-c:a',
      'copy',
      ...FASTSTART,
      '-f',
      'mp4',
    ]);
    // Without it, the encode path does not shift timestamps differently from before.
    expect(buildConcatCopyInvocation(p, '/l', resolveAbs).globalOptions).not.toContain('-copyts');
  });

  it('refuses an empty plan', () => {
    const p = plan([{}]);
    expect(() => buildConcatCopyInvocation({ ...p, clips: [] }, '/l', resolveAbs)).toThrow(RangeError);
  });
});
