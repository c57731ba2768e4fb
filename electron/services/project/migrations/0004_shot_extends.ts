/**
 * 0004: a shot can extend a take ("extend this take"): generating it continues that take's
 * clip with the provider that made it. No foreign key: takes are hidden, not deleted, by
 * edits, and a take purged by garbage collection must not make the shot row invalid — the
 * generation plan reports a missing source take as a clear problem instead.
 */
import type { Migration } from './runner.js';

export const m0004: Migration = {
  version: 4,
  name: 'shot_extends',
  up(db) {
    db.exec('ALTER TABLE shots ADD COLUMN extends_take_id TEXT DEFAULT NULL;');
  },
};
