/**
 * Edits that make new shots from existing ones: split and duplicate/paste. New shots follow
 * addShot's pattern: their rows (and their take copies) are written hidden, outside the change
 * log, and made live through it, so undo hides them instead of deleting rows that takes or jobs
 * may refer to meanwhile. Run inside a ShotOps edit (shots.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Shot } from '../../../shared/model/entities.js';
import { insertBlock, planSplit, resolveTrim, takeFrames } from '../../../shared/model/timeline.js';
import { getAsset } from './assets.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { invalid } from './input.js';
import { insertSql } from './rows.js';
import { shotToRow, takeToRow } from './shotRows.js';
import { elementIdsOf, liveShotIds, requireLive, requireShot } from './shotReads.js';
import { readProject } from './snapshot.js';
import { getTake } from './takes.js';

/** Writes the positions of `ids` (in order) where they differ from the stored ones. */
export function setPositions(r: ChangeRecorder, ids: readonly string[]): void {
  ids.forEach((id, position) => r.update('shots', { id }, { position }));
}

/**
 * Writes a hidden copy of `shot` (new id, `over` applied) with copies of its live takes (same
 * media: the store is content-addressed, so nothing is copied on disk); the copy of its
 * selected take is selected. Returns the new id; the caller makes it live through the log.
 */
function writeHiddenCopy(db: Db, shot: Shot, over: Partial<Shot>): string {
  const id = randomUUID();
  const takes = db
    .prepare('SELECT id FROM takes WHERE shot_id = ? AND removed = 0 ORDER BY created_at, id')
    .pluck()
    .all(shot.id) as string[];
  const row = { ...shotToRow({ ...shot, ...over, id, selectedTakeId: null }), removed: 1 };
  db.prepare(insertSql('shots', row)).run(...Object.values(row));
  let selected: string | null = null;
  for (const takeId of takes) {
    const take = getTake(db, takeId);
    if (!take) continue;
    const copy = takeToRow({ ...take, id: randomUUID(), shotId: id });
    db.prepare(insertSql('takes', copy)).run(...Object.values(copy));
    if (takeId === shot.selectedTakeId) selected = String(copy.id);
  }
  const link = db.prepare('INSERT INTO shot_elements (shot_id, element_id, position) VALUES (?, ?, ?)');
  elementIdsOf(db, shot.id).forEach((el, i) => link.run(id, el, i));
  db.prepare('UPDATE shots SET selected_take_id = ? WHERE id = ?').run(selected, id);
  return id;
}

/** Frames of the shot's selected take's media at the project rate, or null without a take. */
function selectedMediaFrames(db: Db, shot: Shot): number | null {
  if (!shot.selectedTakeId) return null;
  const take = getTake(db, shot.selectedTakeId);
  const asset = take ? getAsset(db, take.assetId) : null;
  if (!asset) return null;
  return takeFrames(asset, readProject(db, 'project.db').fps);
}

/** Splits a shot in two at `atFrame` frames after its start; returns the second shot's id. */
export function splitShot(db: Db, r: ChangeRecorder, shotId: string, atFrame: number): string {
  const shot = requireShot(db, shotId);
  const mediaFrames = selectedMediaFrames(db, shot);
  const length = mediaFrames === null ? shot.durationFrames : resolveTrim(shot, mediaFrames).frames;
  const plan = planSplit(shot, mediaFrames, atFrame);
  if (!plan) {
    throw invalid(
      `Cannot split shot "${shotId}" at frame ${atFrame}: the split point must be between 1 and ${length - 1} (the shot is ${length} frames long).`,
    );
  }
  const firstFrames = plan.kind === 'take' ? atFrame : plan.firstFrames;
  const second: Partial<Shot> =
    plan.kind === 'take'
      ? { trimInFrames: plan.second.inFrames, trimOutFrames: plan.second.outFrames, durationFrames: length - atFrame }
      : { durationFrames: plan.secondFrames };
  // The cut between the halves is a plain cut; the first half keeps the transition into it.
  const secondId = writeHiddenCopy(db, shot, { ...second, transitionIn: { kind: 'cut', frames: 0 } });
  r.update(
    'shots',
    { id: shotId },
    plan.kind === 'take'
      ? { trim_in_frames: plan.first.inFrames, trim_out_frames: plan.first.outFrames, duration_frames: firstFrames }
      : { duration_frames: firstFrames },
  );
  setPositions(r, insertBlock(liveShotIds(db), [secondId], [shotId]));
  r.update('shots', { id: secondId }, { removed: 0 });
  return secondId;
}

/** Copies of the shots (in timeline order) as one block; returns the new ids in order. */
export function duplicateShots(db: Db, r: ChangeRecorder, shotIds: readonly string[], toIndex?: number): string[] {
  const wanted = new Set(requireLive(db, shotIds));
  const ids = liveShotIds(db);
  const sources = ids.filter((id) => wanted.has(id));
  const copies = sources.map((id) => writeHiddenCopy(db, requireShot(db, id), {}));
  setPositions(r, insertBlock(ids, copies, sources, toIndex));
  for (const id of copies) r.update('shots', { id }, { removed: 0 });
  return copies;
}
