/**
 * The join step of a delivery run (deliveryRun.ts), per deliverable: its cached segments joined
 * by the concat demuxer and its finished sound (deliveryAudio.ts) beside them, both copied
 * without re-encoding, with the AI metadata, into the deliverable's temp file.
 */
import { writeFile } from 'node:fs/promises';
import { aiMetadataArgs, toolName, type CutAiFacts } from '../../../shared/export/aiLabel.js';
import { buildConcatList, frameStartMicros } from '../../../shared/export/concat.js';
import { muxInvocation } from '../../../shared/export/deliveryArgs.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import { APP_VERSION } from '../version.js';
import type { RunContext, Target } from './deliveryTargets.js';

/** A segment's only stream, as the concat demuxer's exact_stream_id sees it: the MOV track id, 1. */
const SEGMENT_TRACK_ID = 1;

export async function joinDeliverable(ctx: RunContext, t: Target, facts: CutAiFacts, title: string): Promise<void> {
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
  await runFfmpeg(
    muxInvocation(plan, {
      listPath: t.listPath,
      audioPath: ctx.cache.segmentPath(t.audioKey),
      deliverable: t.dv,
      metadataArgs: aiMetadataArgs(facts, title, toolName(APP_VERSION)),
      tempPath: t.tempPath,
    }),
    {
      signal: ctx.signal,
      onSpawn: (pid) => ctx.record(() => ctx.store.updateExport(t.runId, { state: 'running', pid })),
    },
  );
  ctx.throwIfRecordFailed();
}
