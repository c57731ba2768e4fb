/** The project store's public surface. */
export { ProjectStore } from './store.js';
export type {
  AddShotInit,
  CreateInit,
  ExportRun,
  ExportState,
  HistoryState,
  JobFilter,
  ProjectStoreOptions,
  ProvenanceInput,
} from './store.js';
export { DB_FILE } from './db.js';
export { LATEST_VERSION } from './migrations/index.js';
