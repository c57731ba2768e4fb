/**
 * The plan of a delivery run (deliveryRun.ts): where each deliverable goes, and per deliverable
 * what each segment of the cut is encoded as (size, codec, label, framing) and its cache key.
 * Also what the run's steps share (RunContext): the cut, the cache, the run's abort and the
 * record of a failed store update.
 */
import { randomUUID } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import type { Quality } from '../../../shared/api/contract.js';
import type { DeliveryProgress } from '../../../shared/api/delivery.js';
import { AppError } from '../../../shared/errors.js';
import type { CutAiFacts } from '../../../shared/export/aiLabel.js';
import { codecArgs, pixelFormatFor } from '../../../shared/export/codecs.js';
import {
  checkDistinctNames,
  deliverableFileName,
  deliverableSize,
  type Deliverable,
} from '../../../shared/export/deliverable.js';
import { labelFilter, labelShown } from '../../../shared/export/label.js';
import type { ExportPlan } from '../../../shared/export/plan.js';
import { shotFraming } from '../../../shared/export/reframe.js';
import { segmentKeyMaterial, type SegmentGroup, type SegmentTarget } from '../../../shared/export/segments.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { ffmpegVersion } from '../ffmpeg/runner.js';
import type { C2paSigner } from './c2paSigner.js';
import { segmentKey, type SegmentCache } from './segmentCache.js';
import type { ExportStorePort } from './storePort.js';
import { concatListPath, exportTempPath } from './tempPath.js';

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

/** One deliverable of the run, and how far it has come. */
export interface Target {
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

/** What the steps of one run share. */
export interface RunContext {
  store: ExportStorePort;
  cache: SegmentCache;
  runId: string;
  plan: ExportPlan;
  groups: readonly SegmentGroup[];
  resolveAbs: (rel: string) => string;
  /** Aborts every ffmpeg of the run (a cancel, the first failure, a failed store update). */
  signal: AbortSignal;
  /** Runs a store update; if it throws, the run aborts and the error is what the run throws. */
  record: (fn: () => void) => void;
  /** Throws the store update's error once one has failed. */
  throwIfRecordFailed: () => void;
}

let versionOnce: Promise<string> | null = null;
export function ffmpegVersionCached(): Promise<string> {
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

export function makeTarget(
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
