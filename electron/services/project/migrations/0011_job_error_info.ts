/**
 * 0011: a job's failure as a code and parameters (JSON `{ code, params }`, vocabulary in
 * shared/generation/jobErrors.ts) beside the English `error` text, so the renderer shows it in
 * the user's language. Rows written before keep their text and no code (NULL).
 */
import type { Migration } from './runner.js';

export const m0011: Migration = {
  version: 11,
  name: 'job_error_info',
  up(db) {
    db.exec('ALTER TABLE jobs ADD COLUMN error_info TEXT CHECK (error_info IS NULL OR json_valid(error_info));');
  },
};
