/**
 * The renderer's state, in slices. The document is whatever the services last returned: every
 * edit goes through the contract and the services own undo/redo, so nothing here is history.
 * UI state (language, busy flags, errors, export run) is never part of a document; the one
 * selection lives in its own store (selection.ts) and follows each new document.
 */
import type { ExportProgress, MethodOutput } from '../../../shared/api/contract';
import type { ErrorCode, LocalizedMessage } from '../../../shared/errors';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import type { ConnectionStatus } from '../api/client';
import type { JobsSlice } from './jobs';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** Where in the UI an action runs, so its busy state and its error show right there. */
export type Place =
  | 'app'
  | 'start.create'
  | 'start.open'
  | 'addShot'
  | 'shot'
  | 'generate'
  | 'export'
  | 'history'
  | 'generateDialog'
  | 'jobs'
  | 'budget'
  | 'settings'
  | 'elements'
  | 'audio'
  | 'paste'
  | 'relink'
  | 'saveCopy'
  | 'folders'
  | 'script'
  | 'delivery'
  | 'variants'
  | 'promptEnhance'
  | 'keyframes'
  | 'bridge'
  | 'longTake'
  | 'upscale';

export interface UiError {
  code: ErrorCode;
  message: string;
  /** The service's message as an i18n key and parameters (shared/errors.ts localizedMessage). */
  localized?: LocalizedMessage;
}

export type AppInfo = MethodOutput<'app.info'>;

export type ExportRunState = 'starting' | 'running' | 'canceling' | 'succeeded' | 'failed' | 'canceled';

export interface ExportRun {
  /** Null until export.start answers (progress events may arrive first). */
  exportId: string | null;
  state: ExportRunState;
  progress: number;
  outPath: string;
  error: string | null;
  /** The error's i18n key and parameters when the service gave one (translated over `error`). */
  localized?: LocalizedMessage | null;
}

export interface DocumentSlice {
  snapshot: ProjectSnapshot | null;
  setSnapshot(snapshot: ProjectSnapshot | null): void;
}

export type { JobsSlice } from './jobs';

export interface UiSlice {
  language: Language;
  appInfo: AppInfo | null;
  connection: ConnectionStatus;
  busy: Partial<Record<Place, boolean>>;
  errors: Partial<Record<Place, UiError>>;
  exportRun: ExportRun | null;
  setLanguage(language: Language): void;
  setAppInfo(info: AppInfo): void;
  setConnection(status: ConnectionStatus): void;
  setBusy(place: Place, busy: boolean): void;
  setError(place: Place, error: UiError | null): void;
  setExportRun(run: ExportRun | null): void;
  applyExportProgress(p: ExportProgress): void;
}

export type AppState = DocumentSlice & JobsSlice & UiSlice;
