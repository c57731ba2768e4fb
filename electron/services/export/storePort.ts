/**
 * What the export needs from a project store: the document, its folder, the clips' stored
 * facts (for the stream copy), and a durable record of each run (so a crash can be swept on
 * the next open). ProjectStore provides it; tests pass an in-memory or JSON-file fake.
 */
import type { ProjectSnapshot } from '../../../shared/model/entities.js';

export type ExportRunState = 'running' | 'succeeded' | 'failed' | 'canceled' | 'interrupted';

export interface ExportRunRecord {
  id: string;
  /** The target the user asked for. */
  outPath: string;
  /** Where ffmpeg writes until the run completes (beside the target). */
  tempPath: string;
  /** ffmpeg's pid once spawned, so an orphan can be killed after a crash. */
  pid: number | null;
}

export interface ExportStorePort {
  readonly dir: string;
  snapshot(): ProjectSnapshot;
  /**
   * The clip facts the import stored for these assets (by asset id; absent when none), kept
   * out of the snapshot because they are large and only the export reads them. Unvalidated:
   * shared/export/storedFacts.ts storedFactsOf checks version and shape on use.
   */
  clipFacts(assetIds: readonly string[]): ReadonlyMap<string, unknown>;
  recordExportStart(run: ExportRunRecord): void;
  updateExport(id: string, update: { state: ExportRunState; pid?: number }): void;
  /** Runs still marked 'running'. */
  unfinishedExports(): ExportRunRecord[];
}
