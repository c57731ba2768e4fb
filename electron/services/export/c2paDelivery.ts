/**
 * C2PA in a delivery run: the manifest of the run's cut (shared/export/c2paManifest.ts) signed
 * into each deliverable when Settings has signing credentials; without them, no manifest and the
 * deliverable is reported (and its provenance sidecar written) as "unsigned". A single-file export
 * (exportJob.ts) is signed the same way (signExport).
 */
import { basename } from 'node:path';
import { cutAiFacts, type CutAiFacts } from '../../../shared/export/aiLabel.js';
import { c2paManifestDefinition } from '../../../shared/export/c2paManifest.js';
import { containerFor, type ExportPlan } from '../../../shared/export/plan.js';
import { shotProvenance, type ShotProvenance } from '../../../shared/export/provenanceReport.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { embedC2pa, MAX_SIGN_BYTES } from './c2paEmbed.js';
import type { C2paSigner } from './c2paSigner.js';
import { AppError } from '../../../shared/errors.js';
import { runFfprobe } from '../ffmpeg/runner.js';
import { APP_VERSION } from '../version.js';

export type C2paState = 'signed' | 'unsigned';

export interface C2paRunInput {
  title: string;
  appVersion: string;
  facts: CutAiFacts;
  shots: (ShotProvenance & { takeId: string })[];
}

export function c2paRunInput(
  doc: ProjectSnapshot,
  plan: ExportPlan,
  facts: CutAiFacts,
  appVersion: string,
): C2paRunInput {
  const shots = shotProvenance(doc, plan).map((s, i) => ({ ...s, takeId: plan.clips[i]?.takeId ?? s.shotId }));
  return { title: doc.project.name, appVersion, facts, shots };
}

export async function signDeliverable(
  tempPath: string,
  container: 'mp4' | 'mov',
  signer: C2paSigner | null,
  input: C2paRunInput,
  outName: string,
): Promise<{ state: C2paState; note: string | null }> {
  if (!signer) return { state: 'unsigned', note: null };
  const manifest = c2paManifestDefinition({ ...input, title: outName, container });
  const done = await embedC2pa(tempPath, manifest, signer);
  if (done) return { state: 'signed', note: null };
  return {
    state: 'unsigned',
    note: `${outName}: larger than ${MAX_SIGN_BYTES / 1024 ** 3} GiB, left without a C2PA manifest (the signer holds the whole file in memory).`,
  };
}

/**
 * A single-file export's temp file, signed as a deliverable named after its target would be; a
 * signed file is read back with ffprobe (its boxes were moved) before it may be renamed.
 */
export async function signExport(
  tempPath: string,
  outPath: string,
  signer: C2paSigner | null,
  doc: ProjectSnapshot,
  plan: ExportPlan,
  signal?: AbortSignal,
): Promise<{ state: C2paState; note: string | null }> {
  const input = c2paRunInput(doc, plan, cutAiFacts(doc, plan), APP_VERSION);
  const done = await signDeliverable(tempPath, containerFor(outPath), signer, input, basename(outPath));
  if (done.state === 'signed') {
    const probe = JSON.parse(
      await runFfprobe(['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'json', tempPath], { signal }),
    ) as { streams?: { codec_type?: string }[] };
    if (!probe.streams?.some((st) => st.codec_type === 'video'))
      throw new AppError(
        'FFMPEG_FAILED',
        `${basename(outPath)}: the file signed with C2PA no longer reads as a video.`,
      );
  }
  return done;
}
