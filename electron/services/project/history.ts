/**
 * The undo log, kept in the project file so it survives a restart (design.md §4). Each row
 * is one edit's change list (changes.ts). Rows with undone = 1 are the redo branch; a new
 * edit drops them. All functions here run inside the caller's transaction.
 */
import { AppError } from '../../../shared/errors.js';
import { ChangesSchema, prepared, redoChanges, undoChanges, type Change } from './changes.js';
import type { Db } from './db.js';
import { parseJson } from './rows.js';

/** Oldest entries beyond this many are forgotten. */
export const HISTORY_LIMIT = 500;

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** Changes on every document change (edit, undo, redo, a take chosen by a job). */
  revision: number;
  /** The action names of the edits undo and redo would apply next (e.g. "shots.split"). */
  undoLabel?: string;
  redoLabel?: string;
}

export interface HistoryEntry {
  id: number;
  label: string;
}

export function bumpRevision(db: Db): void {
  prepared(db, 'UPDATE project SET revision = revision + 1').run();
}

export function recordEdit(db: Db, label: string, changes: readonly Change[], at: string): number {
  prepared(db, 'DELETE FROM history WHERE undone = 1').run();
  const res = prepared(db, 'INSERT INTO history (at, label, changes, undone) VALUES (?, ?, ?, 0)').run(
    at,
    label,
    JSON.stringify(changes),
  );
  prepared(db, 'DELETE FROM history WHERE id <= ?').run(Number(res.lastInsertRowid) - HISTORY_LIMIT);
  bumpRevision(db);
  return Number(res.lastInsertRowid);
}

interface HistoryRow {
  id: number;
  label: string;
  changes: string;
}

function loadChanges(row: HistoryRow): Change[] {
  const parsed = ChangesSchema.safeParse(parseJson(row.changes, `undo history entry ${row.id}`));
  if (!parsed.success)
    throw new AppError('PROJECT_DAMAGED', `The project's undo history entry ${row.id} ("${row.label}") is malformed.`);
  return parsed.data;
}

/** Reverts the latest done edit; null when there is nothing to undo. */
export function undoLast(db: Db): HistoryEntry | null {
  const row = db.prepare('SELECT id, label, changes FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as
    HistoryRow | undefined;
  if (!row) return null;
  undoChanges(db, loadChanges(row));
  db.prepare('UPDATE history SET undone = 1 WHERE id = ?').run(row.id);
  bumpRevision(db);
  return { id: row.id, label: row.label };
}

/** Re-applies the earliest undone edit; null when there is nothing to redo. */
export function redoNext(db: Db): HistoryEntry | null {
  const row = db.prepare('SELECT id, label, changes FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as
    HistoryRow | undefined;
  if (!row) return null;
  redoChanges(db, loadChanges(row));
  db.prepare('UPDATE history SET undone = 0 WHERE id = ?').run(row.id);
  bumpRevision(db);
  return { id: row.id, label: row.label };
}

export function historyState(db: Db): HistoryState {
  const row = db
    .prepare(
      `SELECT
      (SELECT label FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1) AS undo_label,
      (SELECT label FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1) AS redo_label,
      (SELECT revision FROM project) AS revision`,
    )
    .get() as { undo_label: string | null; redo_label: string | null; revision: number | null };
  return {
    canUndo: row.undo_label !== null,
    canRedo: row.redo_label !== null,
    revision: row.revision ?? 0,
    ...(row.undo_label !== null && { undoLabel: row.undo_label }),
    ...(row.redo_label !== null && { redoLabel: row.redo_label }),
  };
}
