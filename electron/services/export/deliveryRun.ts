/**
 * One export run making several deliverables (aspects, sizes, codecs, loudness targets) from
 * one cut:
 *   1. segments: per segment of the cut (segments.ts), ONE ffmpeg decodes its sources once and
 *      encodes a branch per deliverable that does not already have it in the cache;
 *   2. the mix: the cut's sound mixed once, loudnorm pass 1 measuring it in the same run;
 *   3. per deliverable: its segments joined without re-encoding + the mix with loudnorm pass 2,
 *      metadata; ffprobe checks size, codec, tag, frame count and audio before anything is
 *      renamed; the XMP packet is appended; fsync; rename over the target; provenance sidecar.
 * Every target is only ever replaced by a complete, checked file: a failure, a cancel or a
 * crash leaves the targets untouched (temps beside them are recorded as export runs and swept
 * on the next open, as exportJob.ts). Segments enter the cache only by rename after a
 * successful encode (segmentCache.ts).
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Quality } from '../../../shared/api/contract.js';
import type { DeliverableReport, DeliveryProgress, DeliveryReport } from '../../../shared/api/delivery.js';
import { AppError, isCanceled } from '../../../shared/errors.js';
import {
  aiMetadataArgs,
  cutAiFacts,
  toolName,
  xmpBoxHeader,
  xmpPacket,
  type CutAiFacts,
} from '../../../shared/export/aiLabel.js';
import { codecArgs, pixelFormatFor } from '../../../shared/export/codecs.js';
import { buildConcatList, frameStartMicros } from '../../../shared/export/concat.js';
import {
  checkDistinctNames,
  deliverableFileName,
  deliverableSize,
  type Deliverable,
} from '../../../shared/export/deliverable.js';
import {
  deliverableProbeArgs,
  deliverableProblem,
  mixInvocation,
  muxInvocation,
} from '../../../shared/export/deliveryArgs.js';
import { labelFilter, labelShown } from '../../../shared/export/label.js';
import {
  applyFilter,
  parseEbur128Summary,
  parseLoudnormReports,
  resultOf,
  type LoudnessMeasurement,
} from '../../../shared/export/loudness.js';
import { buildExportPlan, type ExportPlan } from '../../../shared/export/plan.js';
import { shotFraming } from '../../../shared/export/reframe.js';
import {
  segmentGroups,
  segmentInvocation,
  segmentKeyMaterial,
  type SegmentGroup,
  type SegmentTarget,
} from '../../../shared/export/segments.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { ffmpegVersion, runFfmpeg, runFfprobe } from '../ffmpeg/runner.js';
import { assetAbsPath } from '../media/mediaStore.js';
import { APP_VERSION } from '../version.js';
import { checkOutputFolder, checkSourcesExist, createTemp, replaceTarget, syncFile } from './exportJob.js';
import { provenanceFiles } from './provenanceFiles.js';
import { c2paRunInput, signDeliverable } from './c2paDelivery.js';
import type { C2paSigner } from './c2paSigner.js';
import { segmentKey, type SegmentCache } from './segmentCache.js';
import { eachLimited, exportJobs } from './workPool.js';
import type { ExportStorePort } from './storePort.js';
import { concatListPath, exportTempPath } from './tempPath.js';
import { resolvedOrRefused } from '../../../shared/template/variables.js';

export interface DeliveryRunOptions {
  deliverables: readonly Deliverable[];
  /** A folder, or a .mp4/.mov file when there is one deliverable. */
  out: string;
  quality: Quality;
  runId?: string;
  signal?: AbortSignal;
  onProgress?: (p: DeliveryProgress) => void;
  onLog?: (line: string) => void;
  /** The label's font file (CJK-capable); null: no visible label can be drawn. */
  fontFile: string | null;
  /** Notes to pass on to the report (e.g. C2PA not configured). */
  notes?: string[];
  /** ffmpeg processes at once (workPool.ts exportJobs: the core count by default). */
  jobs?: number;
  /** C2PA signing credentials (Settings); null or absent: no manifest, the sidecar says unsigned. */
  c2pa?: C2paSigner | null;
}

interface Target {
  dv: Deliverable;
  runId: string;
  outPath: string;
  tempPath: string;
  listPath: string;
  size: { width: number; height: number };
  label: boolean;
  segment: SegmentTarget[];
  keys: string[];
  reused: number;
  encoded: number;
  doneFrames: number;
  /** Frames done of segments being encoded now, by segment index. */
  partial: Map<number, number>;
  state: DeliveryProgress['deliverables'][number]['state'];
  progress: number;
}

/** A segment's only stream, as the concat demuxer's exact_stream_id sees it: the MOV track id, 1. */
const SEGMENT_TRACK_ID = 1;

let versionOnce: Promise<string> | null = null;
function ffmpegVersionCached(): Promise<string> {
  versionOnce ??= ffmpegVersion().catch((err: unknown) => {
    versionOnce = null;
    throw err;
  });
  return versionOnce;
}

/** Where each deliverable goes: `out` as the file (one deliverable, .mp4/.mov) or as the folder. */
export function targetPaths(deliverables: readonly Deliverable[], out: string, projectName: string): string[] {
  const abs = resolve(out);
  if (/\.(mp4|mov)$/i.test(abs)) {
    if (deliverables.length !== 1) {
      throw new AppError(
        'EXPORT_INVALID',
        `--out ${basename(abs)} is one file, but this export makes ${deliverables.length} deliverables: give a folder.`,
      );
    }
    const dv = deliverables[0];
    if (dv && !abs.toLowerCase().endsWith(`.${dv.container}`)) {
      throw new AppError(
        'EXPORT_INVALID',
        `${dv.name} is written as .${dv.container}: name the file ${basename(abs).replace(/\.\w+$/, `.${dv.container}`)}.`,
      );
    }
    return [abs];
  }
  const names = deliverables.map((dv) => deliverableFileName(dv, projectName));
  checkDistinctNames(names);
  return names.map((n) => join(abs, n));
}

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
  for (const t of targets)
    store.recordExportStart({ id: t.runId, outPath: t.outPath, tempPath: t.tempPath, pid: null });
  // Clearing the cache is refused while this mark is there (segmentCache.ts hold).
  const release = await cache.hold(runId);
  try {
    for (const t of targets) await createTemp(t.tempPath);
    for (const t of targets) t.state = 'running';
    emit('running');
    // The mix runs beside the segment encodes (they share no input): its one ffmpeg decodes only sound.
    const mixDone = runFfmpeg(mixInvocation(plan, mixPath, resolveAbs), { signal: stop.signal, stderrTailLines: 60 });
    mixDone.catch(() => {});
    // 1. Segments: what the cache lacks, each segment's sources decoded once for all deliverables.
    const work: { g: number; need: Target[]; twins: Target[] }[] = [];
    for (const [g, group] of groups.entries()) {
      const missing: Target[] = [];
      for (const t of targets) {
        if (await cache.lookup(t.keys[g] ?? '')) {
          t.reused += 1;
          t.doneFrames += group.frames;
        } else {
          missing.push(t);
        }
      }
      // Two deliverables asking for the same pixels (same key) share one encode.
      const need = missing.filter((t, i) => missing.findIndex((m) => m.keys[g] === t.keys[g]) === i);
      const twins = missing.filter((t) => !need.includes(t));
      if (need.length > 0) work.push({ g, need, twins });
    }
    showProgress();
    // Up to one segment ffmpeg per core at once: each one's start, graph setup and encoder
    // flush leave cores idle that the other fills (workPool.ts).
    await eachLimited(
      work,
      jobs,
      async ({ g, need, twins }) => renderSegment(plan, groups[g] as SegmentGroup, g, need, twins),
      () => stop.abort(),
    );
    // 2. The mix, measured once (ebur128 in the same run).
    const measured: LoudnessMeasurement | null = parseEbur128Summary((await mixDone).stderrTail);
    for (const t of targets) t.progress = 0.9;
    emit('running');
    // 3. Each deliverable: join, loudness pass 2, metadata, check, XMP (in parallel, as above);
    // then every rename, only once all of them are whole.
    const reports: DeliverableReport[] = [];
    await eachLimited(
      targets.map((t, i) => ({ t, i })),
      jobs,
      async ({ t, i }) => {
        reports[i] = await finish(t, measured);
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
    await cache.evict(new Set(targets.flatMap((t) => t.keys)));
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

  async function renderSegment(
    p: ExportPlan,
    group: SegmentGroup,
    g: number,
    need: Target[],
    twins: Target[],
  ): Promise<void> {
    const keys = need.map((t) => t.keys[g] ?? '');
    const temps = keys.map((k) => cache.tempPath(k, runId));
    temps.forEach((x) => segmentTemps.add(x));
    const inv = segmentInvocation(
      p,
      group,
      need.map((t) => t.segment[g] as SegmentTarget),
      temps,
      resolveAbs,
    );
    // The segment's ffmpeg is recorded as a run of its own (its first temp in the cache): after a
    // crash the sweep kills it by that temp (it names none of the deliverables' temps) and deletes it.
    const segRun = { id: randomUUID(), outPath: cache.segmentPath(keys[0] ?? ''), tempPath: temps[0] ?? '', pid: null };
    store.recordExportStart(segRun);
    try {
      await runFfmpeg(inv, {
        signal: stop.signal,
        onSpawn: (pid) => record(() => store.updateExport(segRun.id, { state: 'running', pid })),
        onProgress: (f) => {
          for (const t of [...need, ...twins]) t.partial.set(g, f * group.frames);
          showProgress();
        },
      });
    } catch (err) {
      record(() => store.updateExport(segRun.id, { state: isCanceled(err) ? 'canceled' : 'failed' }));
      throw err;
    }
    record(() => store.updateExport(segRun.id, { state: 'succeeded' }));
    if (recordError !== null) throw recordError;
    for (const [j, key] of keys.entries()) {
      await cache.commit(key, temps[j] ?? '', group.frames);
      segmentTemps.delete(temps[j] ?? '');
    }
    for (const t of [...need, ...twins]) {
      t.partial.delete(g);
      t.doneFrames += group.frames;
    }
    for (const t of need) t.encoded += 1;
    for (const t of twins) t.reused += 1;
    showProgress();
  }

  async function finish(t: Target, measured: LoudnessMeasurement | null): Promise<DeliverableReport> {
    const segments = t.keys.map((k) => cache.segmentPath(k));
    const durations = groups.map(
      (gr) => frameStartMicros(gr.startFrame + gr.frames, plan.fps) - frameStartMicros(gr.startFrame, plan.fps),
    );
    await writeFile(
      t.listPath,
      buildConcatList(
        segments.map((absPath, i) => ({ absPath, durationUs: durations[i] ?? 0n })),
        SEGMENT_TRACK_ID,
      ),
    );
    const target = t.dv.loudnessLufs;
    const loudnessFilter = target === null ? null : applyFilter(measured, target);
    const title = doc.project.name;
    const result = await runFfmpeg(
      muxInvocation(plan, {
        listPath: t.listPath,
        mixPath,
        loudnessFilter,
        deliverable: t.dv,
        quality: opts.quality,
        metadataArgs: aiMetadataArgs(facts, title, toolName(APP_VERSION)),
        tempPath: t.tempPath,
      }),
      {
        signal: stop.signal,
        stderrTailLines: 200,
        onSpawn: (pid) => record(() => store.updateExport(t.runId, { state: 'running', pid })),
      },
    );
    if (recordError !== null) throw recordError;
    const xmp = Buffer.from(xmpPacket(facts, title, toolName(APP_VERSION), new Date().toISOString()), 'utf8');
    await appendFile(t.tempPath, Buffer.concat([xmpBoxHeader(xmp.length), xmp]));
    // Signed last: the manifest's hash covers everything else, the XMP box too (c2paDelivery.ts).
    const c2pa = await signDeliverable(t.tempPath, t.dv.container, opts.c2pa ?? null, c2paInput, basename(t.outPath));
    if (c2pa.note) c2paNotes.push(c2pa.note);
    // The file as delivered (after XMP and C2PA moved its boxes) is what is checked.
    const probe = JSON.parse(await runFfprobe(deliverableProbeArgs(t.tempPath), { signal: stop.signal })) as unknown;
    const problem = deliverableProblem(probe, t.dv, t.size, plan.totalFrames);
    if (problem) {
      // Never trust these segments again: the next run encodes them afresh.
      for (const k of t.keys) await cache.remove(k);
      throw new AppError(
        'FFMPEG_FAILED',
        `${t.dv.name}: the file made is not what was planned (${problem}); its cached segments were dropped, export again.`,
      );
    }
    await syncFile(t.tempPath);
    const loudness = target === null ? null : resultOf(target, measured, parseLoudnormReports(result.stderrTail)[0]);
    opts.onLog?.(
      `${t.dv.id}: ${t.reused} segment(s) reused, ${t.encoded} encoded${loudness ? `; loudness ${loudness.mode}` : ''}`,
    );
    return {
      id: t.dv.id,
      name: t.dv.name,
      outPath: t.outPath,
      width: t.size.width,
      height: t.size.height,
      codec: t.dv.codec,
      frames: plan.totalFrames,
      segmentsReused: t.reused,
      segmentsEncoded: t.encoded,
      labelShown: t.label,
      loudness,
      provenancePath: `${t.outPath}.provenance.json`,
      c2pa: c2pa.state,
    };
  }
}

function makeTarget(
  doc: ProjectSnapshot,
  plan: ExportPlan,
  groups: readonly SegmentGroup[],
  dv: Deliverable,
  outPath: string,
  facts: CutAiFacts,
  version: string,
  opts: DeliveryRunOptions,
): Target {
  const runId = randomUUID();
  const tempPath = exportTempPath(outPath, runId);
  const size = deliverableSize(dv);
  const shots = new Map(doc.shots.map((s) => [s.id, s]));
  const label = labelShown(dv.label, facts.generatedShots > 0) && opts.fontFile !== null;
  const segment = groups.map((g): SegmentTarget => ({
    width: size.width,
    height: size.height,
    pixelFormat: pixelFormatFor(dv.codec),
    codecArgs: codecArgs(dv.codec, opts.quality),
    labelFilter: label && opts.fontFile ? labelFilter(dv.label, size.height, opts.fontFile) : null,
    framing: plan.clips.slice(g.first, g.first + g.count).map((c) => shotFraming(shots.get(c.shotId) ?? {}, dv.aspect)),
  }));
  return {
    dv,
    runId,
    outPath,
    tempPath,
    listPath: concatListPath(tempPath),
    size,
    label,
    segment,
    keys: groups.map((g, i) => segmentKey(segmentKeyMaterial(plan, g, segment[i] as SegmentTarget, version))),
    reused: 0,
    encoded: 0,
    doneFrames: 0,
    partial: new Map(),
    state: 'queued',
    progress: 0,
  };
}
