/**
 * One export run: plan -> checks -> ffmpeg writes a temp file beside the target -> fsync ->
 * rename over the target. The target is only ever replaced by a complete file: a crash,
 * a cancel or a failure leaves the previous file (if any) untouched (quality.md MEDIA-1/2).
 * Every run is recorded in the project (with ffmpeg's pid) so a crash can be swept on the
 * next open (sweep.ts).
 *
 * Two ways to write the file: join the clips' video packets untouched when copy.ts verifies
 * they already are the output (mode 'copy': whole H.264 takes with one codec configuration),
 * else encode everything in one pass (mode 'reencode'). A copy is checked with ffprobe before
 * the rename; if it is not exactly what was planned it is deleted and the export re-encodes.
 * When the project's own records allow a copy, the join starts at once and the clips are
 * probed beside it (copyExport.ts speculativeCopy; clips whose facts the import stored are only
 * hashed against their asset id, copyProbe.ts); a refusal stops it and re-encodes, with the
 * reason.
 */
import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExportProgress, Quality } from '../../../shared/api/contract.js';
import { AppError, isCanceled } from '../../../shared/errors.js';
import { buildExportInvocation } from '../../../shared/export/args.js';
import { buildExportPlan, containerFor, type ExportPlan } from '../../../shared/export/plan.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import { assetAbsPath } from '../media/mediaStore.js';
import { copyPrecheck } from '../../../shared/export/copy.js';
import { withSubtitles } from './subtitleBurn.js';
import { speculativeCopy, type CopyAttemptOptions } from './copyExport.js';
import { decideCopy, leadRouteGuess } from './copyProbe.js';
import type { ExportStorePort } from './storePort.js';
import { exportTempPath } from './tempPath.js';
import { isDiskFull } from '../util/diskSpace.js';
import { checkOutputFolder, createTemp, exportDiskFull, replaceTarget, syncFile } from './outputFile.js';
import { resolvedOrRefused } from '../../../shared/template/variables.js';
import { cutAiFacts, toolName } from '../../../shared/export/aiLabel.js';
import { APP_VERSION } from '../version.js';
import { signExport, type C2paState } from './c2paDelivery.js';
import type { C2paSigner } from './c2paSigner.js';
import { provenanceSidecarFile } from './provenanceFiles.js';

export interface RunExportOptions {
  outPath: string;
  quality: Quality;
  exportId?: string;
  signal?: AbortSignal;
  /**
   * 'running' updates (0..1, never decreasing) and a final 'succeeded'. A failure or cancel is
   * the rejection (AppError; isCanceled() tells them apart): callers report those themselves.
   */
  onProgress?: (p: ExportProgress) => void;
  /** One line per decision worth knowing (copy or re-encode and why, a discarded copy). */
  onLog?: (message: string) => void;
  /** Burn the dialogue's subtitles in with this font file (one that draws CJK; fonts.ts). Absent: none. */
  burnSubtitles?: { fontFile: string };
  /**
   * Provenance as a delivery run gives it: a C2PA manifest signed in when `c2pa` has credentials
   * (c2paDelivery.ts signExport) and `<file>.provenance.json` saying signed / unsigned. Absent: neither.
   */
  provenance?: { c2pa: C2paSigner | null };
  /** Test seams (see CopyAttemptOptions.afterCopy); never set in the app. */
  testHooks?: Pick<CopyAttemptOptions, 'afterCopy'>;
}

/** 'copy': video packets joined as they are, audio copied too or encoded; 'reencode': one encode pass. */
export type ExportMode = 'copy' | 'reencode';

export interface RunExportResult {
  outPath: string;
  exportId: string;
  mode: ExportMode;
  /** Why this mode: the copy check's refusal, why a copy was discarded, or that it passed. */
  reason: string;
  /** With `provenance` only: whether a C2PA manifest was signed in. */
  c2pa?: C2paState;
}

const COPY_REASON = "every clip is a whole H.264 take with the output's size, rate and codec configuration";

export async function runExport(store: ExportStorePort, opts: RunExportOptions): Promise<RunExportResult> {
  const exportId = opts.exportId ?? randomUUID();
  const outPath = resolve(opts.outPath);
  const tempPath = exportTempPath(outPath, exportId);
  const resolveAbs = (rel: string): string => assetAbsPath(store.dir, rel);
  const canceled = (): AppError => new AppError('CANCELED', 'The export was canceled.');

  // Everything that can be checked before a process starts (codebases.md Synthesis §10).
  containerFor(outPath);
  await checkOutputFolder(outPath);
  // Template variables resolved (or the run refused with the list: shared/template/variables.ts).
  const snap = resolvedOrRefused(store.snapshot(), 'export');
  const plan = withSubtitles(
    buildExportPlan(snap, { outPath, tempPath, quality: opts.quality }),
    snap,
    opts.burnSubtitles,
  );
  await checkSourcesExist(plan, resolveAbs, new Map(snap.assets.map((a) => [a.id, a.originalName])));
  if (opts.signal?.aborted) throw canceled();
  // Copy or re-encode: the project's records rule most cuts out at no cost; when they allow a
  // copy, the join starts at once and the clips are probed beside it (speculativeCopy).
  const pre = copyPrecheck(plan, resolveAbs);
  let mode: ExportMode = pre.eligible ? 'copy' : 'reencode';
  let reason = pre.eligible ? COPY_REASON : pre.reason;
  const logMode = (): void =>
    opts.onLog?.(`export ${exportId}: ${mode === 'copy' ? 'stream copy' : 're-encode'}: ${reason}`);
  if (!pre.eligible) logMode();

  // Never decreasing, also when a discarded copy hands over to the re-encode.
  let shown = 0;
  const emit = (progress: number, state: ExportProgress['state'] = 'running'): void => {
    shown = Math.max(shown, progress);
    opts.onProgress?.({ exportId, state, progress: shown, outPath, error: null });
  };

  // Recorded before the temp file exists, so a crash at any later point is swept.
  store.recordExportStart({ id: exportId, outPath, tempPath, pid: null });
  // Our own controller: also stops ffmpeg if its pid can't be recorded (an ffmpeg we
  // couldn't sweep after a crash must not run).
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  // An abort that came before the listener (e.g. from an onLog callback) fires no event.
  if (opts.signal?.aborted) stop.abort();
  let recordError: unknown = null;
  let c2pa: C2paState | null = null;
  try {
    await createTemp(tempPath);
    emit(0);
    const run = {
      signal: stop.signal,
      onSpawn: (pid: number) => {
        try {
          store.updateExport(exportId, { state: 'running', pid });
        } catch (err) {
          recordError = err;
          stop.abort();
        }
      },
      onProgress: (p: number) => emit(Math.min(p, 0.999)),
    };
    if (pre.eligible) {
      // The import's clip facts, only for the clips of this cut (never part of the snapshot).
      const stored = store.clipFacts(plan.clips.map((c) => c.assetId));
      const lead = await leadRouteGuess(plan, resolveAbs, stored);
      const decision = decideCopy(plan, resolveAbs, stored, stop.signal);
      const { verdict, problem } = await speculativeCopy(plan, resolveAbs, lead, decision, {
        ...run,
        ...opts.testHooks,
      });
      if (recordError !== null) throw recordError;
      if (!verdict.eligible) {
        mode = 'reencode';
        reason = verdict.reason;
      } else {
        reason = `${reason}; ${verdict.audio.reason}`;
      }
      logMode();
      if (verdict.eligible && problem !== null) {
        mode = 'reencode';
        reason = `${problem}; re-encoded instead`;
        opts.onLog?.(`export ${exportId}: ${reason}`);
      }
      if (mode === 'reencode') {
        // Only a verified file may reach the target: start again from an empty temp.
        await rm(tempPath, { force: true });
        await createTemp(tempPath);
      }
    }
    if (mode === 'reencode') await runFfmpeg(buildExportInvocation(plan, resolveAbs), run);
    if (recordError !== null) throw recordError;
    if (opts.provenance) {
      const signed = await signExport(tempPath, outPath, opts.provenance.c2pa, snap, plan, stop.signal);
      c2pa = signed.state;
      if (signed.note) opts.onLog?.(signed.note);
    }
    await syncFile(tempPath);
    // A cancel that arrives after ffmpeg finished still wins: nothing replaces the target.
    if (opts.signal?.aborted) throw canceled();
    await replaceTarget(tempPath, outPath);
  } catch (caught) {
    const wasCanceled = recordError === null && (isCanceled(caught) || opts.signal?.aborted === true);
    // A full disk is one line naming the disk and the space still needed, not ffmpeg's dump.
    const err = !wasCanceled && isDiskFull(caught) ? await exportDiskFull(tempPath, outPath, shown) : caught;
    await rm(tempPath, { force: true }).catch(() => {});
    try {
      store.updateExport(exportId, { state: wasCanceled ? 'canceled' : 'failed' });
    } catch {
      // The run stays 'running' in the store and is swept on the next open; the caller
      // still gets the real error below.
    }
    if (wasCanceled) throw isCanceled(err) ? err : canceled();
    throw recordError ?? err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  // Past the rename the video is complete at the target, whatever happens to the bookkeeping.
  try {
    store.updateExport(exportId, { state: 'succeeded' });
  } catch {
    // Left 'running': the next open's sweep finds no temp and no ffmpeg, and closes it.
  }
  if (opts.provenance) {
    const facts = cutAiFacts(snap, plan);
    const r = { outPath, provenancePath: `${outPath}.provenance.json`, c2pa: c2pa ?? 'unsigned' };
    await provenanceSidecarFile(snap, plan, facts, r, {
      tool: toolName(APP_VERSION),
      runId: exportId,
      at: new Date().toISOString(),
    });
  }
  emit(1, 'succeeded');
  return { outPath, exportId, mode, reason, ...(opts.provenance && { c2pa: c2pa ?? 'unsigned' }) };
}

/** A moved or deleted source is named before anything runs (quality.md MEDIA-4). */
export async function checkSourcesExist(
  plan: ExportPlan,
  resolveAbs: (rel: string) => string,
  names: ReadonlyMap<string, string>,
): Promise<void> {
  // Named by the file the user imported, never by the store's internal hash path (MEDIA-4).
  for (const clip of plan.clips) {
    const file = resolveAbs(clip.path);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      const name = names.get(clip.assetId) ?? clip.assetId;
      throw new AppError(
        'MEDIA_MISSING',
        `${clip.label} uses "${name}", whose file is missing from the project: relink it (Relink media…, or storyboard relink) or re-import it.`,
        {
          shotId: clip.shotId,
          assetId: clip.assetId,
          originalName: name,
          messageKey: 'hardening.error.mediaMissing',
        },
      );
    }
  }
  for (const item of plan.audioItems) {
    const file = resolveAbs(item.path);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      const name = names.get(item.assetId) ?? item.assetId;
      throw new AppError(
        'MEDIA_MISSING',
        `${item.label} uses "${name}", whose file is missing from the project: relink it or remove the item.`,
        {
          audioItemId: item.id,
          assetId: item.assetId,
          originalName: name,
          messageKey: 'hardening.error.mediaMissing',
        },
      );
    }
  }
}
