/** Reading the whole document in one read transaction, validated against ProjectSnapshotSchema. */
import { ProjectSnapshotSchema, type Project, type ProjectSnapshot } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';
import { historyState } from './history.js';
import { listJobs } from './jobs.js';
import { audioItemFromRow, elementFromRow, projectFromRow, sceneFromRow } from './projectRows.js';
import { assetFromRow } from './recordRows.js';
import type { Row } from './rows.js';
import { readDialogueLines } from './dialogueLines.js';
import { listShots } from './shotReads.js';
import { listTakes } from './takes.js';
import { readTemplateVariables } from './templateVariables.js';

export function readProject(db: Db, file: string): Project {
  const row = db.prepare('SELECT * FROM project').get() as Row | undefined;
  if (!row) throw new AppError('PROJECT_DAMAGED', `Project file "${file}" has no project record.`);
  const refs = db.prepare('SELECT asset_id FROM project_style_refs ORDER BY position').pluck().all() as string[];
  return projectFromRow(row, refs);
}

/** The whole document; shots in timeline order. */
export function readSnapshot(db: Db, dir: string, file: string): ProjectSnapshot {
  return db.transaction(() => {
    const refs = new Map<string, string[]>();
    const refRows = db.prepare('SELECT element_id, asset_id FROM element_refs ORDER BY element_id, position').all() as {
      element_id: string;
      asset_id: string;
    }[];
    for (const r of refRows) refs.set(r.element_id, [...(refs.get(r.element_id) ?? []), r.asset_id]);
    const elementRows = db.prepare('SELECT * FROM elements ORDER BY name, id').all() as Row[];
    const snap: ProjectSnapshot = {
      dir,
      project: readProject(db, file),
      scenes: (db.prepare('SELECT * FROM scenes ORDER BY position, id').all() as Row[]).map(sceneFromRow),
      shots: listShots(db),
      takes: listTakes(db),
      assets: (db.prepare('SELECT * FROM assets ORDER BY created_at, id').all() as Row[]).map(assetFromRow),
      elements: elementRows.map((r) => elementFromRow(r, refs.get(String(r.id)) ?? [])),
      jobs: listJobs(db),
      audioItems: (db.prepare('SELECT * FROM audio_items ORDER BY start_frame, id').all() as Row[]).map(
        audioItemFromRow,
      ),
      dialogueLines: readDialogueLines(db),
      templateVariables: readTemplateVariables(db),
      history: historyState(db),
    };
    const parsed = ProjectSnapshotSchema.safeParse(snap);
    if (!parsed.success)
      throw new AppError('PROJECT_DAMAGED', `Project "${dir}" could not be read: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  })();
}
