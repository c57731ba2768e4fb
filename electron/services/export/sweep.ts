/**
 * Recovery after a crash (quality.md MEDIA-1): runs still marked 'running' when a project is
 * opened belong to a process that died. Kill the ffmpeg it may have left behind (ffmpeg keeps
 * encoding after its parent is killed: see ../ffmpeg/orphans.ts), delete the temp file, and
 * mark the run 'interrupted'. The target was never touched: the rename happens only on success.
 */
import { rm } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { findOurFfmpeg, killStaleFfmpeg } from '../ffmpeg/orphans.js';
import type { ExportStorePort } from './storePort.js';
import { audioListPath, concatListPath, isExportTempName } from './tempPath.js';

export interface SweepResult {
  /** Runs marked 'interrupted'. */
  interrupted: string[];
  /** Orphaned ffmpeg pids that were killed. */
  killed: number[];
  /** Runs that could not be cleaned (left 'running', so the next open tries again). */
  problems: { id: string; error: string }[];
}

/**
 * Never throws for one bad run: opening a project must not fail because of an old temp file.
 * A recorded temp path that isn't one of our temp names is not deleted (a damaged or hostile
 * project must not be able to make us delete arbitrary files); the run is still closed.
 */
export async function sweepInterruptedExports(
  store: Pick<ExportStorePort, 'unfinishedExports' | 'updateExport'>,
): Promise<SweepResult> {
  const result: SweepResult = { interrupted: [], killed: [], problems: [] };
  for (const run of store.unfinishedExports()) {
    try {
      // No pid: the run died between ffmpeg's spawn and the record of its pid; look it up by its
      // temp, only when the stored path is one of our absolute temp names (hostile-file rule).
      const byTemp = isAbsolute(run.tempPath) && isExportTempName(run.tempPath);
      const pid = run.pid ?? (byTemp ? findOurFfmpeg(run.tempPath) : null);
      if (pid !== null && (await killStaleFfmpeg(pid, run.tempPath))) result.killed.push(pid);
      if (isExportTempName(run.tempPath)) {
        await rm(run.tempPath, { force: true });
        // A stream-copy run also leaves its concat list(s) (copyExport.ts).
        await rm(concatListPath(run.tempPath), { force: true });
        await rm(audioListPath(run.tempPath), { force: true });
      }
      store.updateExport(run.id, { state: 'interrupted' });
      result.interrupted.push(run.id);
    } catch (err) {
      result.problems.push({ id: run.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}
