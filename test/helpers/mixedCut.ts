/**
 * The export benches' mixed cut (quality.md EXP-1 and EXP-peer): the two real AI clips (720x480,
 * 8 fps, silent) between a synthetic 1080p30 clip with 48 kHz stereo sound and a 720p25 one with
 * 44.1 kHz mono sound, so an export of it must scale, pad, change the rate and resample every
 * clip. The synthetic clips come from the ffmpeg the bench measures (`bin`), encoded fast: the
 * benches are about the export, not the sources. `exportCut` is the real export of a document
 * (runExport through the fake store), refusing a run that took another path than the bench meant.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runExport, type ExportMode } from '../../electron/services/export/exportJob.js';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import type { Quality } from '../../shared/model/format.js';
import { FakeExportStore } from '../integration/export/fakeStore.js';
import { addClip } from '../integration/export/fixtures.js';
import type { ClipSpec } from '../unit/export/doc.js';
import { lavfiClip } from './lavfiClip.js';
import { realMedia } from './realMedia.js';

/** A generated clip with sound (testsrc2 + a 330 Hz tone), x264 ultrafast with a 2 s GOP. */
export function toneClip(
  out: string,
  video: { size: string; rate: number; sec: number },
  audio: { rate: number; channels: 1 | 2 },
  bin?: string,
): string {
  const { size, rate, sec } = video;
  return lavfiClip(
    out,
    {
      video: `testsrc2=s=${size}:r=${rate}:d=${sec}`,
      audio: `sine=f=330:r=${audio.rate}:d=${sec}`,
      preset: 'ultrafast',
      videoArgs: ['-g', String(rate * 2)],
      audioArgs: ['-ac', String(audio.channels)],
      shortest: true,
    },
    bin,
  );
}

/** The mixed cut as the workload column names it. */
export const MIXED_CUT = '2 real AI clips (720x480 8 fps, silent) + 1080p30/48k + 720p25/44.1k mono, 24.25 s';

/**
 * The mixed cut's four clips placed in the project folder `dir` (synthetic sources made in
 * `dir/src`), in timeline order, for makeDoc().
 */
export function mixedCutClips(dir: string, bin?: string): ClipSpec[] {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const a1080 = toneClip(
    join(dir, 'src/a1080.mp4'),
    { size: '1920x1080', rate: 30, sec: 6 },
    { rate: 48000, channels: 2 },
    bin,
  );
  const b720 = toneClip(
    join(dir, 'src/b720.mp4'),
    { size: '1280x720', rate: 25, sec: 6 },
    { rate: 44100, channels: 1 },
    bin,
  );
  return [
    addClip(dir, 'media/horse.mp4', realMedia('ai-clip-horse-720x480-8fps.mp4')),
    addClip(dir, 'media/a1080.mp4', a1080),
    addClip(dir, 'media/kitten.mp4', realMedia('ai-clip-kitten-720x480-8fps.mp4')),
    addClip(dir, 'media/b720.mp4', b720),
  ];
}

/** Our export of `doc` (project folder `dir`) to `out`; throws when it took another path than `mode`. */
export async function exportCut(
  dir: string,
  doc: ProjectSnapshot,
  out: string,
  mode: ExportMode,
  quality: Quality = 'draft',
): Promise<void> {
  const result = await runExport(new FakeExportStore(dir, doc), { outPath: out, quality });
  // A bench that silently measured the other path would report a meaningless ratio.
  if (result.mode !== mode) throw new Error(`expected the ${mode} path, got ${result.mode}: ${result.reason}`);
}
