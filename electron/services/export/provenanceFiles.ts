/**
 * Writes the provenance sidecar beside each deliverable (`<file>.provenance.json`; beside a
 * single-file export too, provenanceSidecarFile) and one
 * authorship report per run (`<project>-authorship.md` and `.html`) in the output folder, each
 * by temp file + rename so a reader never sees half a file.
 */
import { rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DeliverableReport } from '../../../shared/api/delivery.js';
import type { CutAiFacts } from '../../../shared/export/aiLabel.js';
import { safeFileName } from '../../../shared/export/deliverable.js';
import type { ExportPlan } from '../../../shared/export/plan.js';
import {
  authorshipHtml,
  authorshipMarkdown,
  authorshipSections,
  provenanceSidecar,
  shotProvenance,
} from '../../../shared/export/provenanceReport.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';

async function writeAtomic(path: string, text: string, runId: string): Promise<void> {
  const temp = join(path, '..', `.${basename(path)}.${runId}.sbtmp`);
  await writeFile(temp, text);
  await rename(temp, path);
}

/** `<file>.provenance.json` beside one exported file (a deliverable, or a single-file export). */
export async function provenanceSidecarFile(
  doc: ProjectSnapshot,
  plan: ExportPlan,
  facts: CutAiFacts,
  r: Pick<DeliverableReport, 'outPath' | 'provenancePath' | 'c2pa'>,
  o: { tool: string; runId: string; at: string },
): Promise<void> {
  // "unsigned": no C2PA manifest was embedded (no signing certificate in Settings).
  const sidecar = { ...provenanceSidecar(doc, plan, facts, basename(r.outPath), o.tool, o.at), c2pa: r.c2pa };
  await writeAtomic(r.provenancePath, `${JSON.stringify(sidecar, null, 2)}\n`, o.runId);
}

export async function provenanceFiles(
  doc: ProjectSnapshot,
  plan: ExportPlan,
  facts: CutAiFacts,
  reports: readonly DeliverableReport[],
  o: { tool: string; outDir: string; runId: string },
): Promise<{ authorship: { markdown: string; html: string } }> {
  const at = new Date().toISOString();
  for (const r of reports) await provenanceSidecarFile(doc, plan, facts, r, { ...o, at });
  const sections = authorshipSections(doc, shotProvenance(doc, plan));
  const safe = safeFileName(doc.project.name) || 'project';
  const markdown = join(o.outDir, `${safe}-authorship.md`);
  const html = join(o.outDir, `${safe}-authorship.html`);
  await writeAtomic(markdown, authorshipMarkdown(doc.project.name, o.tool, at, sections), o.runId);
  await writeAtomic(html, authorshipHtml(doc.project.name, o.tool, at, sections), o.runId);
  return { authorship: { markdown, html } };
}
