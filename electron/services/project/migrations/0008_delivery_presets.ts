/**
 * 0008: the project's own delivery presets (shared/export/deliverable.ts DeliverableSchema),
 * one row each, in the order the user keeps them. A document table: saving or removing a
 * preset is one undoable edit (deliveryPresets.ts).
 */
import type { Migration } from './runner.js';

export const m0008: Migration = {
  version: 8,
  name: 'delivery_presets',
  up(db) {
    db.exec(`CREATE TABLE delivery_presets (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      json TEXT NOT NULL
    );`);
  },
};
