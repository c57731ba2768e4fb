/**
 * Reading the shots table: live shots (removed = 0) in timeline order, with the elements each
 * picks. Every edit module reads shots through these.
 */
import type { Shot } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import { prepared } from './changes.js';
import type { Db } from './db.js';
import { invalid } from './input.js';
import type { Row } from './rows.js';
import { shotFromRow } from './shotRows.js';

export function shotNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `Shot "${id}" not found in this project.`, { shotId: id });
}

export function elementIdsOf(db: Db, shotId: string): string[] {
  return prepared(db, 'SELECT element_id FROM shot_elements WHERE shot_id = ? ORDER BY position')
    .pluck()
    .all(shotId) as string[];
}

/** A live (not removed) shot, or null. */
export function findShot(db: Db, id: string): Shot | null {
  const row = prepared(db, 'SELECT * FROM shots WHERE id = ? AND removed = 0').get(id) as Row | undefined;
  return row ? shotFromRow(row, elementIdsOf(db, id)) : null;
}

export function requireShot(db: Db, id: string): Shot {
  const shot = findShot(db, id);
  if (!shot) throw shotNotFound(id);
  return shot;
}

export function liveShotIds(db: Db): string[] {
  return db.prepare('SELECT id FROM shots WHERE removed = 0 ORDER BY position, id').pluck().all() as string[];
}

export function listShots(db: Db): Shot[] {
  const rows = db.prepare('SELECT * FROM shots WHERE removed = 0 ORDER BY position, id').all() as Row[];
  const links = db
    .prepare(
      'SELECT se.shot_id, se.element_id FROM shot_elements se JOIN shots s ON s.id = se.shot_id WHERE s.removed = 0 ORDER BY se.shot_id, se.position',
    )
    .all() as { shot_id: string; element_id: string }[];
  const byShot = new Map<string, string[]>();
  for (const l of links) byShot.set(l.shot_id, [...(byShot.get(l.shot_id) ?? []), l.element_id]);
  return rows.map((r) => shotFromRow(r, byShot.get(String(r.id)) ?? []));
}

/** Live ids in the order given, each once; NOT_FOUND names the first unknown one. */
export function requireLive(db: Db, ids: readonly string[]): string[] {
  if (ids.length === 0) throw invalid('No shots were given.');
  const live = new Set(liveShotIds(db));
  const missing = ids.find((id) => !live.has(id));
  if (missing !== undefined)
    throw new AppError('NOT_FOUND', `Shot "${missing}" not found in this project.`, { shotId: missing });
  return [...new Set(ids)];
}
