import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { buildExportPlan, containerFor, shotLabel } from '../../../shared/export/plan.js';
import { makeDoc, type ClipSpec, type DocOptions } from './doc.js';

const OUT = { outPath: '/videos/cut.mp4', tempPath: '/videos/.cut.mp4.x.sbtmp', quality: 'draft' as const };

function planOf(clips: ClipSpec[], opts: DocOptions = {}, out = OUT) {
  return buildExportPlan(makeDoc(clips, opts), out);
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('buildExportPlan', () => {
  it('lists the selected takes in timeline order with trims, start frames and totals', () => {
    const doc = makeDoc([
      { path: 'media/a.mp4', info: { durationSec: 6.125 } }, // 147 frames at 24 fps
      { path: 'media/b.mp4', info: { durationSec: 2 }, trimIn: 12, trimOut: 36 },
      { path: 'media/c.mp4', info: { durationSec: 1, hasAudio: true } },
    ]);
    // Move the last shot first: the plan follows `position`, not array order.
    doc.shots[2]!.position = 0;
    doc.shots[0]!.position = 1;
    doc.shots[1]!.position = 2;
    const plan = buildExportPlan(doc, OUT);
    expect(plan.clips.map((c) => c.path)).toEqual(['media/c.mp4', 'media/a.mp4', 'media/b.mp4']);
    expect(plan.clips.map((c) => [c.inFrames, c.outFrames, c.frames, c.startFrame])).toEqual([
      [0, 24, 24, 0],
      [0, 147, 147, 24],
      [12, 36, 24, 171],
    ]);
    expect(plan.clips.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(plan.totalFrames).toBe(195);
    expect(plan.durationSec).toBeCloseTo(195 / 24, 9);
    expect(plan.clips.map((c) => c.samples)).toEqual([48000, 294000, 48000]);
    expect(plan).toMatchObject({
      width: 1280,
      height: 720,
      fps: { num: 24, den: 1 },
      pixelFormat: 'yuv420p',
      sampleRate: 48000,
      channels: 2,
      container: 'mp4',
    });
  });

  it('audio samples add up exactly to the video length at 30000/1001', () => {
    const plan = planOf([{ info: { durationSec: 1 } }, { info: { durationSec: 1 } }, { info: { durationSec: 1 } }], {
      fps: { num: 30000, den: 1001 },
    });
    // 29 frames each (floor of 29.97); 87 frames = 87 * 1601.6 = 139339.2 samples -> 139339.
    expect(plan.clips.map((c) => c.frames)).toEqual([29, 29, 29]);
    expect(plan.clips.reduce((s, c) => s + c.samples, 0)).toBe(139339);
  });

  it('names the shot without a take by number and title or prompt excerpt', () => {
    const err = errorOf(() =>
      planOf([
        { prompt: 'ok' },
        { prompt: 'ok' },
        { prompt: 'A cat on a windowsill watching the rain fall over the city', broken: 'none' },
      ]),
    );
    expect(err.code).toBe('EXPORT_INVALID');
    expect(err.message).toBe('Shot 3 "A cat on a windowsill watching..." has no take: generate it or import a clip.');
  });

  it('reports a dangling take and a missing asset, counting further problems', () => {
    const err = errorOf(() =>
      planOf([{ title: 'Opening', broken: 'dangling' }, { broken: 'no-asset' }, { broken: 'none' }]),
    );
    expect(err.message).toBe(
      'Shot 1 "Opening" selects a take that is not in the project: select another take. (and 2 more shots with problems)',
    );
    const problems = err.details?.problems as string[];
    expect(problems).toHaveLength(3);
    expect(problems[1]).toMatch(/^Shot 2 "prompt 2" uses media that is missing from the project \(asset 01abababab/);
  });

  it('refuses an audio file as a picture', () => {
    expect(errorOf(() => planOf([{ info: { kind: 'audio', width: 0, height: 0 } }])).message).toMatch(
      /Shot 1 .* uses an audio file/,
    );
  });

  it('refuses a project without shots', () => {
    const err = errorOf(() => planOf([]));
    expect([err.code, err.message]).toEqual([
      'EXPORT_INVALID',
      'The project has no shots: add a shot before exporting.',
    ]);
  });

  it.each([
    [1281, 720, /odd side/],
    [1280, 721, /odd side/],
    [9000, 720, /out of range/],
  ])('refuses output size %ix%i', (width, height, message) => {
    const err = errorOf(() => planOf([{}], { width, height }));
    expect(err.code).toBe('EXPORT_INVALID');
    expect(err.message).toMatch(message);
  });

  it.each([
    [{ num: 240, den: 1 }, /Frame rate 240 is out of range/],
    [{ num: 1, den: 2 }, /Frame rate 1\/2 is out of range/],
  ])('refuses frame rate %o', (fps, message) => {
    expect(errorOf(() => planOf([{}], { fps })).message).toMatch(message);
  });

  it('accepts 120 fps and 1 fps, the ends of the range', () => {
    expect(planOf([{}], { fps: { num: 120, den: 1 } }).fps).toEqual({ num: 120, den: 1 });
    expect(planOf([{}], { fps: { num: 1, den: 1 } }).totalFrames).toBe(6);
  });

  it('needs an .mp4 or .mov target and a distinct temp file', () => {
    expect(errorOf(() => planOf([{}], {}, { ...OUT, outPath: '/videos/cut.avi' })).message).toBe(
      'Cannot export to "cut.avi": the file name must end in .mp4 or .mov.',
    );
    expect(errorOf(() => planOf([{}], {}, { ...OUT, tempPath: OUT.outPath })).code).toBe('EXPORT_INVALID');
    expect(planOf([{}], {}, { ...OUT, outPath: '/v/A.MOV' }).container).toBe('mov');
  });
});

describe('containerFor / shotLabel', () => {
  it('maps extensions case-insensitively', () => {
    expect(containerFor('/a/b.Mp4')).toBe('mp4');
    expect(containerFor('C:\\a\\b.mov')).toBe('mov');
    expect(() => containerFor('/a/mp4')).toThrow(AppError);
    expect(() => containerFor('/a/b.mp4.txt')).toThrow(/b\.mp4\.txt/);
  });

  it('prefers the title, falls back to the prompt, then to the number alone', () => {
    expect(shotLabel({ title: '  Wide  shot ', prompt: 'x' }, 2)).toBe('Shot 2 "Wide shot"');
    expect(shotLabel({ title: '', prompt: '镜头一：猫在窗台上看雨' }, 1)).toBe('Shot 1 "镜头一：猫在窗台上看雨"');
    expect(shotLabel({ title: '', prompt: '' }, 7)).toBe('Shot 7');
    expect(shotLabel({ title: '', prompt: '一二三四五六七八九十'.repeat(4) }, 1)).toBe(
      `Shot 1 "${'一二三四五六七八九十'.repeat(3)}一二..."`,
    );
  });
});
