/**
 * The join step of a delivery run (deliveryRun.ts), per deliverable: its cached segments joined
 * by the concat demuxer without re-encoding, the run's mix with the deliverable's loudness
 * pass 2 encoded, the AI metadata, all into the deliverable's temp file.
 */
import { writeFile } from 'node:fs/promises';
import type { Quality } from '../../../shared/api/contract.js';
import { aiMetadataArgs, toolName, type CutAiFacts } from '../../../shared/export/aiLabel.js';
import { buildConcatList, frameStartMicros } from '../../../shared/export/concat.js';
import { muxInvocation } from '../../../shared/export/deliveryArgs.js';
import {
  applyFilter,
  parseLoudnormReports,
  resultOf,
  type LoudnessMeasurement,
} from '../../../shared/export/loudness.js';
import type { DeliverableReport } from '../../../shared/api/delivery.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import { APP_VERSION } from '../version.js';
import type { RunContext, Target } from './deliveryTargets.js';

/** A segment's only stream, as the concat demuxer's exact_stream_id sees it: the MOV track id, 1. */
const SEGMENT_TRACK_ID = 1;

export interface JoinInput {
  mixPath: string;
  /** The mix's pass-1 measurement (null: not measured, loudness.ts falls back). */
  measured: LoudnessMeasurement | null;
  facts: CutAiFacts;
  title: string;
  quality: Quality;
}

/** Writes the deliverable's temp file; returns its loudness result (null when it has no target). */
export async function joinDeliverable(
  ctx: RunContext,
  t: Target,
  j: JoinInput,
): Promise<DeliverableReport['loudness']> {
  const { plan, groups } = ctx;
  const segments = t.keys.map((k) => ctx.cache.segmentPath(k));
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
  const loudnessFilter = target === null ? null : applyFilter(j.measured, target);
  const result = await runFfmpeg(
    muxInvocation(plan, {
      listPath: t.listPath,
      mixPath: j.mixPath,
      loudnessFilter,
      deliverable: t.dv,
      quality: j.quality,
      metadataArgs: aiMetadataArgs(j.facts, j.title, toolName(APP_VERSION)),
      tempPath: t.tempPath,
    }),
    {
      signal: ctx.signal,
      stderrTailLines: 200,
      onSpawn: (pid) => ctx.record(() => ctx.store.updateExport(t.runId, { state: 'running', pid })),
    },
  );
  ctx.throwIfRecordFailed();
  return target === null ? null : resultOf(target, j.measured, parseLoudnormReports(result.stderrTail)[0]);
}
