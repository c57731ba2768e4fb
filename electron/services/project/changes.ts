/**
 * A generic row-level change log, the engine behind undo/redo. An edit makes its writes
 * through a ChangeRecorder, which keeps the before and after image of every row it touches
 * (only the changed columns for an update, so undoing a title edit can never roll back a take
 * selected since). Undo applies the before images in reverse order; redo applies the after
 * images in order. New kinds of edit get undo for free by writing through the recorder.
 *
 * The log is stored in the project file, which is untrusted input: changes are parsed with
 * zod, tables come from a fixed list and columns are checked against the live schema before
 * any name reaches SQL.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';
import { insertSql, type SqlValue } from './rows.js';

/** Document tables an edit may change, with their primary key columns. */
export const DOC_TABLES = {
  project: ['id'],
  project_style_refs: ['position'],
  scenes: ['id'],
  shots: ['id'],
  // Only rating and removed are edited through the log; rows are added by services (takes.ts).
  takes: ['id'],
  shot_elements: ['shot_id', 'element_id'],
  elements: ['id'],
  element_refs: ['element_id', 'position'],
  audio_items: ['id'],
  dialogue_lines: ['id'],
  delivery_presets: ['id'],
  template_variables: ['name'],
} as const;
export type DocTable = keyof typeof DOC_TABLES;

const TableSchema = z.enum(Object.keys(DOC_TABLES) as [DocTable, ...DocTable[]]);
const ValuesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export const ChangeSchema = z.object({
  table: TableSchema,
  key: ValuesSchema,
  before: ValuesSchema.nullable(),
  after: ValuesSchema.nullable(),
});
export type Values = Record<string, SqlValue>;
export type Change = z.infer<typeof ChangeSchema>;
export const ChangesSchema = z.array(ChangeSchema);

const columnCache = new WeakMap<Db, Map<string, Set<string>>>();
const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepared once per connection and SQL text: an edit moving 500 shots runs ~1000 statements. */
export function prepared(db: Db, sql: string): Database.Statement {
  let perDb = statementCache.get(db);
  if (!perDb) {
    perDb = new Map();
    statementCache.set(db, perDb);
  }
  let stmt = perDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    perDb.set(sql, stmt);
  }
  return stmt;
}

function columnsOf(db: Db, table: DocTable): Set<string> {
  let perDb = columnCache.get(db);
  if (!perDb) {
    perDb = new Map();
    columnCache.set(db, perDb);
  }
  let cols = perDb.get(table);
  if (!cols) {
    const info = db.pragma(`table_info(${table})`) as { name: string }[];
    cols = new Set(info.map((c) => c.name));
    perDb.set(table, cols);
  }
  return cols;
}

function checkColumns(db: Db, table: DocTable, names: Iterable<string>): void {
  const cols = columnsOf(db, table);
  for (const name of names) {
    if (!cols.has(name))
      throw new AppError('PROJECT_DAMAGED', `The undo history names an unknown column "${table}.${name}".`);
  }
}

function keyOf(table: DocTable, row: Values): Values {
  const key: Values = {};
  for (const col of DOC_TABLES[table]) {
    const v = row[col];
    if (v === undefined) throw new Error(`Row of ${table} lacks key column ${col}`);
    key[col] = v;
  }
  return key;
}

function where(key: Values): { sql: string; params: SqlValue[] } {
  const cols = Object.keys(key);
  return { sql: cols.map((c) => `"${c}" = ?`).join(' AND '), params: cols.map((c) => key[c] ?? null) };
}

function selectRow(db: Db, table: DocTable, key: Values): Values | null {
  checkColumns(db, table, Object.keys(key));
  const w = where(key);
  return (prepared(db, `SELECT * FROM ${table} WHERE ${w.sql}`).get(...w.params) as Values | undefined) ?? null;
}

function insertRow(db: Db, table: DocTable, row: Values): void {
  checkColumns(db, table, Object.keys(row));
  prepared(db, insertSql(table, row)).run(...Object.values(row));
}

function updateRow(db: Db, table: DocTable, key: Values, values: Values): void {
  const cols = Object.keys(values);
  if (cols.length === 0) return;
  checkColumns(db, table, [...cols, ...Object.keys(key)]);
  const w = where(key);
  const set = cols.map((c) => `"${c}" = ?`).join(', ');
  const res = prepared(db, `UPDATE ${table} SET ${set} WHERE ${w.sql}`).run(
    ...cols.map((c) => values[c] ?? null),
    ...w.params,
  );
  if (res.changes !== 1) throw new AppError('INTERNAL', `A row of ${table} the history refers to is missing.`);
}

function deleteRow(db: Db, table: DocTable, key: Values): void {
  checkColumns(db, table, Object.keys(key));
  const w = where(key);
  const res = prepared(db, `DELETE FROM ${table} WHERE ${w.sql}`).run(...w.params);
  if (res.changes !== 1) throw new AppError('INTERNAL', `A row of ${table} the history refers to is missing.`);
}

/** Makes an edit's writes and remembers how to undo and redo them. Use inside a transaction. */
export class ChangeRecorder {
  readonly changes: Change[] = [];

  constructor(private readonly db: Db) {}

  insert(table: DocTable, row: Values): void {
    insertRow(this.db, table, row);
    this.changes.push({ table, key: keyOf(table, row), before: null, after: { ...row } });
  }

  /** Updates the columns of `values` that actually differ; records nothing when none do. */
  update(table: DocTable, key: Values, values: Values): void {
    const current = selectRow(this.db, table, key);
    if (!current) throw new Error(`No ${table} row ${JSON.stringify(key)}`);
    const before: Values = {};
    const after: Values = {};
    for (const [col, value] of Object.entries(values)) {
      if (current[col] === value) continue;
      before[col] = current[col] ?? null;
      after[col] = value;
    }
    if (Object.keys(after).length === 0) return;
    updateRow(this.db, table, key, after);
    this.changes.push({ table, key, before, after });
  }

  delete(table: DocTable, key: Values): void {
    const current = selectRow(this.db, table, key);
    if (!current) throw new Error(`No ${table} row ${JSON.stringify(key)}`);
    deleteRow(this.db, table, key);
    this.changes.push({ table, key, before: current, after: null });
  }
}

/** Puts one change's `to` image in place: null deletes the row, a full row inserts it. */
function applyImage(db: Db, change: Change, from: Values | null, to: Values | null): void {
  if (to === null) deleteRow(db, change.table, change.key);
  else if (from === null) insertRow(db, change.table, to);
  else updateRow(db, change.table, change.key, to);
}

export function undoChanges(db: Db, changes: readonly Change[]): void {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i] as Change;
    applyImage(db, c, c.after, c.before);
  }
}

export function redoChanges(db: Db, changes: readonly Change[]): void {
  for (const c of changes) applyImage(db, c, c.before, c.after);
}
