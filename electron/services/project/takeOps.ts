/**
 * Take edits that are part of the document (undoable): rating and removal. A removed take is
 * hidden (takes.removed = 1), never deleted here, so undo restores it; its media is freed by
 * media.collectGarbage only once no history entry can bring it back (garbage.ts).
 */
import { AppError } from '../../../shared/errors.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { invalid } from './shots.js';

interface TakeRow {
  id: string;
  shot_id: string;
}

function requireLiveTake(db: Db, takeId: string): TakeRow {
  const row = db.prepare('SELECT id, shot_id FROM takes WHERE id = ? AND removed = 0').get(takeId) as TakeRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Take "${takeId}" not found in this project (or it was removed).`, { takeId });
  return row;
}

export function rateTake(db: Db, r: ChangeRecorder, takeId: string, rating: number | null): string {
  if (rating !== null && (!Number.isInteger(rating) || rating < 0 || rating > 5)) {
    throw invalid(`A take's rating must be a whole number from 0 to 5, or none (got ${rating}).`);
  }
  const take = requireLiveTake(db, takeId);
  r.update('takes', { id: takeId }, { rating });
  return take.shot_id;
}

/**
 * Removes a take. Removing the shot's selected take selects the newest other live take of the
 * shot in the same undo step (or none: the shot then shows its target duration until a new
 * take arrives), so the timeline never points at a removed take. Returns the new selection.
 */
export function removeTake(db: Db, r: ChangeRecorder, takeId: string): { shotId: string; selectedTakeId: string | null } {
  const take = requireLiveTake(db, takeId);
  const selected = db.prepare('SELECT selected_take_id FROM shots WHERE id = ?').pluck().get(take.shot_id) as string | null;
  let next = selected;
  if (selected === takeId) {
    next = (db.prepare('SELECT id FROM takes WHERE shot_id = ? AND removed = 0 AND id <> ? ORDER BY created_at DESC, id DESC LIMIT 1')
      .pluck().get(take.shot_id, takeId) as string | undefined) ?? null;
    r.update('shots', { id: take.shot_id }, { selected_take_id: next });
  }
  r.update('takes', { id: takeId }, { removed: 1 });
  return { shotId: take.shot_id, selectedTakeId: next };
}
