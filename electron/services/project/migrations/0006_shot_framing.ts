/**
 * 0006: a shot's framing per aspect (fit / fill / crop position; shared/model/framing.ts) as
 * JSON of aspect -> framing. '{}' (every existing shot) means fit, centred in every aspect:
 * exactly how the export conformed clips before, so old projects render the same.
 */
import type { Migration } from './runner.js';

export const m0006: Migration = {
  version: 6,
  name: 'shot_framing',
  up(db) {
    db.exec(`ALTER TABLE shots ADD COLUMN framing TEXT NOT NULL DEFAULT '{}';`);
  },
};
