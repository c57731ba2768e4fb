/**
 * The project file is data, never code. SQLite stores views and triggers IN the database file
 * and runs them on the app's own statements: a view named like one of our tables can hold an
 * endless recursive query (every read hangs), a trigger can delete rows behind an edit.
 * Neither `quick_check` nor `trusted_schema=OFF` stops that: trusted_schema only keeps
 * functions with side effects and virtual tables out of schema code
 * (https://www.sqlite.org/pragma.html#pragma_trusted_schema); "the database schema might
 * contain triggers or views that behave badly" is the case https://www.sqlite.org/security.html
 * tells applications reading untrusted files to defend against.
 *
 * So on open, BEFORE any statement reads a table, the file's schema (every row of
 * sqlite_schema: tables, columns — they live in each table's CREATE text —, indexes, triggers,
 * views, by name and SQL) is compared with the one this app's own migrations make, built by
 * running them into an in-memory database. Anything else refuses the open with
 * PROJECT_FOREIGN naming the objects. Reading sqlite_schema runs no schema code.
 *
 * Why this is the time bound better-sqlite3 can't give us (it has no sqlite3_progress_handler
 * API, and a statement runs synchronously on the calling thread): once the schema is exactly
 * ours, the only SQL that ever runs is the app's fixed statements over the app's own tables
 * and indexes, whose cost is bounded by the file's size; no stored code (view, trigger,
 * generated column, CHECK we didn't write) is left that could loop. The repaired copy
 * (repair.ts) drops the foreign objects without ever running them.
 */
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';
import type { Migration } from './migrations/runner.js';

export interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

export interface SchemaDifference {
  type: string;
  name: string;
  /** foreign: the app never makes it; changed: same name, other SQL; missing: ours, absent. */
  problem: 'foreign' | 'changed' | 'missing';
}

/** Every object in the file's schema, as stored. Reads sqlite_schema only (no table, no view). */
export function schemaOf(db: Db): SchemaObject[] {
  return db
    .prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_schema ORDER BY type, name')
    .all() as SchemaObject[];
}

const expectedCache = new Map<string, SchemaObject[]>();

/** The schema migrations 1..version make, from an in-memory database (cached per version). */
export function expectedSchema(
  migrations: readonly Migration[],
  version: number,
  nativeBinding?: string,
): SchemaObject[] {
  const key = `${version}/${migrations.length}`;
  const cached = expectedCache.get(key);
  if (cached) return cached;
  const mem = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    // Not runner.migrate: its test kill hook must never fire on this scratch database.
    for (const m of migrations.slice(0, version)) m.up(mem);
    const schema = schemaOf(mem);
    expectedCache.set(key, schema);
    return schema;
  } finally {
    mem.close();
  }
}

const keyOf = (o: { type: string; name: string }): string => `${o.type}\u0000${o.name}`;

/** What differs between the file's schema and the expected one; empty when it is ours exactly. */
export function schemaDifferences(
  actual: readonly SchemaObject[],
  expected: readonly SchemaObject[],
): SchemaDifference[] {
  const want = new Map(expected.map((o) => [keyOf(o), o]));
  const have = new Map(actual.map((o) => [keyOf(o), o]));
  const out: SchemaDifference[] = [];
  for (const o of actual) {
    const w = want.get(keyOf(o));
    if (!w) out.push({ type: o.type, name: o.name, problem: 'foreign' });
    else if (w.sql !== o.sql || w.tblName !== o.tblName) out.push({ type: o.type, name: o.name, problem: 'changed' });
  }
  for (const o of expected) if (!have.has(keyOf(o))) out.push({ type: o.type, name: o.name, problem: 'missing' });
  return out.sort(byDanger);
}

function describe(d: SchemaDifference): string {
  const what = `${d.type} "${d.name}"`;
  const a = /^[aeiou]/.test(d.type) ? 'an' : 'a';
  return d.problem === 'foreign'
    ? `${a} ${what} Storyboard never makes`
    : d.problem === 'changed'
      ? `a changed ${what}`
      : `no ${what}`;
}

/** Stored code first (it is what could run), then foreign before changed before missing. */
const TYPE_RANK: Record<string, number> = { trigger: 0, view: 1, table: 2, index: 3 };
const PROBLEM_RANK: Record<SchemaDifference['problem'], number> = { foreign: 0, changed: 1, missing: 2 };
function byDanger(a: SchemaDifference, b: SchemaDifference): number {
  return (
    (TYPE_RANK[a.type] ?? 4) - (TYPE_RANK[b.type] ?? 4) ||
    PROBLEM_RANK[a.problem] - PROBLEM_RANK[b.problem] ||
    a.name.localeCompare(b.name)
  );
}

/**
 * Refuses a file whose schema is not exactly what the migrations up to its version make
 * (PROJECT_FOREIGN, naming the objects). The file is not modified. `version` is the file's
 * user_version, already checked by assertProjectFile.
 */
export function assertOwnSchema(
  db: Db,
  file: string,
  migrations: readonly Migration[],
  version: number,
  nativeBinding?: string,
): void {
  const diffs = schemaDifferences(schemaOf(db), expectedSchema(migrations, version, nativeBinding));
  if (diffs.length === 0) return;
  const shown = diffs.slice(0, 3).map(describe).join('; ');
  const more = diffs.length > 3 ? ` and ${diffs.length - 3} more` : '';
  throw new AppError(
    'PROJECT_FOREIGN',
    `Project file "${file}" contains ${shown}${more}. Storyboard did not open it, because stored code could run on your data. Open a repaired copy instead: it keeps your shots, takes and media and leaves the foreign objects out.`,
    { file, objects: diffs.slice(0, 50), first: diffs[0]?.name ?? '', messageKey: 'hardening.error.projectForeign' },
  );
}
