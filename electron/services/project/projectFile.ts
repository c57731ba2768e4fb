/**
 * The open project file (project.db): the single-open handle, write transactions, the one way
 * to make an undoable edit, undo/redo, integrity checks and online backup. ProjectStore
 * (store.ts) builds the document's aggregates and the service records on top of it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import { ChangeRecorder } from './changes.js';
import {
  diskFullError,
  integrityProblems,
  openProjectDb,
  sqliteCode,
  type Db,
  type OpenedDb,
  type ProjectDbOptions,
} from './db.js';
import { historyState, recordEdit, redoNext, undoLast, type HistoryState } from './history.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations/index.js';
import { assertProjectFile, upgradeProject, userVersion } from './migrations/runner.js';
import { resolveInProject, toProjectRelative } from './paths.js';
import * as provenance from './provenance.js';
import { assertOwnSchema } from './schemaCheck.js';

const now = (): string => new Date().toISOString();

/** What an undoable edit records in provenance: the action (also the undo label) and its subject. */
export interface EditInfo {
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

/**
 * Opens the project database in `abs` for exclusive use: refuses one open elsewhere
 * (PROJECT_IN_USE), checks the file (PROJECT_DAMAGED) and upgrades its schema, keeping a backup
 * first; makes the media folder. Closes the handle again when any of it fails.
 */
export function openProjectFile(abs: string, opts: ProjectDbOptions): OpenedDb {
  const handle = openProjectDb(abs, opts, (db, file) => {
    assertProjectFile(db, file, MIGRATIONS.length, APPLICATION_ID);
    // Before any statement reads a table: the schema must be exactly what our migrations make.
    assertOwnSchema(db, file, MIGRATIONS, userVersion(db), opts.nativeBinding);
  });
  try {
    upgradeProject(handle.db, handle.file, MIGRATIONS);
    const violations = handle.db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new AppError(
        'PROJECT_DAMAGED',
        `Project file "${handle.file}" has ${violations.length} broken references between records.`,
      );
    }
    mkdirSync(join(abs, 'media'), { recursive: true });
    return handle;
  } catch (err) {
    handle.close();
    throw err;
  }
}

export abstract class ProjectFile {
  /** The snapshot read since the last write (ProjectStore.snapshot); every write drops it. */
  protected cached: ProjectSnapshot | null = null;

  /** `dir`: absolute path of the project folder. */
  protected constructor(
    readonly dir: string,
    private handle: OpenedDb | null,
  ) {}

  get file(): string {
    return join(this.dir, 'project.db');
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  /** Closes the database and releases the single-open lock. Safe to call twice. */
  close(): void {
    const h = this.handle;
    this.handle = null;
    this.cached = null;
    h?.close();
  }

  protected get db(): Db {
    if (!this.handle) throw new AppError('NO_PROJECT', `Project "${this.dir}" is closed.`);
    return this.handle.db;
  }

  /** Runs `fn` as one immediate transaction; a full disk is reported, with nothing changed. */
  protected write<T>(fn: () => T): T {
    this.cached = null;
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      if (sqliteCode(err).startsWith('SQLITE_FULL')) throw diskFullError(this.file);
      throw err;
    } finally {
      this.cached = null; // a snapshot read inside fn may show a state that was rolled back
    }
  }

  /**
   * The one way to make an undoable edit (called by the aggregates above): its changes, one
   * history entry and one provenance row, committed together; nothing is recorded when `fn`
   * changed nothing.
   */
  runEdit<T>(what: EditInfo, fn: (db: Db, r: ChangeRecorder) => T): T {
    return this.write(() => {
      const recorder = new ChangeRecorder(this.db);
      const result = fn(this.db, recorder);
      if (recorder.changes.length > 0) {
        const at = now();
        recordEdit(this.db, what.action, recorder.changes, at);
        provenance.addProvenance(this.db, { ...what, actor: 'user' }, at);
      }
      return result;
    });
  }

  /** For the project package's service modules (e.g. the speech cache): one write transaction, not undoable. */
  runWrite<T>(fn: (db: Db) => T): T {
    return this.write(() => fn(this.db));
  }

  /** Absolute path of a stored project-relative path; FORBIDDEN if it points outside the folder. */
  absPath(relPath: string): string {
    return resolveInProject(this.dir, relPath);
  }

  /** Project-relative form (forward slashes) of an absolute path inside the project folder. */
  relPath(absPath: string): string {
    return toProjectRelative(this.dir, absPath);
  }

  /** Full integrity_check plus foreign_key_check; slower than the quick_check made at open. */
  checkIntegrity(): { ok: boolean; problems: string[] } {
    const problems = integrityProblems(this.db, 'integrity_check');
    const fk = this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    problems.push(...fk.map((v) => `${v.table} row ${v.rowid} refers to a missing ${v.parent} record`));
    return { ok: problems.length === 0, problems };
  }

  // ---- history ----

  /** Reverts the latest edit; false when there is nothing to undo. */
  undo(): boolean {
    return this.write(() => this.logHistoryMove('history.undo', undoLast(this.db)));
  }

  /** Re-applies the latest undone edit; false when there is nothing to redo. */
  redo(): boolean {
    return this.write(() => this.logHistoryMove('history.redo', redoNext(this.db)));
  }

  private logHistoryMove(action: string, entry: { id: number; label: string } | null): boolean {
    if (!entry) return false;
    provenance.addProvenance(
      this.db,
      { actor: 'user', action, subjectType: 'history', subjectId: String(entry.id), details: { label: entry.label } },
      now(),
    );
    return true;
  }

  historyState(): HistoryState {
    return historyState(this.db);
  }

  /**
   * A consistent copy of the database at `file` through SQLite's online backup API, while the
   * project stays open (https://www.sqlite.org/backup.html; better-sqlite3 `db.backup`).
   */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }
}
