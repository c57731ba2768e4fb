import { describe, expect, it } from 'vitest';
import { buildExportInvocation } from '../../../shared/export/args.js';
import { audioItemChain, gainText, planAudioItems } from '../../../shared/export/audioMix.js';
import { copyPrecheck } from '../../../shared/export/copy.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { audioDoc, mediaInfo, MUSIC, VOICE } from './doc.js';

const planOf = (doc: ProjectSnapshot) =>
  buildExportPlan(doc, { outPath: '/out/cut.mp4', tempPath: '/out/.cut.sbtmp', quality: 'draft' });

describe('planAudioItems', () => {
  it('places items on the output sample grid, cut at the media end, the out point and the cut end', () => {
    const { items, problems } = planAudioItems(
      audioDoc([
        { id: 'a', startFrame: 24 }, // 10 s of music from 1 s: cut at 4 s -> 3 s
        { id: 'b', startFrame: 0, inFrame: 12, outFrame: 36, assetId: VOICE }, // 0.5 s .. 1.5 s
        { id: 'c', startFrame: 84, assetId: VOICE }, // 2 s from 3.5 s: cut to 0.5 s
      ]),
      { num: 24, den: 1 },
      96,
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.id, i.startSample, i.samples, i.inSec])).toEqual([
      ['b', 0, 48000, 0.5],
      ['a', 48000, 144000, 0],
      ['c', 168000, 24000, 0],
    ]);
  });

  it('drops items that start at or after the end and keeps the one that starts just before', () => {
    const { items } = planAudioItems(
      audioDoc([
        { id: 'late', startFrame: 96 },
        { id: 'later', startFrame: 500 },
        { id: 'last', startFrame: 95 },
      ]),
      { num: 24, den: 1 },
      96,
    );
    expect(items.map((i) => [i.id, i.samples])).toEqual([['last', 2000]]);
  });

  it('converts fades to samples and never lets one exceed the (cut) item', () => {
    const { items } = planAudioItems(
      audioDoc([{ startFrame: 72, fadeInFrames: 12, fadeOutFrames: 240 }]),
      { num: 24, den: 1 },
      96,
    );
    expect(items[0]).toMatchObject({ samples: 48000, fadeInSamples: 24000, fadeOutSamples: 48000 });
  });

  it('names an item whose media is missing', () => {
    const { problems } = planAudioItems(
      audioDoc([{ startFrame: 24, lane: 'voiceover' }], { dropMusic: true }),
      { num: 24, den: 1 },
      96,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Voice-over item at 00:01\.000 uses media that is missing .*asset ccdddddddddd/);
  });
});

describe('export plan with audio items', () => {
  it('refuses a missing audio asset with EXPORT_INVALID naming it', () => {
    expect(() => planOf(audioDoc([{ startFrame: 24 }], { dropMusic: true }))).toThrow(
      expect.objectContaining({
        code: 'EXPORT_INVALID',
        message: expect.stringContaining('Music item at 00:01.000 uses media that is missing'),
      }),
    );
  });

  it('refuses the stream copy when any item sounds in the cut, and not otherwise', () => {
    const abs = (rel: string) => `/proj/${rel}`;
    expect(copyPrecheck(planOf(audioDoc([{ startFrame: 24 }])), abs)).toMatchObject({
      eligible: false,
      code: 'audio-items',
    });
    // Without a sounding item the precheck goes on to the clips (which this fixture trims).
    const other = copyPrecheck(planOf(audioDoc([{ startFrame: 96 }])), abs);
    expect(other.eligible ? 'eligible' : other.code).not.toBe('audio-items');
  });
});

describe('audio mix graph and inputs', () => {
  it('adds each item as an input after the clips, seeking to its in point, with the file only as -i', () => {
    const plan = planOf(audioDoc([{ startFrame: 24 }, { startFrame: 0, inFrame: 12, outFrame: 36, assetId: VOICE }]));
    const inv = buildExportInvocation(plan, (rel) => `/proj/${rel}`);
    expect(inv.inputs).toHaveLength(4);
    expect(inv.inputs[2]).toEqual({
      options: ['-ss', '0.500000', '-t', '1.100000'],
      source: `/proj/media/ee/${VOICE}.wav`,
    });
    expect(inv.inputs[3]).toEqual({ options: ['-t', '3.100000'], source: `/proj/media/cc/${MUSIC}.wav` });
    expect(inv.filterComplex).not.toContain('/proj');
    expect(toArgv(inv).filter((a) => a === '-i')).toHaveLength(4);
  });

  it('mixes the picture audio first, then the items in order, into exactly the cut length', () => {
    const plan = planOf(
      audioDoc([
        { startFrame: 24, gainDb: -20 },
        { startFrame: 0, assetId: VOICE },
      ]),
    );
    const chains = buildExportInvocation(plan, (rel) => rel).filterComplex!.split(';');
    expect(chains).toContain('[v0][a0][v1][a1]concat=n=2:v=1:a=1[vout][apic]');
    expect(chains.at(-1)).toBe(
      '[apic][m0][m1]amix=inputs=3:normalize=0:duration=first:dropout_transition=0,atrim=end_sample=192000,asetpts=PTS-STARTPTS[aout]',
    );
    // m0 is the voice (starts at 0, no delay), m1 the music (1 s = 48000 samples later, -20 dB).
    expect(chains.find((c) => c.endsWith('[m0]'))).toMatch(/^\[2:a:0\].*volume=0dB\[m0\]$/);
    expect(chains.find((c) => c.endsWith('[m1]'))).toMatch(
      /^\[3:a:0\].*volume=-20dB,adelay=delays=48000S:all=1\[m1\]$/,
    );
  });

  it('leaves the graph as it was without items (no mix, concat straight to [aout])', () => {
    const plan = planOf(audioDoc([{ startFrame: 200 }]));
    const inv = buildExportInvocation(plan, (rel) => rel);
    expect(inv.inputs).toHaveLength(2);
    expect(inv.filterComplex).toContain('concat=n=2:v=1:a=1[vout][aout]');
    expect(inv.filterComplex).not.toContain('amix');
  });

  it('chains conform, exact length, gain, fades by sample and the delay, in that order', () => {
    const chain = audioItemChain(
      5,
      {
        id: 'x',
        lane: 'sfx',
        assetId: MUSIC,
        label: 'x',
        path: 'p',
        info: mediaInfo(),
        startSample: 12345,
        inSec: 0,
        samples: 96000,
        gainDb: 3.5,
        fadeInSamples: 4800,
        fadeOutSamples: 9600,
      },
      'm2',
    );
    expect(chain).toBe(
      '[5:a:0]aresample=48000:async=1:first_pts=0,aformat=sample_fmts=fltp:channel_layouts=stereo,apad,' +
        'atrim=end_sample=96000,asetpts=PTS-STARTPTS,volume=3.5dB,afade=t=in:ss=0:ns=4800,afade=t=out:ss=86400:ns=9600,' +
        'adelay=delays=12345S:all=1[m2]',
    );
  });

  it('writes gains the volume filter reads', () => {
    expect(gainText(-20)).toBe('-20dB');
    expect(gainText(0)).toBe('0dB');
    expect(gainText(-0)).toBe('0dB');
    expect(gainText(1 / 3)).toBe('0.333dB');
    expect(() => gainText(Number.NaN)).toThrow(RangeError);
  });
});
