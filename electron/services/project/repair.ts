/**
 * The repaired copy of a project refused with PROJECT_FOREIGN (schemaCheck.ts): a new folder
 * whose project.db has exactly the schema our migrations make, with the user's rows, and the
 * media they list. The original is never modified.
 *
 * The database is copied with the backup API (pages, no SQL of the file runs), then fixed on the
 * copy, in one transaction, without ever running stored code: triggers first (so no write below
 * can fire one), then views, foreign indexes and tables (dropping an object doesn't run it), then
 * each changed table is rebuilt from our CREATE statement, copying the columns it shares with
 * ours (legacy_alter_table so the rename rewrites nothing else:
 * https://www.sqlite.org/lang_altertable.html#alter_table_rename), and missing objects are made.
 */
import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { DB_FILE, mapOpenError, type Db } from './db.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations/index.js';
import { applicationId, userVersion, type Migration } from './migrations/runner.js';
import { copyProject, type CopyProjectResult } from './projectCopy.js';
import {
  expectedSchema,
  schemaDifferences,
  schemaOf,
  type SchemaDifference,
  type SchemaObject,
} from './schemaCheck.js';

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function columnsOf(db: Db, table: string): string[] {
  // table_xinfo hidden: 0 plain, 1 virtual-table hidden, 2/3 generated columns (never copied).
  const rows = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`).all(table) as {
    name: string;
    hidden: number;
  }[];
  return rows.filter((r) => r.hidden === 0).map((r) => r.name);
}

/** Makes the schema of the database in `db` exactly `expected`; returns what was fixed. */
export function repairSchema(db: Db, expected: readonly SchemaObject[]): SchemaDifference[] {
  const diffs = schemaDifferences(schemaOf(db), expected);
  if (diffs.length === 0) return diffs;
  const want = new Map(expected.map((o) => [`${o.type}\u0000${o.name}`, o]));
  const bad = (type: string): SchemaDifference[] => diffs.filter((d) => d.type === type && d.problem !== 'missing');
  db.pragma('foreign_keys = OFF');
  db.pragma('legacy_alter_table = ON');
  db.transaction(() => {
    for (const d of bad('trigger')) db.exec(`DROP TRIGGER IF EXISTS ${q(d.name)}`);
    for (const d of bad('view')) db.exec(`DROP VIEW IF EXISTS ${q(d.name)}`);
    for (const d of bad('index'))
      if (!d.name.startsWith('sqlite_autoindex_')) db.exec(`DROP INDEX IF EXISTS ${q(d.name)}`);
    for (const d of bad('table')) {
      if (d.problem === 'foreign') {
        if (d.name !== 'sqlite_sequence') db.exec(`DROP TABLE IF EXISTS ${q(d.name)}`);
        continue;
      }
      const ours = want.get(`table\u0000${d.name}`);
      if (!ours?.sql) continue;
      const old = `_sb_repair_${d.name}`;
      db.exec(`ALTER TABLE ${q(d.name)} RENAME TO ${q(old)}`);
      db.exec(ours.sql);
      const have = new Set(columnsOf(db, old));
      const cols = columnsOf(db, d.name)
        .filter((c) => have.has(c))
        .map(q)
        .join(', ');
      if (cols) db.exec(`INSERT OR IGNORE INTO ${q(d.name)} (${cols}) SELECT ${cols} FROM ${q(old)}`);
      db.exec(`DROP TABLE ${q(old)}`);
    }
    // Indexes of rebuilt tables went with the old table; make every one that is now missing.
    const now = schemaDifferences(schemaOf(db), expected).filter((d) => d.problem === 'missing');
    for (const type of ['table', 'index', 'view', 'trigger']) {
      for (const d of now.filter((x) => x.type === type)) {
        const sql = want.get(`${type}\u0000${d.name}`)?.sql;
        if (sql) db.exec(sql);
      }
    }
  })();
  const left = schemaDifferences(schemaOf(db), expected);
  if (left.length > 0) {
    throw new AppError(
      'INTERNAL',
      `The repaired copy still differs from Storyboard's schema (${left.map((d) => `${d.type} ${d.name}`).join(', ')}).`,
    );
  }
  return diffs;
}

/** Opens the copied file and repairs it for its own schema version. */
function repairFile(file: string, migrations: readonly Migration[], nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('trusted_schema = OFF');
    const version = userVersion(db);
    if (version === 0 || version > migrations.length || applicationId(db) !== APPLICATION_ID) {
      throw new AppError('PROJECT_DAMAGED', `"${file}" is not a Storyboard project this version can repair.`, { file });
    }
    repairSchema(db, expectedSchema(migrations, version, nativeBinding));
  } finally {
    db.close();
  }
}

export interface RepairOptions {
  nativeBinding?: string;
}

/**
 * Writes the repaired copy of the project in `srcDir` to `destDir` (new or empty). The copy's
 * schema is exactly ours; it is then opened like any project (and upgraded if older).
 */
export async function makeRepairedCopy(
  srcDir: string,
  destDir: string,
  opts: RepairOptions = {},
): Promise<CopyProjectResult> {
  const src = resolve(srcDir);
  const file = join(src, DB_FILE);
  let source: Db;
  try {
    // Not readonly: a WAL file needs its -shm. Nothing is written: only the backup API reads it.
    source = new Database(file, {
      fileMustExist: true,
      timeout: 0,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    source.pragma('trusted_schema = OFF');
  } catch (err) {
    throw mapOpenError(err, src, file);
  }
  try {
    return await copyProject({
      srcDir: src,
      destDir,
      backupDb: async (to) => {
        await source.backup(to);
      },
      fixDb: (copy) => repairFile(copy, MIGRATIONS, opts.nativeBinding),
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } finally {
    source.close();
  }
}

/** A free folder name beside the project for its repaired copy: "<dir> (repaired)", "(repaired 2)", … */
export function repairedCopyDir(srcDir: string, exists: (p: string) => boolean): string {
  const base = resolve(srcDir);
  for (let i = 1; ; i++) {
    const candidate = `${base} (repaired${i === 1 ? '' : ` ${i}`})`;
    if (!exists(candidate)) return candidate;
  }
}
