/**
 * The project store: one open project folder (project.db + media/). Every document edit is
 * one transaction committed at once (there is no save step that could be lost) and records
 * one undo entry and one provenance row in the same transaction. Service records (assets,
 * takes, jobs, exports, settings) are written at once and are not undoable. The open file
 * itself (transactions, runEdit, undo/redo, integrity, backup) is ProjectFile (projectFile.ts).
 */
import { resolve } from 'node:path';
import type {
  Asset,
  Job,
  MediaInfo,
  Project,
  ProjectSnapshot,
  Provenance,
  Shot,
  Take,
} from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import { createProjectFile, type CreateInit } from './create.js';
import type { OpenedDb, ProjectDbOptions } from './db.js';
import type { HistoryState } from './history.js';
import { MIGRATIONS } from './migrations/index.js';
import { openProjectFile, ProjectFile, type EditInfo } from './projectFile.js';
import { assetToRow } from './recordRows.js';
import { readProject, readSnapshot } from './snapshot.js';
import * as assets from './assets.js';
import { AudioOps } from './audio.js';
import { DialogueOps } from './dialogueOps.js';
import { ScriptOps } from './scriptImport.js';
import { ElementOps } from './elements.js';
import * as exportRuns from './exportRuns.js';
import type { ExportRun, ExportState } from './exportRuns.js';
import { FramingOps } from './framing.js';
import { GC_GRACE_MS, purgeUnreferenced, type Collectable } from './garbage.js';
import * as jobs from './jobs.js';
import type { JobFilter } from './jobs.js';
import * as provenance from './provenance.js';
import type { ProvenanceInput } from './provenance.js';
import { SceneOps } from './scenes.js';
import * as settings from './settings.js';
import { requireShot } from './shotReads.js';
import { ShotOps } from './shots.js';
import type { AddShotInit } from './newShots.js';
import { StyleOps } from './style.js';
import { TemplateVariableOps } from './templateVariables.js';
import { TrackStateOps } from './trackStates.js';
import { addTake, getTake, TakeOps } from './takes.js';

export type ProjectStoreOptions = ProjectDbOptions;
export type { AddShotInit, CreateInit, EditInfo, ExportRun, ExportState, HistoryState, JobFilter, ProvenanceInput };

const now = (): string => new Date().toISOString();

export class ProjectStore extends ProjectFile {
  /*
   * The document's aggregates. Every undoable edit is a method of one of these (one module per
   * table or aggregate), and each such method is ONE runEdit: `store.shots.split(id, 12)`,
   * `store.elements.create({...})`. Nothing else writes the document tables.
   */
  readonly shots = new ShotOps(this);
  readonly takes = new TakeOps(this);
  readonly scenes = new SceneOps(this);
  readonly elements = new ElementOps(this);
  readonly audio = new AudioOps(this);
  readonly style = new StyleOps(this);
  readonly framing = new FramingOps(this);
  readonly dialogue = new DialogueOps(this);
  readonly script = new ScriptOps(this);
  readonly template = new TemplateVariableOps(this);
  readonly tracks = new TrackStateOps(this);

  private constructor(dir: string, handle: OpenedDb) {
    super(dir, handle);
  }

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
    const store = new ProjectStore(abs, openProjectFile(abs, opts));
    try {
      store.snapshot(); // reads and validates every record now, so damage is reported at open
      return store;
    } catch (err) {
      store.close();
      throw err;
    }
  }

  /**
   * Purges dead takes and unreferenced asset rows (see garbage.ts for the rule) and returns
   * the files to delete; call the media service's collectGarbage, which deletes them. A
   * service operation: not undoable.
   */
  purgeUnreferenced(opts: { graceMs?: number } = {}): Collectable[] {
    return this.write(() => purgeUnreferenced(this.db, Date.now(), opts.graceMs ?? GC_GRACE_MS));
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
    return requireShot(this.db, id);
  }

  getTake(id: string): Take {
    const take = getTake(this.db, id);
    if (!take) throw new AppError('NOT_FOUND', `Take "${id}" not found in this project.`, { takeId: id });
    return take;
  }

  /** The asset with this sha256, or undefined (import asks this before storing a new file). */
  findAsset(id: string): Asset | undefined {
    return assets.getAsset(this.db, id) ?? undefined;
  }

  getAsset(id: string): Asset {
    const asset = assets.getAsset(this.db, id);
    if (!asset) throw new AppError('NOT_FOUND', `Asset "${id}" not found in this project's media.`, { assetId: id });
    return asset;
  }

  // ---- service records (not undoable) ----

  /** `copyFacts`: the import's clip facts, kept out of every snapshot (assets.ts upsertAsset). */
  upsertAsset(asset: Asset, copyFacts?: object | null): Asset {
    return this.write(() => assets.upsertAsset(this.db, asset, copyFacts));
  }

  /** The stored clip facts of these assets (ExportStorePort.clipFacts); not in the snapshot. */
  clipFacts(assetIds: readonly string[]): Map<string, unknown> {
    return assets.copyFactsOf(this.db, assetIds);
  }

  /**
   * Points an asset at another stored file (media/relink.ts): path, size and facts change, the
   * id and original name stay; the old file's clip facts go. One write with its provenance row.
   */
  relinkAsset(
    id: string,
    update: { path: string; bytes: number; info: MediaInfo },
    details: Record<string, unknown>,
  ): Asset {
    return this.write(() => {
      const row = assetToRow({ ...this.getAsset(id), path: update.path, bytes: update.bytes, info: update.info });
      this.db
        .prepare('UPDATE assets SET path = ?, bytes = ?, kind = ?, info = ? WHERE id = ?')
        .run(row.path, row.bytes, row.kind, row.info, id);
      this.db.prepare('DELETE FROM asset_copy_facts WHERE asset_id = ?').run(id);
      provenance.addProvenance(
        this.db,
        { actor: 'user', action: 'asset.relink', subjectType: 'asset', subjectId: id, details },
        now(),
      );
      return this.getAsset(id);
    });
  }

  listAssets(): Asset[] {
    return assets.listAssets(this.db);
  }

  addTake(take: Take, opts: { selectIfNone: boolean }): Take {
    return this.write(() => addTake(this.db, take, opts.selectIfNone));
  }

  /** A batch's job rows in one transaction: a crash never leaves a batch half-recorded. */
  createJobs(list: readonly Job[]): Job[] {
    return this.write(() => list.map((job) => jobs.createJob(this.db, job)));
  }

  createJob(job: Job): Job {
    return this.write(() => jobs.createJob(this.db, job));
  }

  updateJob(id: string, patch: Partial<Job>): Job {
    return this.write(() => jobs.updateJob(this.db, id, patch, now()));
  }

  getJob(id: string): Job {
    const job = jobs.getJob(this.db, id);
    if (!job) throw new AppError('NOT_FOUND', `Job "${id}" not found in this project.`, { jobId: id });
    return job;
  }

  listJobs(filter?: JobFilter): Job[] {
    return jobs.listJobs(this.db, filter);
  }

  recordExportStart(run: ExportRun): void {
    this.write(() => exportRuns.recordExportStart(this.db, run, now()));
  }

  updateExport(id: string, update: { state: ExportState; pid?: number | null }): void {
    this.write(() => exportRuns.updateExport(this.db, id, update, now()));
  }

  unfinishedExports(): ExportRun[] {
    return exportRuns.unfinishedExports(this.db);
  }

  addProvenance(entry: ProvenanceInput): Provenance {
    return this.write(() => provenance.addProvenance(this.db, entry, now()));
  }

  listProvenance(filter?: { subjectType?: string; subjectId?: string }): Provenance[] {
    return provenance.listProvenance(this.db, filter);
  }

  getSetting(key: string): string | null {
    return settings.getSetting(this.db, key);
  }

  setSetting(key: string, value: string): void {
    this.write(() => settings.setSetting(this.db, key, value));
  }

  /** The project's spending cap for generation (null: none). A setting, not an undoable edit. */
  setBudgetCap(cap: number | null): void {
    this.write(() => this.db.prepare('UPDATE project SET budget_cap = ?').run(cap));
  }
}
