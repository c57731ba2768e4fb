/**
 * The assets table: media files of the project's content-addressed store (id = sha256), and
 * their clip facts (asset_copy_facts). Facts about the world, not document edits: not in the
 * undo history; each write commits at once.
 */
import { AssetSchema, type Asset } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';
import { parseInput } from './input.js';
import { isSafeRelPath } from './paths.js';
import { assetFromRow, assetToRow } from './recordRows.js';
import { insertSql, type Row } from './rows.js';

/**
 * Inserts the asset unless one with the same sha256 id exists; returns the stored one.
 * `copyFacts` (the import's clip facts, shared/export/storedFacts.ts) go to their own table
 * (migration 0005: never part of a snapshot); facts already stored for the asset are kept.
 */
export function upsertAsset(db: Db, asset: Asset, copyFacts?: object | null): Asset {
  const a = parseInput(AssetSchema, asset, `Asset "${String(asset?.id)}"`);
  if (!isSafeRelPath(a.path)) {
    throw new AppError(
      'INVALID_INPUT',
      `Asset path "${a.path}" must be relative to the project folder, with forward slashes.`,
    );
  }
  const row = assetToRow(a);
  db.prepare(insertSql('assets', row, 'OR IGNORE')).run(...Object.values(row));
  if (copyFacts)
    db.prepare('INSERT OR IGNORE INTO asset_copy_facts (asset_id, facts) VALUES (?, ?)').run(
      a.id,
      JSON.stringify(copyFacts),
    );
  return getAsset(db, a.id) as Asset;
}

/**
 * The stored clip facts of these assets (parsed JSON, validated on use by storedFacts.ts);
 * assets without any are absent. Read by the export for the clips of its cut only.
 */
export function copyFactsOf(db: Db, assetIds: readonly string[]): Map<string, unknown> {
  const get = db.prepare('SELECT facts FROM asset_copy_facts WHERE asset_id = ?').pluck();
  const out = new Map<string, unknown>();
  for (const id of new Set(assetIds)) {
    const text = get.get(id) as string | undefined;
    if (text !== undefined) out.set(id, JSON.parse(text) as unknown);
  }
  return out;
}

export function getAsset(db: Db, id: string): Asset | null {
  const row = db.prepare('SELECT * FROM assets WHERE id = ?').get(id) as Row | undefined;
  return row ? assetFromRow(row) : null;
}

export function listAssets(db: Db): Asset[] {
  return (db.prepare('SELECT * FROM assets ORDER BY created_at, id').all() as Row[]).map(assetFromRow);
}
