/**
 * The last consistency report of a project, kept beside its database as `continuity.json`
 * (derived data: not part of the document, no undo, recomputed by the next check). Written to a
 * temp name and renamed, so a crash leaves the old report or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ContinuityReportSchema,
  isDrift,
  type ContinuityReport,
  type DriftThresholds,
} from '../../../shared/continuity/score.js';
import { TEMP_PREFIX } from '../../../shared/media/store.js';

export const REPORT_FILE = 'continuity.json';

export async function saveReport(dir: string, report: ContinuityReport): Promise<void> {
  const tmp = join(dir, `${TEMP_PREFIX}continuity-${randomBytes(6).toString('hex')}.json`);
  try {
    await writeFile(tmp, `${JSON.stringify(report, null, 1)}\n`);
    await rename(tmp, join(dir, REPORT_FILE));
  } finally {
    await rm(tmp, { force: true }).catch(() => {});
  }
}

/** The saved report with drift re-read against `thresholds`; null when none (or it is unreadable). */
export async function loadReport(dir: string, thresholds: DriftThresholds): Promise<ContinuityReport | null> {
  const text = await readFile(join(dir, REPORT_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null; // a damaged report is as good as none: the next check writes a new one
  }
  const parsed = ContinuityReportSchema.safeParse(json);
  if (!parsed.success) return null;
  return rethreshold(parsed.data, thresholds);
}

export function rethreshold(report: ContinuityReport, thresholds: DriftThresholds): ContinuityReport {
  return {
    ...report,
    thresholds,
    results: report.results.map((r) => ({ ...r, drift: isDrift(r.score, r.kind, thresholds) })),
  };
}
