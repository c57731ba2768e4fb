/**
 * The stream-copy attempt of an export (decided by copyProbe.ts decideCopy): write the concat
 * list beside the temp file, let ffmpeg join the clips' video packets into the temp file, then
 * verify the result with ffprobe. The caller renames the temp over the target only when this
 * returns null; on a problem it deletes the temp and re-encodes (exportJob.ts).
 *
 * The join starts before the decision is complete (speculativeCopy): probing a clip costs
 * about as much as joining it, so they run side by side, and a refusal stops ffmpeg.
 */
import { open, rm } from 'node:fs/promises';
import { AppError, isCanceled } from '../../../shared/errors.js';
import type { CopyVerdict } from '../../../shared/export/copy.js';
import { buildConcatCopyInvocation, concatListFor } from '../../../shared/export/concat.js';
import { copyProbeProblem, outputProbeArgs } from '../../../shared/export/copyVerify.js';
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
  return copyProbeProblem(plan, JSON.parse(await runFfprobe(outputProbeArgs(file), { signal })));
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

export interface SpeculativeCopyResult {
  verdict: CopyVerdict;
  /** When the verdict is eligible: null if the file is good, else why not (as runCopyExport). */
  problem: string | null;
}

/**
 * runCopyExport() started at once with the video track `leadStreamId` (a guess, see
 * copyProbe.ts leadStreamIdGuess), while `decision` (decideCopy over every clip) is still
 * running. The join counts only when the verdict allows a copy of that same track; if it
 * names another track the join is made again with it; on a refusal ffmpeg is stopped and gone
 * (the caller may reuse the temp name) before this returns. Rejects only on cancel.
 */
export async function speculativeCopy(
  plan: ExportPlan, resolveAbs: (rel: string) => string, leadStreamId: number, decision: Promise<CopyVerdict>, opts: CopyAttemptOptions,
): Promise<SpeculativeCopyResult> {
  const own = new AbortController();
  const onAbort = (): void => own.abort();
  opts.signal.addEventListener('abort', onAbort, { once: true });
  if (opts.signal.aborted) own.abort();
  const copying = runCopyExport(plan, resolveAbs, leadStreamId, { ...opts, signal: own.signal });
  // Settles on every path below; this only keeps a rejection from counting as unhandled meanwhile.
  copying.catch(() => {});
  const stopCopy = async (): Promise<void> => {
    own.abort();
    await copying.catch(() => null);
  };
  try {
    let verdict: CopyVerdict;
    try {
      verdict = await decision;
    } catch (err) {
      await stopCopy();
      throw err;
    }
    if (verdict.eligible && verdict.videoStreamId !== leadStreamId) {
      await stopCopy();
      return { verdict, problem: await runCopyExport(plan, resolveAbs, verdict.videoStreamId, opts) };
    }
    if (!verdict.eligible) {
      await stopCopy();
      if (opts.signal.aborted) throw new AppError('CANCELED', 'The export was canceled.');
      return { verdict, problem: null };
    }
    return { verdict, problem: await copying };
  } finally {
    opts.signal.removeEventListener('abort', onAbort);
  }
}
