/** The provenance table: who did what to which subject, when (every edit writes one row). */
import type { Provenance } from '../../../shared/model/entities.js';
import { prepared } from './changes.js';
import type { Db } from './db.js';
import { provenanceFromRow } from './recordRows.js';
import type { Row } from './rows.js';

export type ProvenanceInput = Omit<Provenance, 'id' | 'at'>;

export function addProvenance(db: Db, entry: ProvenanceInput, now: string): Provenance {
  const details = JSON.stringify(entry.details ?? {});
  const res = prepared(
    db,
    'INSERT INTO provenance (at, actor, action, subject_type, subject_id, details) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(now, String(entry.actor), String(entry.action), String(entry.subjectType), String(entry.subjectId), details);
  return { id: Number(res.lastInsertRowid), at: now, ...entry };
}

export function listProvenance(db: Db, filter: { subjectType?: string; subjectId?: string } = {}): Provenance[] {
  const rows = db
    .prepare(
      `SELECT * FROM provenance
      WHERE (@type IS NULL OR subject_type = @type) AND (@id IS NULL OR subject_id = @id) ORDER BY id`,
    )
    .all({ type: filter.subjectType ?? null, id: filter.subjectId ?? null }) as Row[];
  return rows.map(provenanceFromRow);
}
