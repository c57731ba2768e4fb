/**
 * One export run making several deliverables (aspects, sizes, codecs, loudness targets) from
 * one cut:
 *   1. segments (deliverySegments.ts): per segment of the cut, ONE ffmpeg decodes its sources
 *      once and encodes a branch per deliverable that does not already have it in the cache;
 *   2. the sound (deliveryAudio.ts), beside the segments: each deliverable's finished sound from
 *      the cache, or the cut's sound mixed once, measured (loudness pass 1) in the same run, and
 *      encoded per loudness target (pass 2) into the cache;
 *   3. per deliverable: its segments and its sound joined without re-encoding, metadata
 *      (deliveryJoin.ts); the XMP packet appended, C2PA signed, ffprobe checks size,
 *      codec, tag, frame count and audio, fsync (deliveryFinish.ts); once all are whole, each is
 *      renamed over its target; provenance sidecar.
 * Every target is only ever replaced by a complete, checked file: a failure, a cancel or a
 * crash leaves the targets untouched (temps beside them are recorded as export runs and swept
 * on the next open, as exportJob.ts). Segments enter the cache only by rename after a
 * successful encode (segmentCache.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DeliverableReport, DeliveryProgress, DeliveryReport } from '../../../shared/api/delivery.js';
import { AppError, isCanceled } from '../../../shared/errors.js';
import { cutAiFacts, toolName } from '../../../shared/export/aiLabel.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import { segmentGroups } from '../../../shared/export/segments.js';
import { resolvedOrRefused } from '../../../shared/template/variables.js';
import { assetAbsPath } from '../media/mediaStore.js';
import { APP_VERSION } from '../version.js';
import { c2paRunInput } from './c2paDelivery.js';
import { audioWork, renderAudio } from './deliveryAudio.js';
import { finishDeliverable } from './deliveryFinish.js';
import { joinDeliverable } from './deliveryJoin.js';
import { renderSegment, segmentWork } from './deliverySegments.js';
import {
  ffmpegVersionCached,
  makeTarget,
  targetPaths,
  type DeliveryRunOptions,
  type RunContext,
} from './deliveryTargets.js';
import { checkSourcesExist } from './exportJob.js';
import { checkOutputFolder, createTemp, replaceTarget } from './outputFile.js';
import { provenanceFiles } from './provenanceFiles.js';
import type { SegmentCache } from './segmentCache.js';
import type { ExportStorePort } from './storePort.js';
import { eachLimited, exportJobs } from './workPool.js';

export { targetPaths, type DeliveryRunOptions } from './deliveryTargets.js';

export async function runDelivery(
  store: ExportStorePort,
  cache: SegmentCache,
  opts: DeliveryRunOptions,
): Promise<DeliveryReport> {
  if (opts.deliverables.length === 0)
    throw new AppError('EXPORT_INVALID', 'Choose at least one deliverable to export.');
  const runId = opts.runId ?? randomUUID();
  // Template variables resolved (or the run refused with the list: shared/template/variables.ts).
  const doc = resolvedOrRefused(store.snapshot(), 'export');
  const resolveAbs = (rel: string): string => assetAbsPath(store.dir, rel);
  const canceled = (): AppError => new AppError('CANCELED', 'The export was canceled.');
  const outs = targetPaths(opts.deliverables, opts.out, doc.project.name);
  if (!/\.(mp4|mov)$/i.test(opts.out)) await mkdir(resolve(opts.out), { recursive: true });
  for (const o of outs) await checkOutputFolder(o);
  const first = outs[0] ?? '';
  const plan = buildExportPlan(doc, { outPath: first, tempPath: `${first}.plan`, quality: opts.quality });
  await checkSourcesExist(plan, resolveAbs, new Map(doc.assets.map((a) => [a.id, a.originalName])));
  const facts = cutAiFacts(doc, plan);
  const c2paInput = c2paRunInput(doc, plan, facts, APP_VERSION);
  const c2paNotes: string[] = [];
  const version = await ffmpegVersionCached();
  await cache.ensure();
  await cache.sweepTemps();
  const groups = segmentGroups(plan.clips);
  const targets = opts.deliverables.map((dv, i) =>
    makeTarget(doc, plan, groups, dv, outs[i] ?? '', facts, version, opts),
  );
  if (opts.signal?.aborted) throw canceled();

  const emit = (
    state: DeliveryProgress['state'],
    error: string | null = null,
    report: DeliveryReport | null = null,
  ): void => {
    opts.onProgress?.({
      runId,
      state,
      error,
      report,
      deliverables: targets.map((t) => ({
        id: t.dv.id,
        name: t.dv.name,
        outPath: t.outPath,
        state: t.state,
        progress: t.progress,
      })),
    });
  };
  const jobs = opts.jobs ?? exportJobs();
  const showProgress = (): void => {
    for (const t of targets) {
      const partial = [...t.partial.values()].reduce((a, b) => a + b, 0);
      t.progress = Math.min(0.85, (0.85 * (t.doneFrames + partial)) / plan.totalFrames);
    }
    emit('running');
  };
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) stop.abort();
  const segmentTemps = new Set<string>();
  const mixPath = join(cache.dir, `.mix.${runId}.sbtmp`);
  let recordError: unknown = null;
  const record = (fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      recordError = err;
      stop.abort();
    }
  };
  const ctx: RunContext = {
    store,
    cache,
    runId,
    plan,
    groups,
    resolveAbs,
    signal: stop.signal,
    record,
    throwIfRecordFailed: () => {
      if (recordError !== null) throw recordError;
    },
  };
  for (const t of targets)
    store.recordExportStart({ id: t.runId, outPath: t.outPath, tempPath: t.tempPath, pid: null });
  // Clearing the cache is refused while this mark is there (segmentCache.ts hold).
  const release = await cache.hold(runId);
  try {
    for (const t of targets) await createTemp(t.tempPath);
    for (const t of targets) t.state = 'running';
    emit('running');
    // The sound runs beside the segment encodes (they share no input): what the cache lacks is
    // mixed once (its one ffmpeg decodes only sound), measured, and encoded per loudness target.
    const sourceIds = new Map(doc.assets.map((a) => [a.path, a.id]));
    const sourceOf = (rel: string): string => `asset:${sourceIds.get(rel) ?? rel}`;
    const sound = await audioWork(ctx, targets, opts.quality, version, sourceOf);
    const soundDone = renderAudio(ctx, sound, mixPath, opts.quality, segmentTemps);
    soundDone.catch(() => {});
    // 1. Segments: what the cache lacks, each segment's sources decoded once for all deliverables.
    const work = await segmentWork(ctx, targets);
    showProgress();
    // Up to one segment ffmpeg per core at once: each one's start, graph setup and encoder
    // flush leave cores idle that the other fills (workPool.ts).
    await eachLimited(
      work,
      jobs,
      async (w) => renderSegment(ctx, w, segmentTemps, showProgress),
      () => stop.abort(),
    );
    // 2. The sound: each deliverable's, from the cache or made beside the segments.
    await soundDone;
    await rm(mixPath, { force: true });
    for (const t of targets) t.progress = 0.9;
    emit('running');
    // 3. Each deliverable: join (copies only), metadata, XMP, C2PA, check (in parallel, as above);
    // then every rename, only once all of them are whole.
    const reports: DeliverableReport[] = [];
    const title = doc.project.name;
    await eachLimited(
      targets.map((t, i) => ({ t, i })),
      jobs,
      async ({ t, i }) => {
        await joinDeliverable(ctx, t, facts, title);
        reports[i] = await finishDeliverable(
          ctx,
          t,
          { facts, title, c2pa: opts.c2pa ?? null, c2paInput, notes: c2paNotes },
          opts.onLog,
        );
      },
      () => stop.abort(),
    );
    if (opts.signal?.aborted) throw canceled();
    for (const t of targets) {
      await replaceTarget(t.tempPath, t.outPath);
      await rm(t.listPath, { force: true });
      t.state = 'succeeded';
      t.progress = 1;
      record(() => store.updateExport(t.runId, { state: 'succeeded' }));
    }
    const files = await provenanceFiles(doc, plan, facts, reports, {
      tool: toolName(APP_VERSION),
      outDir: dirname(first),
      runId,
    });
    await cache.evict(new Set(targets.flatMap((t) => [...t.keys, t.audioKey])));
    const report: DeliveryReport = {
      runId,
      deliverables: reports,
      digitalSourceType: facts.digitalSourceType,
      authorshipReport: files.authorship,
      notes: [...(opts.notes ?? []), ...c2paNotes],
    };
    emit('succeeded', null, report);
    return report;
  } catch (err) {
    // Nothing of this run keeps running: the mix and any encode still going are stopped.
    stop.abort();
    const wasCanceled = recordError === null && (isCanceled(err) || opts.signal?.aborted === true);
    for (const t of targets) {
      await rm(t.tempPath, { force: true }).catch(() => {});
      await rm(t.listPath, { force: true }).catch(() => {});
      if (t.state !== 'succeeded') {
        t.state = wasCanceled ? 'canceled' : 'failed';
        try {
          store.updateExport(t.runId, { state: t.state });
        } catch {
          // left 'running': swept on the next open
        }
      }
    }
    for (const temp of segmentTemps) await rm(temp, { force: true }).catch(() => {});
    await rm(mixPath, { force: true }).catch(() => {});
    if (wasCanceled) throw isCanceled(err) ? err : canceled();
    throw recordError ?? err;
  } finally {
    await release().catch(() => {});
    opts.signal?.removeEventListener('abort', onAbort);
    await rm(mixPath, { force: true }).catch(() => {});
  }
}
