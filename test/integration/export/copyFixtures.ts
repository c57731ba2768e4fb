/**
 * The stream-copy export tests' cut: clips made alike (the same encoder settings, a white first
 * frame and a beep on it), exported with the real runner and ffmpeg, and the checks of the
 * result, read with the system ffprobe/ffmpeg.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runExport, type RunExportOptions, type RunExportResult } from '../../../electron/services/export/exportJob.js';
import type { Fps } from '../../../shared/model/time.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { expectExportGuarantees } from './exportGuarantees.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';
import { beepOnsets, flashFrames, markedClip } from './syncFixtures.js';

export const FPS = 24;
export const FRAME = 1 / FPS;
// Quotes, %, # and CJK in a stored media path. No backslash: a stored path with one is refused
// by resolveStoredPath (it is a separator on Windows, so such a project would not travel);
// concat.test.ts covers quoting a backslash in the concat list itself.
export const ODD_NAME = `media/镜头 'a' "b" 100% x #1.mp4`;

/** The cut's size and rate unless told: 320x240 at 24 fps. */
export const SMALL = { width: 320, height: 240, fps: { num: FPS, den: 1 } as Fps };

/**
 * Four 1 s clips the copy can join (the media paths c0, c1, ODD_NAME, c3): two pictures with the
 * same encoder settings; the second's audio is 30 ms longer than its video, so the file is longer
 * than its 24 frames and the joins must follow the video, not the file.
 */
export function sameClips(dir: string): ClipSpec[] {
  const base = markedClip(join(dir, 'src', 'base.mp4'));
  const hue = markedClip(join(dir, 'src', 'hue.mp4'), { x264: ['-vf', 'hue=h=90'], audioSeconds: 1.03 });
  return [
    addClip(dir, 'media/c0.mp4', base),
    addClip(dir, 'media/c1.mp4', hue),
    addClip(dir, ODD_NAME, base),
    addClip(dir, 'media/c3.mp4', hue),
  ];
}

export interface Run {
  result: RunExportResult;
  file: string;
  store: FakeExportStore;
  logs: string[];
}

/** Exports `clips` (draft) to `<dir>/out/<name>`, with the run's log lines. */
export async function exportCut(
  dir: string,
  clips: ClipSpec[],
  name: string,
  extra: Partial<RunExportOptions> = {},
  size = SMALL,
): Promise<Run> {
  const store = new FakeExportStore(dir, makeDoc(clips, { dir, ...size }));
  const file = join(dir, 'out', name);
  mkdirSync(join(dir, 'out'), { recursive: true });
  const logs: string[] = [];
  const result = await runExport(store, { outPath: file, quality: 'draft', onLog: (m) => logs.push(m), ...extra });
  return { result, file, store, logs };
}

/** Every export guarantee, the audio as long as the cut within a frame, and the index first. */
export function expectGoodExport(file: string, frames: number, size = SMALL): void {
  const { audio } = expectExportGuarantees(file, frames, size);
  const frame = size.fps.den / size.fps.num;
  expect(Math.abs(Number(audio.duration) - frames * frame)).toBeLessThanOrEqual(frame);
  // +faststart: the index (moov) comes before the media data (mdat).
  const head = readFileSync(file)
    .subarray(0, 64 * 1024)
    .toString('latin1');
  expect(head.indexOf('moov')).toBeGreaterThan(0);
  expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));
}

/** Each clip's beep starts within one frame of its white first frame, for `clipStarts` (frames). */
export function expectInSync(file: string, clipStarts: number[], frame = FRAME): void {
  expect(flashFrames(file)).toEqual(clipStarts);
  const onsets = beepOnsets(file);
  expect(onsets).toHaveLength(clipStarts.length);
  onsets.forEach((t, i) => expect(Math.abs(t - (clipStarts[i] ?? 0) * frame)).toBeLessThanOrEqual(frame));
}
