/**
 * The takes table. Storing a take is a service record (a generation or import delivered a
 * clip: not undoable). Rating and removal are document edits: TakeOps, one undo step each
 * (`store.takes.rate(...)`). A removed take is hidden (takes.removed = 1), never deleted here,
 * so undo restores it; its media is freed by media.collectGarbage only once no history entry
 * can bring it back (garbage.ts).
 */
import { TakeSchema, takeKind, type Take } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { exists, invalid, parseInput } from './input.js';
import { bumpRevision } from './history.js';
import { insertSql, type Row } from './rows.js';
import { takeFromRow, takeToRow } from './shotRows.js';
import type { ProjectStore } from './store.js';

/** Stores a take of a shot (even a removed one: paid work is kept); optionally selects it. */
export function addTake(db: Db, take: Take, selectIfNone: boolean): Take {
  const t = parseInput(TakeSchema, take, `Take "${String(take?.id)}"`);
  if (!exists(db, 'shots', t.shotId))
    throw new AppError('NOT_FOUND', `Shot "${t.shotId}" not found for take "${t.id}".`);
  if (!exists(db, 'assets', t.assetId))
    throw new AppError('NOT_FOUND', `Asset "${t.assetId}" of take "${t.id}" is not in the project.`);
  if (t.jobId !== null && !exists(db, 'jobs', t.jobId))
    throw new AppError('NOT_FOUND', `Job "${t.jobId}" of take "${t.id}" not found.`);
  if (exists(db, 'takes', t.id)) throw new AppError('INVALID_INPUT', `Take "${t.id}" already exists.`);
  const row = takeToRow(t);
  db.prepare(insertSql('takes', row)).run(...Object.values(row));
  // An image take is a keyframe candidate, never the shot's clip.
  if (selectIfNone && takeKind(t) === 'video') {
    db.prepare('UPDATE shots SET selected_take_id = ? WHERE id = ? AND selected_take_id IS NULL').run(t.id, t.shotId);
  }
  bumpRevision(db);
  return t;
}

export function getTake(db: Db, id: string): Take | null {
  const row = db.prepare('SELECT * FROM takes WHERE id = ?').get(id) as Row | undefined;
  return row ? takeFromRow(row) : null;
}

/** Live takes of live shots, oldest first. */
export function listTakes(db: Db): Take[] {
  const rows = db
    .prepare(
      'SELECT t.* FROM takes t JOIN shots s ON s.id = t.shot_id WHERE s.removed = 0 AND t.removed = 0 ORDER BY t.created_at, t.id',
    )
    .all() as Row[];
  return rows.map(takeFromRow);
}

interface TakeRow {
  id: string;
  shot_id: string;
}

function requireLiveTake(db: Db, takeId: string): TakeRow {
  const row = db.prepare('SELECT id, shot_id FROM takes WHERE id = ? AND removed = 0').get(takeId) as
    TakeRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', `Take "${takeId}" not found in this project (or it was removed).`, { takeId });
  return row;
}

function rateTake(db: Db, r: ChangeRecorder, takeId: string, rating: number | null): string {
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
function removeTake(db: Db, r: ChangeRecorder, takeId: string): { shotId: string; selectedTakeId: string | null } {
  const take = requireLiveTake(db, takeId);
  const selected = db.prepare('SELECT selected_take_id FROM shots WHERE id = ?').pluck().get(take.shot_id) as
    string | null;
  let next = selected;
  if (selected === takeId) {
    next =
      (db
        .prepare(
          'SELECT id FROM takes WHERE shot_id = ? AND removed = 0 AND id <> ? ORDER BY created_at DESC, id DESC LIMIT 1',
        )
        .pluck()
        .get(take.shot_id, takeId) as string | undefined) ?? null;
    r.update('shots', { id: take.shot_id }, { selected_take_id: next });
  }
  r.update('takes', { id: takeId }, { removed: 1 });
  return { shotId: take.shot_id, selectedTakeId: next };
}

/** The undoable take edits: `store.takes`. */
export class TakeOps {
  constructor(private readonly store: ProjectStore) {}

  rate(takeId: string, rating: number | null): void {
    this.store.runEdit({ action: 'takes.rate', subjectType: 'take', subjectId: takeId, details: { rating } }, (db, r) =>
      rateTake(db, r, takeId, rating),
    );
  }

  /** Removes a take; a selected one is replaced by the shot's newest other take (or none). */
  remove(takeId: string): { shotId: string; selectedTakeId: string | null } {
    return this.store.runEdit(
      { action: 'takes.remove', subjectType: 'take', subjectId: takeId, details: {} },
      (db, r) => removeTake(db, r, takeId),
    );
  }
}
