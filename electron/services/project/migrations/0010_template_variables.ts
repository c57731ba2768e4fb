/**
 * 0010: template variables (shared/template/variables.ts): text variables (`{{product}}`) with
 * their value, and picture slots (a packshot, a logo) with their picture and the shots whose
 * first frame they are (JSON list). A document table: each edit is one undo step
 * (templateVariables.ts). The picture is a real asset reference, so media collection keeps it.
 */
import type { Migration } from './runner.js';

export const m0010: Migration = {
  version: 10,
  name: 'template_variables',
  up(db) {
    db.exec(`CREATE TABLE template_variables (
      name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      position INTEGER NOT NULL CHECK (position >= 0),
      kind TEXT NOT NULL CHECK (kind IN ('text', 'picture')),
      value TEXT NOT NULL DEFAULT '',
      asset_id TEXT REFERENCES assets(id) ON DELETE RESTRICT,
      first_frame_shot_ids TEXT NOT NULL DEFAULT '[]'
    ) STRICT;`);
  },
};
