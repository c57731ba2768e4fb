/**
 * Opening a project database: pragmas, the single-open lock and the damage check.
 *
 * Single-open (DATA-10): the connection runs in `locking_mode=EXCLUSIVE` with WAL, so SQLite
 * takes an OS lock on project.db at the first access and keeps it for the connection's life
 * (https://www.sqlite.org/wal.html#noshm). A second connection (another process or this one)
 * fails at once with SQLITE_BUSY because the busy timeout is 0; we report that as
 * PROJECT_IN_USE. The OS drops the lock when the process dies, even on kill -9, so there is no
 * stale lock file to clean up. A module-level set of open real paths refuses a second open in
 * the same process before SQLite is even asked.
 */
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors.js';

export type Db = Database.Database;

/** Options for opening or creating a project. */
export interface ProjectDbOptions {
  /**
   * Path of a better_sqlite3.node to load instead of the default one; Electron main passes a
   * build for Electron's ABI here.
   */
  nativeBinding?: string;
}

export const DB_FILE = 'project.db';

const openFiles = new Set<string>();

/** The message every "already open" refusal uses, so the UI and tests see one wording. */
export function inUseError(dir: string): AppError {
  return keyedError(
    'PROJECT_IN_USE',
    'serviceErrors.projectInUse',
    { dir },
    `Project "${dir}" is already open in another Storyboard window or process.`,
  );
}

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

export function sqliteCode(err: unknown): string {
  const code = (err as SqliteLikeError | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Turns a SQLite failure during open into the user-facing error it stands for. */
export function mapOpenError(err: unknown, dir: string, file: string): unknown {
  if (err instanceof AppError) return err;
  const code = sqliteCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return inUseError(dir);
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return keyedError(
      'PROJECT_DAMAGED',
      'pathErrors.project.damaged',
      { file },
      `Project file "${file}" is damaged or is not a Storyboard project (${detail}).`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return new AppError(
      'OUTPUT_NOT_WRITABLE',
      `Project file "${file}" cannot be opened for writing (${detail}). Check the folder's permissions.`,
      { file },
    );
  }
  if (code.startsWith('SQLITE_FULL')) return diskFullError(file);
  return err;
}

export function diskFullError(file: string): AppError {
  return new AppError(
    'OUTPUT_NOT_WRITABLE',
    `The disk holding "${file}" is full: the change was not saved and the project is unchanged. Free some space and try again.`,
    { file },
  );
}

/** Lists what quick_check / integrity_check found; an empty list means the file is sound. */
export function integrityProblems(db: Db, pragma: 'quick_check' | 'integrity_check'): string[] {
  const rows = db.pragma(pragma) as Record<string, unknown>[];
  const lines = rows.map((r) => String(Object.values(r)[0]));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/** Checks made by reading only, before anything is written to the file. */
export type FileCheck = (db: Db, file: string) => void;

function configure(db: Db, file: string, check: FileCheck): void {
  // Untrusted-file hardening (https://www.sqlite.org/security.html). DEFENSIVE is on by
  // default in better-sqlite3. These pragmas don't touch the file, so they can't fail on a lock.
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('mmap_size = 0');
  // Must be set before the first access so WAL runs without shared memory and the lock is
  // exclusive for the connection's life (see the header comment).
  db.pragma('locking_mode = EXCLUSIVE');
  // Read-only checks first: a foreign or damaged file is reported without being modified.
  // `check` (what the file is, and that its schema is exactly ours: schemaCheck.ts) reads only
  // pragmas and sqlite_schema, so it comes before quick_check, which reads every table.
  check(db, file);
  const problems = integrityProblems(db, 'quick_check');
  if (problems.length > 0) {
    throw keyedError(
      'PROJECT_DAMAGED',
      'pathErrors.project.damagedCheck',
      { file },
      `Project file "${file}" is damaged (${problems.slice(0, 3).join('; ')}). It was not changed; restore it from a backup.`,
      { problems: problems.slice(0, 20) },
    );
  }
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`SQLite refused WAL mode (got "${String(mode)}")`);
  // better-sqlite3 is built with WAL defaulting to NORMAL; FULL also syncs the WAL on every
  // commit, so an acknowledged edit survives power loss, not only a crash (reliability A2.3).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // An empty write transaction takes the exclusive lock now, not at the first edit.
  db.exec('BEGIN IMMEDIATE');
  db.exec('COMMIT');
}

export interface OpenedDb {
  db: Db;
  file: string;
  /** Closes the connection (releasing the OS lock) and forgets the path. Idempotent. */
  close(): void;
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens `<dir>/project.db` for exclusive use after checking it is sound (quick_check) and
 * passes `check` (run before any write). `dir` must be absolute.
 */
export function openProjectDb(dir: string, opts: ProjectDbOptions, check: FileCheck): OpenedDb {
  const file = join(dir, DB_FILE);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw keyedError(
      'NOT_FOUND',
      'pathErrors.project.notProject',
      { dir, file: DB_FILE },
      `No Storyboard project in "${dir}" (${DB_FILE} not found).`,
    );
  }
  // Every edit is saved at once, so a project this user cannot write cannot be opened: said as
  // such, not as the error SQLite gives later (SQLITE_IOERR_LOCK "disk I/O error" on a file it
  // may only read, CANTOPEN when the -wal cannot be made beside it).
  if (!canWrite(file) || !canWrite(dir)) {
    throw keyedError(
      'OUTPUT_NOT_WRITABLE',
      'pathErrors.project.readOnly',
      { dir, file: DB_FILE },
      `The project in "${dir}" cannot be opened: you cannot write to its folder or ${DB_FILE}, and every change is saved there at once.`,
    );
  }
  const key = realpathSync(file);
  if (openFiles.has(key)) throw inUseError(dir);
  openFiles.add(key);
  let db: Db | null = null;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0, nativeBinding: opts.nativeBinding });
    configure(db, file, check);
  } catch (err) {
    try {
      db?.close();
    } catch {
      // The original error is the one worth reporting.
    }
    openFiles.delete(key);
    throw mapOpenError(err, dir, file);
  }
  const opened = db;
  let closed = false;
  return {
    db: opened,
    file,
    close() {
      if (closed) return;
      closed = true;
      try {
        opened.close();
      } finally {
        openFiles.delete(key);
      }
    },
  };
}
