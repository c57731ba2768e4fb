/**
 * The stream-copy attempt of an export (decided by copyProbe.ts decideCopy): write the concat
 * list(s) beside the temp file, let ffmpeg join the clips' video packets (and their audio
 * packets, when the verdict copies those too) into the temp file, then verify the result with
 * ffprobe. The caller renames the temp over the target only when this
 * returns null; on a problem it deletes the temp and re-encodes (exportJob.ts).
 *
 * The join starts before the decision is complete (speculativeCopy): probing a clip costs
 * about as much as joining it, so they run side by side, and a refusal stops ffmpeg.
 */
import { open, rm } from 'node:fs/promises';
import { AppError, isCanceled } from '../../../shared/errors.js';
import { audioConcatList, audioCopyLayout, type AudioRoute } from '../../../shared/export/audioCopy.js';
import type { CopyVerdict } from '../../../shared/export/copy.js';
import { buildConcatCopyInvocation, concatListFor } from '../../../shared/export/concat.js';
import { copyProbeProblem, outputProbeArgs } from '../../../shared/export/copyVerify.js';
import type { ExportPlan } from '../../../shared/export/plan.js';
import { runFfmpeg, type RunFfmpegOptions } from '../ffmpeg/runner.js';
import { probeJsonWithPackets } from '../media/probeJson.js';
import { COPY_PROBE_MAX_PACKETS } from './copyProbe.js';
import { audioListPath, concatListPath } from './tempPath.js';

/** What the join copies: the video track, and the audio track or not (a CopyVerdict's route). */
export interface CopyRoute {
  videoStreamId: number;
  audio: AudioRoute;
}

/** The same join: same video track, and the audio copied from the same track or encoded alike. */
export function sameRoute(a: CopyRoute, b: CopyRoute): boolean {
  if (a.videoStreamId !== b.videoStreamId || a.audio.copy !== b.audio.copy) return false;
  return !a.audio.copy || !b.audio.copy || a.audio.streamId === b.audio.streamId;
}

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

/**
 * The written file's problem against the plan, or null when it is exactly what was planned.
 * The probe is streamed and bounded like the clips' (COPY_PROBE_MAX_PACKETS): a cut with more
 * packets is not verified, so it is re-encoded.
 */
export async function verifyCopyOutput(
  plan: ExportPlan,
  file: string,
  signal: AbortSignal,
  audioCopied = false,
): Promise<string | null> {
  const json = await probeJsonWithPackets(file, outputProbeArgs(file), { signal }, COPY_PROBE_MAX_PACKETS);
  if (json === null) return `it has more than ${COPY_PROBE_MAX_PACKETS} packets, too many to verify`;
  return copyProbeProblem(plan, json, audioCopied ? audioCopyLayout(plan) : null);
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
  plan: ExportPlan,
  resolveAbs: (rel: string) => string,
  route: CopyRoute,
  opts: CopyAttemptOptions,
): Promise<string | null> {
  const listPath = concatListPath(plan.tempPath);
  const aListPath = route.audio.copy ? audioListPath(plan.tempPath) : null;
  try {
    const failed = await attempt(opts.signal, 'the stream copy failed', async () => {
      await writeList(listPath, concatListFor(plan, resolveAbs, route.videoStreamId));
      if (aListPath !== null && route.audio.copy)
        await writeList(aListPath, audioConcatList(plan, resolveAbs, route.audio.streamId));
      await runFfmpeg(buildConcatCopyInvocation(plan, listPath, resolveAbs, aListPath), {
        signal: opts.signal,
        ...(opts.onSpawn && { onSpawn: opts.onSpawn }),
        ...(opts.onProgress && { onProgress: opts.onProgress }),
      });
      return null;
    });
    if (failed !== null) return failed;
    return await attempt(opts.signal, 'the copied file could not be verified', async () => {
      await opts.afterCopy?.(plan.tempPath);
      const problem = await verifyCopyOutput(plan, plan.tempPath, opts.signal, route.audio.copy);
      return problem === null ? null : `the copied file failed verification: ${problem}`;
    });
  } finally {
    await rm(listPath, { force: true }).catch(() => {});
    if (aListPath !== null) await rm(aListPath, { force: true }).catch(() => {});
  }
}

export interface SpeculativeCopyResult {
  verdict: CopyVerdict;
  /** When the verdict is eligible: null if the file is good, else why not (as runCopyExport). */
  problem: string | null;
}

/**
 * runCopyExport() started at once with the route `lead` (a guess, see copyProbe.ts
 * leadRouteGuess), while `decision` (decideCopy over every clip) is still running. The join
 * counts only when the verdict allows that same route; if it names another one (another
 * track, or audio copied instead of encoded or back) the join is made again with it; on a refusal ffmpeg is stopped and gone
 * (the caller may reuse the temp name) before this returns. Rejects only on cancel.
 */
export async function speculativeCopy(
  plan: ExportPlan,
  resolveAbs: (rel: string) => string,
  lead: CopyRoute,
  decision: Promise<CopyVerdict>,
  opts: CopyAttemptOptions,
): Promise<SpeculativeCopyResult> {
  const own = new AbortController();
  const onAbort = (): void => own.abort();
  opts.signal.addEventListener('abort', onAbort, { once: true });
  if (opts.signal.aborted) own.abort();
  const copying = runCopyExport(plan, resolveAbs, lead, { ...opts, signal: own.signal });
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
    if (verdict.eligible && !sameRoute(verdict, lead)) {
      await stopCopy();
      return { verdict, problem: await runCopyExport(plan, resolveAbs, verdict, opts) };
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
