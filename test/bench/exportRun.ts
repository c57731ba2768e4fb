/**
 * What the export benches (export.bench.ts, exportCopy.ts) share: the runs per side, the ffmpeg
 * they measure, our export of a cut that must take the path the bench means, and the facts of an
 * output a note reports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { currentFfPaths } from '../../electron/services/ffmpeg/binaries.js';
import type { ExportMode } from '../../electron/services/export/exportJob.js';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import type { Fps } from '../../shared/model/time.js';
import { makeDoc, type ClipSpec } from '../unit/export/doc.js';
import { exportCut } from '../helpers/mixedCut.js';

/** Runs per side; BENCH_RUNS=5 gives steadier medians on a busy machine. */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
export const ffmpegBin = currentFfPaths().ffmpeg;

export function ffmpeg(args: string[]): void {
  const r = spawnSync(ffmpegBin, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
}

/** Video packets of the output (its frames, without decoding). */
export function frames(file: string): number {
  const out = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_packets',
      '-show_entries',
      'stream=nb_read_packets',
      '-of',
      'csv=p=0',
      file,
    ],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

/** The audio track's duration in seconds, as the note prints it. */
export function audioSec(file: string): string {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=duration', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  );
  return Number(out.trim()).toFixed(3);
}

/**
 * Our export of `clips` at `size` (the document edited by `edit` first) to `out`; throws when it
 * took another path than `mode` or its reason does not match `reason`. `facts`: clip facts the
 * store holds, by asset id (as the import stores them).
 */
export async function ours(
  dir: string,
  clips: ClipSpec[],
  size: { width: number; height: number; fps: Fps },
  out: string,
  mode: ExportMode,
  opts: { edit?: (doc: ProjectSnapshot) => void; reason?: RegExp; facts?: ReadonlyMap<string, unknown> } = {},
): Promise<void> {
  const doc = makeDoc(clips, { dir, ...size });
  opts.edit?.(doc);
  await exportCut(dir, doc, out, mode, 'draft', opts);
}
