/**
 * quality.md MEDIA-5..9 and MEDIA-13: mixed real and odd clips exported through runExport (the
 * real runner and ffmpeg), checked with the system ffprobe/ffmpeg, independent of our code.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { buildExportPlan, type ExportPlan } from '../../../shared/export/plan.js';
import type { Fps } from '../../../shared/model/time.js';
import {
  cfrClip,
  monoClip,
  noAudioClip,
  oddSizeClip,
  REAL_CLIPS,
  sarClip,
  unicodeNameClip,
  vfrClip,
} from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { expectExportGuarantees } from './exportGuarantees.js';
import { FakeExportStore } from './fakeStore.js';
import { grayFrame } from '../../helpers/grayFrame.js';
import { addClip, meanGray } from './fixtures.js';

const ODD_NAME = `media/镜头 'a' "b" 100% c.mp4`;

interface Exported {
  file: string;
  plan: ExportPlan;
  fps: Fps;
  width: number;
  height: number;
}

async function exportCut(
  dir: string,
  clips: ClipSpec[],
  width: number,
  height: number,
  fps: Fps,
  name: string,
): Promise<Exported> {
  const doc = makeDoc(clips, { dir, width, height, fps });
  const store = new FakeExportStore(dir, doc);
  const outPath = join(dir, name);
  const plan = buildExportPlan(doc, { outPath, tempPath: `${outPath}.plan`, quality: 'draft' });
  const result = await runExport(store, { outPath, quality: 'draft' });
  expect(result.outPath).toBe(outPath);
  expect([...store.runs.values()].map((r) => r.state)).toEqual(['succeeded']);
  return { file: outPath, plan, fps, width, height };
}

/** The checks every export must pass, the audio as long as the picture within a frame. */
function expectConformed(e: Exported): void {
  const { video, audio } = expectExportGuarantees(e.file, e.plan.totalFrames, e);
  expect(Math.abs(Number(audio.duration) - Number(video.duration))).toBeLessThanOrEqual(e.fps.den / e.fps.num);
}

/** Silent stretches of the output's audio, in seconds (ffmpeg's silencedetect). */
function silences(file: string): { start: number; end: number }[] {
  const r = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-i',
      file,
      '-map',
      '0:a',
      '-af',
      'silencedetect=noise=-50dB:d=0.1',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  const starts = [...r.stderr.matchAll(/silence_start: (-?[\d.]+)/g)].map((m) => Math.max(0, Number(m[1])));
  const ends = [...r.stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
  return starts.map((start, i) => ({ start, end: ends[i] ?? Number.POSITIVE_INFINITY }));
}

describe('export conforms mixed clips (real ffmpeg)', () => {
  const dir = tempDir();
  let clips: ClipSpec[] = [];

  beforeAll(() => {
    clips = [
      addClip(dir, 'media/horse.mp4', REAL_CLIPS.horse), // 720x480 8 fps, no audio
      addClip(dir, 'media/cfr.mp4', cfrClip(), { trimIn: 6, trimOut: 42 }), // 25 fps, 48 kHz, trimmed
      addClip(dir, 'media/mono.mp4', monoClip()), // mono 44.1 kHz
      addClip(dir, 'media/vfr.mp4', vfrClip()),
      addClip(dir, 'media/silent.mp4', noAudioClip()),
      addClip(dir, ODD_NAME, unicodeNameClip()),
      addClip(dir, 'media/odd.mp4', oddSizeClip()), // 321x241 yuv444p
      addClip(dir, 'media/rotated.mp4', 'splitRotated'),
      addClip(dir, 'media/anamorphic.mp4', 'whiteAnamorphic'),
      addClip(dir, 'media/portrait.mp4', 'portrait32k'), // 1080x1920, 32 kHz
      addClip(dir, 'media/sar.mp4', sarClip()), // SAR 2:1
      addClip(dir, 'media/kitten.mp4', REAL_CLIPS.kitten),
    ];
  });

  it('the rotated fixture itself displays upright with its top half white (ffmpeg autorotate)', () => {
    const f = grayFrame(join(dir, 'media/rotated.mp4'), 0.5, 240, 320);
    expect(meanGray(f, 0, 0, 240, 150)).toBeGreaterThan(200);
    expect(meanGray(f, 0, 170, 240, 320)).toBeLessThan(50);
  });

  it('16:9 1280x720 at 24 fps: exact frames, one AAC stereo 48 kHz track, clean decode', async () => {
    const e = await exportCut(dir, clips, 1280, 720, { num: 24, den: 1 }, 'cut 16x9 镜头.mp4');
    // The real clips: 6.125 s at 24 fps is 147 whole frames; the trim keeps 36.
    expect(e.plan.clips.map((c) => c.frames)).toEqual(expect.arrayContaining([147, 36]));
    expectConformed(e);

    const at = (i: number): number => {
      const c = e.plan.clips[i]!;
      return (c.startFrame + c.frames / 2) / 24;
    };
    // MEDIA-7: the rotated clip is upright: white on top, black below, inside its pillarbox.
    const rot = grayFrame(e.file, at(7), 1280, 720);
    expect(meanGray(rot, 400, 20, 880, 340)).toBeGreaterThan(200);
    expect(meanGray(rot, 400, 380, 880, 700)).toBeLessThan(50);
    // MEDIA-8: the 4:3-SAR clip displays 16:9, so it fills the frame edge to edge (no pillarbox).
    const ana = grayFrame(e.file, at(8), 1280, 720);
    expect(meanGray(ana, 0, 0, 40, 720)).toBeGreaterThan(200);
    expect(meanGray(ana, 1240, 0, 1280, 720)).toBeGreaterThan(200);
    // The portrait clip is pillarboxed: black bars left and right.
    const portrait = grayFrame(e.file, at(9), 1280, 720);
    expect(meanGray(portrait, 0, 0, 200, 720)).toBeLessThan(20);

    // MEDIA-5 A/V sync: silence is exactly where the silent clips are (± 1 frame).
    const boundary = (i: number): number => e.plan.clips[i]!.startFrame / 24;
    const end = e.plan.totalFrames / 24;
    const expected = [
      { start: 0, end: boundary(1) }, // horse
      { start: boundary(4), end: boundary(5) }, // silent
      { start: boundary(6), end: boundary(9) }, // odd, rotated, anamorphic
      { start: boundary(10), end }, // sar, kitten
    ];
    const found = silences(e.file);
    expect(found).toHaveLength(expected.length);
    found.forEach((s, i) => {
      expect(Math.abs(s.start - expected[i]!.start)).toBeLessThanOrEqual(1 / 24);
      expect(Math.min(s.end, end) - expected[i]!.end).toBeLessThanOrEqual(1 / 24);
      expect(Math.min(s.end, end) - expected[i]!.end).toBeGreaterThanOrEqual(-1 / 24);
    });
  });

  it('9:16 360x640 at 30000/1001 fps: exact frames, A/V lengths equal, clean decode', async () => {
    const portraitCut = [clips[11]!, clips[7]!, clips[10]!, clips[2]!, clips[4]!, clips[3]!, clips[1]!];
    const e = await exportCut(dir, portraitCut, 360, 640, { num: 30000, den: 1001 }, `9x16 'q' 100%.mp4`);
    expect(e.plan.clips[0]?.frames).toBe(183); // 6.125 s * 29.97 = 183.6
    expectConformed(e);
    // The rotated clip (displayed 240x320, 3:4) fills the width of a 9:16 frame, centred.
    const c = e.plan.clips[1]!;
    const rot = grayFrame(e.file, ((c.startFrame + c.frames / 2) * 1001) / 30000, 360, 640);
    expect(meanGray(rot, 20, 100, 340, 300)).toBeGreaterThan(200);
    expect(meanGray(rot, 20, 340, 340, 540)).toBeLessThan(50);
  });

  it('many cuts: 40 clips at 30000/1001 keep exact frames and audio as long as video', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...clips[i % 2 === 0 ? 2 : 4]!, trimIn: i % 3 }));
    const e = await exportCut(dir, many, 320, 180, { num: 30000, den: 1001 }, 'many cuts.mp4');
    expect(e.plan.totalFrames).toBe(20 * 29 + 20 * 29 - [...Array(40).keys()].reduce((s, i) => s + (i % 3), 0));
    expectConformed(e);
  });
});
