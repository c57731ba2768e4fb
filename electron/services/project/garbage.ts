/**
 * Which media the project no longer needs (media.collectGarbage). The rule is conservative:
 * an asset is kept when ANY of these refers to it, so undo or redo can never point at a file
 * that was deleted:
 * - a take named anywhere in the undo/redo history (its removal, rating or selection could be
 *   undone), or a take that is not removed and whose shot is live or named in the history;
 * - any shot row's first or last frame (removed shots included);
 * - element reference images, project style references, audio items;
 * - any asset id written anywhere in the undo/redo history (e.g. an undoable frame change);
 * - a job's result, unless that job's take is dead (see below);
 * - an asset created less than `graceMs` ago (an import or a generation may be about to use
 *   it: their asset row is written a moment before the take or shot that refers to it).
 * Takes that can never come back (removed, or of a removed shot, and not named in the history)
 * are purged; jobs that made them keep their row (cost, provider, task id) but lose the link to
 * the deleted result. Asset rows are deleted in the same transaction (their clip facts with
 * them: asset_copy_facts is ON DELETE CASCADE, migration 0005); files are deleted after
 * the commit by the media service, so a crash in between leaves only unreferenced files, which
 * the next collection removes.
 */
import type { Db } from './db.js';

export interface Collectable {
  id: string;
  path: string;
  bytes: number;
}

/** Default grace period for fresh assets (see the header). */
export const GC_GRACE_MS = 120_000;

interface TakeRef {
  id: string;
  shot_id: string;
  asset_id: string;
  removed: number;
  shot_removed: number;
}

/** Purges dead takes and unreferenced asset rows in one transaction; returns what to delete on disk. */
export function purgeUnreferenced(db: Db, nowMs: number, graceMs: number): Collectable[] {
  const history = (db.prepare('SELECT changes FROM history').pluck().all() as string[]).join('\n');
  const inHistory = (id: string): boolean => history.includes(id);
  const takes = db
    .prepare(
      'SELECT t.id, t.shot_id, t.asset_id, t.removed, s.removed AS shot_removed FROM takes t JOIN shots s ON s.id = t.shot_id',
    )
    .all() as TakeRef[];
  const referenced = new Set<string>();
  const deadTakes: string[] = [];
  for (const t of takes) {
    const shotAlive = t.shot_removed === 0 || inHistory(t.shot_id);
    // A take named in the history is kept whatever its shot: undoing that entry (a rating, a
    // selection) must find the row.
    const takeAlive = inHistory(t.id) || (shotAlive && t.removed === 0);
    if (takeAlive) referenced.add(t.asset_id);
    else deadTakes.push(t.id);
  }
  const dead = new Set(deadTakes);
  const pluck = (sql: string): string[] => db.prepare(sql).pluck().all() as string[];
  for (const id of [
    ...pluck('SELECT first_frame_asset_id FROM shots WHERE first_frame_asset_id IS NOT NULL'),
    ...pluck('SELECT last_frame_asset_id FROM shots WHERE last_frame_asset_id IS NOT NULL'),
    ...pluck('SELECT asset_id FROM element_refs'),
    ...pluck('SELECT asset_id FROM project_style_refs'),
    ...pluck('SELECT asset_id FROM audio_items'),
    ...pluck('SELECT asset_id FROM template_variables WHERE asset_id IS NOT NULL'),
  ])
    referenced.add(id);
  const jobs = db.prepare('SELECT id, take_id, result_asset_id FROM jobs WHERE result_asset_id IS NOT NULL').all() as {
    id: string;
    take_id: string | null;
    result_asset_id: string;
  }[];
  const unlinkJobs: string[] = [];
  for (const j of jobs) {
    if (j.take_id !== null && dead.has(j.take_id)) unlinkJobs.push(j.id);
    else referenced.add(j.result_asset_id);
  }
  const assets = db.prepare('SELECT id, path, bytes, created_at FROM assets').all() as (Collectable & {
    created_at: string;
  })[];
  const doomed = assets.filter(
    (a) => !referenced.has(a.id) && !inHistory(a.id) && nowMs - Date.parse(a.created_at) >= graceMs,
  );
  const doomedIds = new Set(doomed.map((a) => a.id));
  const unlink = db.prepare('UPDATE jobs SET result_asset_id = NULL WHERE id = ? AND result_asset_id = ?');
  for (const j of jobs)
    if (unlinkJobs.includes(j.id) && doomedIds.has(j.result_asset_id)) unlink.run(j.id, j.result_asset_id);
  const dropTake = db.prepare('DELETE FROM takes WHERE id = ?');
  for (const id of deadTakes) dropTake.run(id);
  // foreign_keys is ON and asset references are RESTRICT: were the rule above ever to miss a
  // reference, this DELETE fails and the whole collection rolls back instead of losing media.
  const dropAsset = db.prepare('DELETE FROM assets WHERE id = ?');
  for (const a of doomed) dropAsset.run(a.id);
  return doomed.map(({ id, path, bytes }) => ({ id, path, bytes }));
}
