/**
 * 0005: the clip facts the export's stream copy needs (shared/export/storedFacts.ts) move out
 * of assets.info into their own table. assets.info is part of every ProjectSnapshot, which
 * crosses the contract to the renderer on every edit (method outputs, project.changed); a
 * 10 s clip's facts are ~15 KB, so a few hundred clips made every edit, undo and open carry
 * megabytes nobody outside the export reads (quality.md DB-1/DB-2).
 *
 * A table rather than a column on assets: the snapshot and every asset read use
 * `SELECT * FROM assets`, which would read (and keep in the row's overflow pages) the facts
 * again; a separate table is read only by the export, for the clips of its cut. ON DELETE
 * CASCADE: garbage collection deletes the asset row, and its facts go with it.
 *
 * Projects written since the facts were stored (info.copyFacts) have them moved here and
 * removed from info in this same transaction (the runner's), so a crash leaves either both
 * places as before or the new layout.
 */
import type { Migration } from './runner.js';

export const m0005: Migration = {
  version: 5,
  name: 'asset_copy_facts',
  up(db) {
    db.exec(`
CREATE TABLE asset_copy_facts (
  asset_id TEXT PRIMARY KEY NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  facts TEXT NOT NULL CHECK (json_valid(facts))
) STRICT;
INSERT INTO asset_copy_facts (asset_id, facts)
  SELECT id, json_extract(info, '$.copyFacts') FROM assets
  WHERE json_valid(info) AND json_type(info, '$.copyFacts') = 'object';
UPDATE assets SET info = json_remove(info, '$.copyFacts')
  WHERE json_valid(info) AND json_type(info, '$.copyFacts') IS NOT NULL;
`);
  },
};
