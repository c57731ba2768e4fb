/**
 * An ExportStorePort over a fixed document, optionally persisted to a JSON file after every
 * write (synchronously, like SQLite with synchronous=FULL) so a child process killed with -9
 * leaves its records behind for the sweeper, as the real project database would.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ExportRunRecord, ExportRunState, ExportStorePort } from '../../../electron/services/export/storePort.js';
import { ProjectSnapshotSchema, type ProjectSnapshot } from '../../../shared/model/entities.js';

export interface StoredRun extends ExportRunRecord {
  state: ExportRunState;
  /** Every state written, in order (to check what a run went through). */
  history: ExportRunState[];
}

interface FileShape {
  dir: string;
  doc: ProjectSnapshot;
  runs: StoredRun[];
}

export class FakeExportStore implements ExportStorePort {
  readonly runs = new Map<string, StoredRun>();
  /** Stored clip facts by asset id, as ProjectStore's asset_copy_facts table holds them (not persisted). */
  readonly facts = new Map<string, unknown>();

  constructor(
    readonly dir: string,
    private readonly doc: ProjectSnapshot,
    private readonly file: string | null = null,
    runs: StoredRun[] = [],
    persist = true,
  ) {
    for (const r of runs) this.runs.set(r.id, r);
    if (persist) this.persist();
  }

  /**
   * The store a (possibly killed, possibly still running) process left in `file`. Reading never
   * writes: a test polls this file while the child updates it, and a write-back of what it read
   * would put back an older state (the child's ffmpeg pid lost) — CI stop 22 timed out on that.
   */
  static load(file: string): FakeExportStore {
    const data = JSON.parse(readFileSync(file, 'utf8')) as FileShape;
    return new FakeExportStore(data.dir, ProjectSnapshotSchema.parse(data.doc), file, data.runs, false);
  }

  snapshot(): ProjectSnapshot {
    return structuredClone(this.doc);
  }

  clipFacts(assetIds: readonly string[]): ReadonlyMap<string, unknown> {
    return new Map(assetIds.filter((id) => this.facts.has(id)).map((id) => [id, structuredClone(this.facts.get(id))]));
  }

  recordExportStart(run: ExportRunRecord): void {
    if (this.runs.has(run.id)) throw new Error(`export ${run.id} recorded twice`);
    this.runs.set(run.id, { ...run, state: 'running', history: ['running'] });
    this.persist();
  }

  updateExport(id: string, update: { state: ExportRunState; pid?: number }): void {
    const run = this.runs.get(id);
    if (!run) throw new Error(`export ${id} not found`);
    run.state = update.state;
    run.history.push(update.state);
    if (update.pid !== undefined) run.pid = update.pid;
    this.persist();
  }

  unfinishedExports(): ExportRunRecord[] {
    return [...this.runs.values()]
      .filter((r) => r.state === 'running')
      .map(({ id, outPath, tempPath, pid }) => ({ id, outPath, tempPath, pid }));
  }

  private persist(): void {
    if (!this.file) return;
    const data: FileShape = { dir: this.dir, doc: this.doc, runs: [...this.runs.values()] };
    // A temp name per process: the test and its child may both write this file (the sweep in
    // the test, the export in the child); one shared name let one rename the other's temp away
    // (ENOENT in CI stop 22).
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, this.file);
  }
}
