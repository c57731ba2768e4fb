import { describe, expect, it } from 'vitest';
import { buildExportGraph } from '../../../shared/export/args.js';
import { copyPrecheck } from '../../../shared/export/copy.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import { sampleAtFrame } from '../../../shared/export/samples.js';
import { transitionRuns, windowedXfadeChains } from '../../../shared/export/transitions.js';
import type { Shot } from '../../../shared/model/entities.js';
import { newAudioItem } from '../../../shared/model/factories.js';
import { audioAsset } from '../../helpers/mediaInfo.js';
import { makeDoc, type ClipSpec, type DocOptions } from './doc.js';

function plan(clips: ClipSpec[], transitions: (Shot['transitionIn'] | null)[], opts: DocOptions = {}) {
  const doc = makeDoc(clips, opts);
  transitions.forEach((t, i) => {
    const shot = doc.shots[i];
    if (t && shot) shot.transitionIn = t;
  });
  return buildExportPlan(doc, { outPath: '/v/cut.mp4', tempPath: '/v/.cut.sbtmp', quality: 'draft' });
}
const fade = (frames: number): Shot['transitionIn'] => ({ kind: 'crossfade', frames });
const chain = (graph: string, out: string) => graph.split(';').find((c) => c.endsWith(`[${out}]`));

describe('export plan with transitions', () => {
  it('overlaps clips and shortens the cut by the overlaps, in frames and samples', () => {
    // 6.125 s at 24 fps = 147 frames each.
    const p = plan([{}, {}, {}], [null, fade(12), { kind: 'dip_to_black', frames: 6 }], { fps: { num: 24, den: 1 } });
    expect(p.clips.map((c) => [c.startFrame, c.overlap, c.transition])).toEqual([
      [0, 0, 'cut'],
      [135, 12, 'crossfade'],
      [276, 6, 'dip_to_black'],
    ]);
    expect(p.totalFrames).toBe(3 * 147 - 18);
    expect(p.clips.map((c) => c.overlapSamples)).toEqual([0, 24000, 12000]);
    const samples = p.clips.reduce((s, c) => s + c.samples - c.overlapSamples, 0);
    expect(samples).toBe(sampleAtFrame(p.totalFrames, p.fps, 48000));
  });

  it('keeps samples telescoping at 30000/1001 where a frame is 1601.6 samples', () => {
    const p = plan([{ trimOut: 31 }, { trimOut: 17 }, { trimOut: 23 }], [null, fade(7), fade(5)], {
      fps: { num: 30000, den: 1001 },
    });
    expect(p.clips.map((c) => c.overlap)).toEqual([0, 7, 5]);
    const samples = p.clips.reduce((s, c) => s + c.samples - c.overlapSamples, 0);
    expect(samples).toBe(sampleAtFrame(31 + 17 + 23 - 12, p.fps, 48000));
    expect(p.clips[1]?.overlapSamples).toBe(sampleAtFrame(31, p.fps, 48000) - sampleAtFrame(24, p.fps, 48000));
  });
});

describe('export graph with transitions', () => {
  it('is the plain concat graph when every transition is a cut (or clamps to nothing)', () => {
    const cuts = buildExportGraph(plan([{}, {}], [null, null]));
    const zero = buildExportGraph(plan([{}, {}], [null, fade(0)]));
    expect(zero).toBe(cuts);
    expect(cuts).not.toMatch(/xfade|acrossfade/);
    expect(cuts).toContain('[v0][a0][v1][a1]concat=n=2:v=1:a=1[vout][aout]');
  });

  it('concatenates runs of cuts; only the overlapping frames of two runs go through xfade', () => {
    const p = plan([{}, {}, {}], [null, null, fade(12)], { fps: { num: 24, den: 1 } });
    expect(transitionRuns(p.clips)).toEqual([[0, 1], [2]]);
    const g = buildExportGraph(p);
    expect(g).toContain('[v0][a0][v1][a1]concat=n=2:v=1:a=1[rc0][ra0]');
    expect(g).toContain('[v2][a2]concat=n=1:v=1:a=1[rc1][ra1]');
    // Run 1 is 294 frames: its last 12 are the tail; run 2's first 12 the head; 12 frames = 0.5 s.
    expect(chain(g, 'wm0')).toBe('[wsm0]trim=start_frame=0:end_frame=282,setpts=PTS-STARTPTS[wm0]');
    expect(chain(g, 'wt0')).toBe('[wst0]trim=start_frame=282:end_frame=294,setpts=PTS-STARTPTS[wt0]');
    expect(chain(g, 'wh1')).toBe('[wsh1]trim=start_frame=0:end_frame=12,setpts=PTS-STARTPTS[wh1]');
    expect(chain(g, 'wm1')).toBe('[wsm1]trim=start_frame=12:end_frame=147,setpts=PTS-STARTPTS[wm1]');
    expect(chain(g, 'wx1')).toBe('[wa1][wb1]xfade=transition=fade:duration=0.500000:offset=0,format=yuv420p[wx1]');
    expect(chain(g, 'wa1')).toBe('[wt0]settb=expr=1/24[wa1]');
    expect(chain(g, 'wb1')).toBe('[wh1]settb=expr=1/24[wb1]');
    expect(chain(g, 'vout')).toBe('[wm0][wx1][wm1]concat=n=3:v=1:a=0,settb=expr=1/24,setpts=N[vout]');
    expect(chain(g, 'aout')).toBe('[ra0][ra1]acrossfade=ns=24000[aout]');
    // xfade sees 24 frames, not the whole 441 (ffmpeg 5.1 converts what it sees to 4:4:4).
    expect(g.match(/xfade/g)).toHaveLength(1);
  });

  it('chains several transitions, each on its own window, and maps dip to black to fadeblack', () => {
    const p = plan(
      [{ trimOut: 30 }, { trimOut: 30 }, { trimOut: 30 }],
      [null, { kind: 'dip_to_black', frames: 10 }, fade(4)],
      { fps: { num: 30000, den: 1001 } },
    );
    const g = buildExportGraph(p);
    expect(chain(g, 'wx1')).toBe('[wa1][wb1]xfade=transition=fadeblack:duration=0.333667:offset=0,format=yuv420p[wx1]');
    expect(chain(g, 'wx2')).toBe('[wa2][wb2]xfade=transition=fade:duration=0.133467:offset=0,format=yuv420p[wx2]');
    // The middle clip gives its first 10 frames to one transition and its last 4 to the next.
    expect(chain(g, 'wm1')).toBe('[wsm1]trim=start_frame=10:end_frame=26,setpts=PTS-STARTPTS[wm1]');
    expect(chain(g, 'vout')).toBe('[wm0][wx1][wm1][wx2][wm2]concat=n=5:v=1:a=0,settb=expr=1001/30000,setpts=N[vout]');
    expect(chain(g, 'aout')).toBe(`[xa1][ra2]acrossfade=ns=${p.clips[2]?.overlapSamples}[aout]`);
  });
});

describe('windowed xfade join', () => {
  const fps = { num: 24, den: 1 };
  const stream = (label: string, frames: number, overlap = 0) => ({
    label,
    frames,
    overlap,
    xfade: overlap > 0 ? 'fade' : null,
  });
  const pieces = (chains: string[]) => (chains.at(-1) ?? '').match(/\[\w+\]/g)?.slice(0, -1) ?? [];

  it('leaves out an empty middle: a shot that is all transition joins its two windows', () => {
    const chains = windowedXfadeChains([stream('a', 10), stream('b', 8, 4), stream('c', 10, 4)], fps, 'yuv420p', 'o');
    expect(pieces(chains)).toEqual(['[wm0]', '[wx1]', '[wx2]', '[wm2]']);
    expect(chains).toContain('[b]split=2[wsh1][wst1]');
  });

  it('refuses overlaps that do not fit in a stream, and a stream without its transition', () => {
    expect(() => windowedXfadeChains([stream('a', 6), stream('b', 10, 7)], fps, 'yuv420p', 'o')).toThrow(RangeError);
    expect(() =>
      windowedXfadeChains([stream('a', 10), { ...stream('b', 10, 4), xfade: null }], fps, 'yuv420p', 'o'),
    ).toThrow(/does not start with a transition/);
  });
});
describe('audio items under a cut with transitions', () => {
  it('mixes them under the crossfaded sound, trimmed to the shortened cut', () => {
    const doc = makeDoc([{ trimOut: 48 }, { trimOut: 48 }], { fps: { num: 24, den: 1 } });
    doc.shots[1]!.transitionIn = fade(12);
    const music = `cc${'d'.repeat(62)}`;
    doc.assets.push(
      audioAsset(
        music,
        { audioChannels: 1, audioSampleRate: 44100, durationSec: 10 },
        { path: 'media/cc/bed.wav', originalName: 'bed.wav', createdAt: doc.project.createdAt },
      ),
    );
    doc.audioItems.push(
      newAudioItem({
        id: 'm',
        lane: 'music',
        assetId: music,
      }),
    );
    const p = buildExportPlan(doc, { outPath: '/v/cut.mp4', tempPath: '/v/.cut.sbtmp', quality: 'draft' });
    const g = buildExportGraph(p);
    expect(chain(g, 'apic')).toBe('[ra0][ra1]acrossfade=ns=24000[apic]');
    // 84 frames at 24 fps = 3.5 s = 168000 samples, not the clips' 192000.
    expect(chain(g, 'aout')).toMatch(/^\[apic\]\[m0\]amix=.*atrim=end_sample=168000,asetpts=PTS-STARTPTS\[aout\]$/);
  });
});

describe('stream copy with transitions', () => {
  it('refuses when any clip fades in, naming the shot', () => {
    const p = plan([{}, {}], [null, fade(12)]);
    const v = copyPrecheck(p, (rel) => `/p/${rel}`);
    expect(v).toMatchObject({ eligible: false, code: 'transition' });
    if (!v.eligible) expect(v.reason).toMatch(/^Shot 2.*crossfade into it$/);
  });
});
