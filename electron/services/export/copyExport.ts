/**
 * The stream-copy attempt of an export (decided by copyProbe.ts decideCopy): write the concat
 * list beside the temp file, let ffmpeg join the clips' video packets into the temp file, then
 * verify the result with ffprobe. The caller renames the temp over the target only when this
 * returns null; on a problem it deletes the temp and re-encodes (exportJob.ts).
 */
import { open, rm } from 'node:fs/promises';
import { AppError, isCanceled } from '../../../shared/errors.js';
import { buildConcatCopyInvocation, concatListFor } from '../../../shared/export/concat.js';
import { copyOutputProblem, outputPacketsArgs, outputStreamsArgs } from '../../../shared/export/copyVerify.js';
import type { ExportPlan } from '../../../shared/export/plan.js';
import { runFfmpeg, runFfprobe, type RunFfmpegOptions } from '../ffmpeg/runner.js';
import { concatListPath } from './tempPath.js';

export interface CopyAttemptOptions extends Pick<RunFfmpegOptions, 'onSpawn' | 'onProgress'> {
  signal: AbortSignal;
  /**
   * Test seam: runs after ffmpeg wrote the temp file and before it is verified, so a test can
   * damage the file and prove the verifier catches it. Never set in the app.
   */
  afterCopy?: (tempPath: string) => Promise<void> | void;
}

/** What ffmpeg or ffprobe said, in one line, for the fallback reason. */
function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
}

/** The written file's problem against the plan, or null when it is exactly what was planned. */
export async function verifyCopyOutput(plan: ExportPlan, file: string, signal: AbortSignal): Promise<string | null> {
  const [streams, packets] = await Promise.all([
    runFfprobe(outputStreamsArgs(file), { signal }),
    runFfprobe(outputPacketsArgs(file), { signal }),
  ]);
  return copyOutputProblem(plan, JSON.parse(streams), packets);
}

async function writeList(listPath: string, text: string): Promise<void> {
  // 'wx': never follow or reuse something already at that name.
  const fh = await open(listPath, 'wx');
  try {
    await fh.writeFile(text, 'utf8');
  } finally {
    await fh.close();
  }
}

/** A cancel passes through; any other failure becomes a reason to re-encode. */
async function attempt(signal: AbortSignal, what: string, fn: () => Promise<string | null>): Promise<string | null> {
  try {
    return await fn();
  } catch (err) {
    if (isCanceled(err)) throw err;
    if (signal.aborted) throw new AppError('CANCELED', 'The export was canceled.');
    return `${what}: ${firstLine(err)}`;
  }
}

/**
 * Writes plan.tempPath by stream copy and verifies it. Returns null when the file is good, or
 * why it isn't (ffmpeg failed, the file can't be read, or it doesn't match the plan). Rejects
 * only on cancel (AppError CANCELED). The concat list is always removed.
 */
export async function runCopyExport(
  plan: ExportPlan, resolveAbs: (rel: string) => string, videoStreamId: number, opts: CopyAttemptOptions,
): Promise<string | null> {
  const listPath = concatListPath(plan.tempPath);
  try {
    const failed = await attempt(opts.signal, 'the stream copy failed', async () => {
      await writeList(listPath, concatListFor(plan, resolveAbs, videoStreamId));
      await runFfmpeg(buildConcatCopyInvocation(plan, listPath, resolveAbs), {
        signal: opts.signal,
        ...(opts.onSpawn && { onSpawn: opts.onSpawn }),
        ...(opts.onProgress && { onProgress: opts.onProgress }),
      });
      return null;
    });
    if (failed !== null) return failed;
    return await attempt(opts.signal, 'the copied file could not be verified', async () => {
      await opts.afterCopy?.(plan.tempPath);
      const problem = await verifyCopyOutput(plan, plan.tempPath, opts.signal);
      return problem === null ? null : `the copied file failed verification: ${problem}`;
    });
  } finally {
    await rm(listPath, { force: true }).catch(() => {});
  }
}
