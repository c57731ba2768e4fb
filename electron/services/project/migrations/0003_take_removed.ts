/**
 * 0003: takes can be removed by an undoable edit. Like shots, a removed take is hidden, not
 * deleted, so undo brings it back with its media; media.collectGarbage purges a removed take
 * (and frees its file) only once no history entry could restore it.
 */
import type { Migration } from './runner.js';

export const m0003: Migration = {
  version: 3,
  name: 'take_removed',
  up(db) {
    db.exec(`
      ALTER TABLE takes ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1));
      CREATE INDEX takes_asset ON takes(asset_id);
    `);
  },
};
