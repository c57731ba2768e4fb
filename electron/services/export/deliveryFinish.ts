/**
 * The finish step of a delivery run (deliveryRun.ts), per deliverable's joined temp file: the
 * XMP packet (IPTC digitalSourceType) appended, the C2PA manifest signed in when credentials are
 * configured (c2paDelivery.ts), then the file as delivered checked with ffprobe (size, codec,
 * tag, frame count, audio) and fsynced. A file that is not what was planned drops its cached
 * segments and fails the run; nothing is renamed here (the run renames once all are whole).
 */
import { appendFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DeliverableReport } from '../../../shared/api/delivery.js';
import { AppError } from '../../../shared/errors.js';
import { toolName, xmpBoxHeader, xmpPacket, type CutAiFacts } from '../../../shared/export/aiLabel.js';
import { deliverableProbeArgs, deliverableProblem } from '../../../shared/export/deliveryArgs.js';
import { runFfprobe } from '../ffmpeg/runner.js';
import { APP_VERSION } from '../version.js';
import { signDeliverable, type C2paRunInput } from './c2paDelivery.js';
import type { C2paSigner } from './c2paSigner.js';
import { syncFile } from './outputFile.js';
import type { RunContext, Target } from './deliveryTargets.js';

export interface FinishInput {
  facts: CutAiFacts;
  title: string;
  c2pa: C2paSigner | null;
  c2paInput: C2paRunInput;
  /** Where notes for the run's report go (e.g. a file too large to sign). */
  notes: string[];
}

export async function finishDeliverable(
  ctx: RunContext,
  t: Target,
  f: FinishInput,
  onLog?: (line: string) => void,
): Promise<DeliverableReport> {
  const xmp = Buffer.from(xmpPacket(f.facts, f.title, toolName(APP_VERSION), new Date().toISOString()), 'utf8');
  await appendFile(t.tempPath, Buffer.concat([xmpBoxHeader(xmp.length), xmp]));
  // Signed last: the manifest's hash covers everything else, the XMP box too (c2paDelivery.ts).
  const c2pa = await signDeliverable(t.tempPath, t.dv.container, f.c2pa, f.c2paInput, basename(t.outPath));
  if (c2pa.note) f.notes.push(c2pa.note);
  // The file as delivered (after XMP and C2PA moved its boxes) is what is checked.
  const probe = JSON.parse(await runFfprobe(deliverableProbeArgs(t.tempPath), { signal: ctx.signal })) as unknown;
  const problem = deliverableProblem(probe, t.dv, t.size, ctx.plan.totalFrames);
  if (problem) {
    // Never trust these segments or this sound again: the next run encodes them afresh.
    for (const k of [...t.keys, t.audioKey]) await ctx.cache.remove(k);
    throw new AppError(
      'FFMPEG_FAILED',
      `${t.dv.name}: the file made is not what was planned (${problem}); its cached segments were dropped, export again.`,
    );
  }
  await syncFile(t.tempPath);
  const loudness = t.loudness;
  onLog?.(
    `${t.dv.id}: ${t.reused} segment(s) reused, ${t.encoded} encoded; sound ${t.audioReused ? 'reused' : 'mixed'}${loudness ? `; loudness ${loudness.mode}` : ''}`,
  );
  return {
    id: t.dv.id,
    name: t.dv.name,
    outPath: t.outPath,
    width: t.size.width,
    height: t.size.height,
    codec: t.dv.codec,
    frames: ctx.plan.totalFrames,
    segmentsReused: t.reused,
    segmentsEncoded: t.encoded,
    labelShown: t.label,
    loudness,
    provenancePath: `${t.outPath}.provenance.json`,
    c2pa: c2pa.state,
  };
}
