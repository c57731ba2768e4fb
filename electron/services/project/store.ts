/**
 * The project store: one open project folder (project.db + media/). Every document edit is
 * one transaction committed at once (there is no save step that could be lost) and records
 * one undo entry and one provenance row in the same transaction. Service records (assets,
 * takes, jobs, exports, settings) are written at once and are not undoable.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ShotPatch } from '../../../shared/api/contract.js';
import type { Asset, Job, MediaInfo, Project, ProjectSnapshot, Provenance, Shot, Take } from '../../../shared/model/entities.js';
import { assetToRow } from './rows.js';
import { AppError } from '../../../shared/errors.js';
import { ChangeRecorder } from './changes.js';
import { createProjectFile, type CreateInit } from './create.js';
import { diskFullError, integrityProblems, openProjectDb, sqliteCode, type Db, type OpenedDb, type ProjectDbOptions } from './db.js';
import { historyState, recordEdit, redoNext, undoLast, type HistoryState } from './history.js';
import { readProject, readSnapshot } from './snapshot.js';
import { Editor, type EditInfo } from './editor.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations/index.js';
import { assertProjectFile, upgradeProject, userVersion } from './migrations/runner.js';
import { assertOwnSchema } from './schemaCheck.js';
import { resolveInProject, toProjectRelative } from './paths.js';
import * as rec from './records.js';
import type { ExportRun, ExportState, JobFilter, ProvenanceInput } from './records.js';
import * as shots from './shots.js';
import type { AddShotInit } from './shots.js';

export type ProjectStoreOptions = ProjectDbOptions;
export type { AddShotInit, CreateInit, ExportRun, ExportState, HistoryState, JobFilter, ProvenanceInput };

const now = (): string => new Date().toISOString();

export class ProjectStore {
  private cached: ProjectSnapshot | null = null;

  /** `dir`: absolute path of the project folder. */
  private constructor(readonly dir: string, private handle: OpenedDb | null) {}

  /** Makes a new project in `dir` (created if needed) and opens it. */
  static create(dir: string, init: CreateInit, opts: ProjectStoreOptions = {}): ProjectStore {
    const abs = resolve(dir);
    createProjectFile(abs, init, opts, MIGRATIONS);
    return ProjectStore.open(abs, opts);
  }

  /**
   * Opens an existing project for exclusive use: refuses one open elsewhere (PROJECT_IN_USE),
   * checks the file (PROJECT_DAMAGED) and upgrades its schema, keeping a backup first.
   */
  static open(dir: string, opts: ProjectStoreOptions = {}): ProjectStore {
    const abs = resolve(dir);
    const handle = openProjectDb(abs, opts, (db, file) => {
      assertProjectFile(db, file, MIGRATIONS.length, APPLICATION_ID);
      // Before any statement reads a table: the schema must be exactly what our migrations make.
      assertOwnSchema(db, file, MIGRATIONS, userVersion(db), opts.nativeBinding);
    });
    try {
      upgradeProject(handle.db, handle.file, MIGRATIONS);
      const violations = handle.db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new AppError('PROJECT_DAMAGED', `Project file "${handle.file}" has ${violations.length} broken references between records.`);
      }
      mkdirSync(join(abs, 'media'), { recursive: true });
      const store = new ProjectStore(abs, handle);
      store.snapshot(); // reads and validates every record now, so damage is reported at open
      return store;
    } catch (err) {
      handle.close();
      throw err;
    }
  }

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

  private get db(): Db {
    if (!this.handle) throw new AppError('NO_PROJECT', `Project "${this.dir}" is closed.`);
    return this.handle.db;
  }

  /** Runs `fn` as one immediate transaction; a full disk is reported, with nothing changed. */
  private write<T>(fn: () => T): T {
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

  private edit<T>(action: string, shotId: string, details: Record<string, unknown>, fn: (r: ChangeRecorder) => T): T {
    return this.runEdit({ action, subjectType: 'shot', subjectId: shotId, details }, (_db, r) => fn(r));
  }

  /**
   * One undoable edit (also used by editor.ts): its changes, one history entry and one
   * provenance row, committed together; nothing is recorded when `fn` changed nothing.
   */
  runEdit<T>(what: EditInfo, fn: (db: Db, r: ChangeRecorder) => T): T {
    return this.write(() => {
      const recorder = new ChangeRecorder(this.db);
      const result = fn(this.db, recorder);
      if (recorder.changes.length > 0) {
        const at = now();
        recordEdit(this.db, what.action, recorder.changes, at);
        rec.addProvenance(this.db, { ...what, actor: 'user' }, at);
      }
      return result;
    });
  }

  /** For the project package's service modules (garbage.ts): one write transaction, not undoable. */
  runWrite<T>(fn: (db: Db) => T): T {
    return this.write(() => fn(this.db));
  }

  /** The editing operations of issue 3 (split, duplicate, many-shot moves, scenes, takes). */
  get editor(): Editor {
    return new Editor(this);
  }

  // ---- reading ----

  project(): Project {
    return readProject(this.db, this.file);
  }

  /**
   * The whole document; shots in timeline order. Validated against ProjectSnapshotSchema.
   * Kept until the next write (every write goes through write(), which drops it), so the
   * snapshot made at open or after an edit is not read and validated twice. Treat it as frozen.
   */
  snapshot(): ProjectSnapshot {
    this.cached ??= readSnapshot(this.db, this.dir, this.file);
    return this.cached;
  }

  getShot(id: string): Shot {
    return shots.requireShot(this.db, id);
  }

  getTake(id: string): Take {
    const take = rec.getTake(this.db, id);
    if (!take) throw new AppError('NOT_FOUND', `Take "${id}" not found in this project.`, { takeId: id });
    return take;
  }

  /** The asset with this sha256, or undefined (import asks this before storing a new file). */
  findAsset(id: string): Asset | undefined {
    return rec.getAsset(this.db, id) ?? undefined;
  }

  getAsset(id: string): Asset {
    const asset = rec.getAsset(this.db, id);
    if (!asset) throw new AppError('NOT_FOUND', `Asset "${id}" not found in this project's media.`, { assetId: id });
    return asset;
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

  // ---- undoable document edits ----

  addShot(init: AddShotInit): Shot {
    const id = randomUUID();
    const details = { index: init.index ?? null, title: init.title ?? '', clipAssetId: init.importedTake?.assetId ?? null };
    this.edit('shot.add', id, details, (r) => shots.addShot(this.db, r, init, id, randomUUID()));
    return this.getShot(id);
  }

  updateShot(id: string, patch: ShotPatch): Shot {
    this.edit('shot.update', id, { patch }, (r) => shots.updateShot(this.db, r, id, patch));
    return this.getShot(id);
  }

  removeShot(id: string): void {
    this.edit('shot.remove', id, {}, (r) => shots.removeShot(this.db, r, id));
  }

  moveShot(id: string, toIndex: number): void {
    this.edit('shot.move', id, { toIndex }, (r) => shots.moveShot(this.db, r, id, toIndex));
  }

  selectTake(shotId: string, takeId: string): Shot {
    this.edit('shot.selectTake', shotId, { takeId }, (r) => shots.selectTake(this.db, r, shotId, takeId));
    return this.getShot(shotId);
  }

  setTrim(shotId: string, inFrames: number, outFrames: number | null): Shot {
    this.edit('shot.setTrim', shotId, { inFrames, outFrames }, (r) => shots.setTrim(this.db, r, shotId, inFrames, outFrames));
    return this.getShot(shotId);
  }

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
    rec.addProvenance(this.db, { actor: 'user', action, subjectType: 'history', subjectId: String(entry.id), details: { label: entry.label } }, now());
    return true;
  }

  historyState(): HistoryState {
    return historyState(this.db);
  }

  // ---- service records (not undoable) ----

  /** `copyFacts`: the import's clip facts, kept out of every snapshot (records.ts upsertAsset). */
  upsertAsset(asset: Asset, copyFacts?: object | null): Asset {
    return this.write(() => rec.upsertAsset(this.db, asset, copyFacts));
  }

  /** The stored clip facts of these assets (ExportStorePort.clipFacts); not in the snapshot. */
  clipFacts(assetIds: readonly string[]): Map<string, unknown> {
    return rec.copyFactsOf(this.db, assetIds);
  }

  /**
   * Points an asset at another stored file (media/relink.ts): path, size and facts change, the
   * id and original name stay; the old file's clip facts go. One write with its provenance row.
   */
  relinkAsset(id: string, update: { path: string; bytes: number; info: MediaInfo }, details: Record<string, unknown>): Asset {
    return this.write(() => {
      const row = assetToRow({ ...this.getAsset(id), path: update.path, bytes: update.bytes, info: update.info });
      this.db.prepare('UPDATE assets SET path = ?, bytes = ?, kind = ?, info = ? WHERE id = ?').run(row.path, row.bytes, row.kind, row.info, id);
      this.db.prepare('DELETE FROM asset_copy_facts WHERE asset_id = ?').run(id);
      rec.addProvenance(this.db, { actor: 'user', action: 'asset.relink', subjectType: 'asset', subjectId: id, details }, now());
      return this.getAsset(id);
    });
  }

  /**
   * A consistent copy of the database at `file` through SQLite's online backup API, while the
   * project stays open (https://www.sqlite.org/backup.html; better-sqlite3 `db.backup`).
   */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  listAssets(): Asset[] {
    return rec.listAssets(this.db);
  }

  addTake(take: Take, opts: { selectIfNone: boolean }): Take {
    return this.write(() => rec.addTake(this.db, take, opts.selectIfNone));
  }

  /** A batch's job rows in one transaction: a crash never leaves a batch half-recorded. */
  createJobs(jobs: readonly Job[]): Job[] {
    return this.write(() => jobs.map((job) => rec.createJob(this.db, job)));
  }

  createJob(job: Job): Job {
    return this.write(() => rec.createJob(this.db, job));
  }

  updateJob(id: string, patch: Partial<Job>): Job {
    return this.write(() => rec.updateJob(this.db, id, patch, now()));
  }

  getJob(id: string): Job {
    const job = rec.getJob(this.db, id);
    if (!job) throw new AppError('NOT_FOUND', `Job "${id}" not found in this project.`, { jobId: id });
    return job;
  }

  listJobs(filter?: JobFilter): Job[] {
    return rec.listJobs(this.db, filter);
  }

  recordExportStart(run: ExportRun): void {
    this.write(() => rec.recordExportStart(this.db, run, now()));
  }

  updateExport(id: string, update: { state: ExportState; pid?: number | null }): void {
    this.write(() => rec.updateExport(this.db, id, update, now()));
  }

  unfinishedExports(): ExportRun[] {
    return rec.unfinishedExports(this.db);
  }

  addProvenance(entry: ProvenanceInput): Provenance {
    return this.write(() => rec.addProvenance(this.db, entry, now()));
  }

  listProvenance(filter?: { subjectType?: string; subjectId?: string }): Provenance[] {
    return rec.listProvenance(this.db, filter);
  }

  getSetting(key: string): string | null {
    return rec.getSetting(this.db, key);
  }

  setSetting(key: string, value: string): void {
    this.write(() => rec.setSetting(this.db, key, value));
  }

  /** The project's spending cap for generation (null: none). A setting, not an undoable edit. */
  setBudgetCap(cap: number | null): void {
    this.write(() => this.db.prepare('UPDATE project SET budget_cap = ?').run(cap));
  }
}
