/**
 * 0013: a take's aspect. A take generated for one delivery aspect (the variant matrix makes a
 * take per aspect where the shot's model can make it, shared/model/aspectTakes.ts) records it;
 * NULL: a take of the project's own aspect (every take before). The CHECK keeps the column to
 * shared/model/format.ts ASPECTS.
 */
import type { Migration } from './runner.js';

export const m0013: Migration = {
  version: 13,
  name: 'take_aspect',
  up(db) {
    db.exec(
      "ALTER TABLE takes ADD COLUMN aspect TEXT CHECK (aspect IS NULL OR aspect IN ('16:9', '9:16', '1:1', '4:5', '21:9'));",
    );
  },
};
