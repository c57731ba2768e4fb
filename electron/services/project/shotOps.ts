/**
 * Editor edits over several shots (issue 3): split, duplicate/paste, remove and move many,
 * first/last frames. Each runs inside one store edit (one undo step). New shots follow
 * addShot's pattern: their rows (and their take copies) are written hidden, outside the change
 * log, and made live through it, so undo hides them instead of deleting rows that takes or jobs
 * may refer to meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { Shot } from '../../../shared/model/entities.js';
import { insertBlock, planSplit, reorderMany, resolveTrim, takeFrames } from '../../../shared/model/timeline.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import * as rec from './records.js';
import { insertSql, shotToRow, takeToRow } from './rows.js';
import { elementIdsOf, invalid, liveShotIds, requireShot } from './shots.js';
import { readProject } from './snapshot.js';

function setPositions(r: ChangeRecorder, ids: readonly string[]): void {
  ids.forEach((id, position) => r.update('shots', { id }, { position }));
}

/** Live ids in the order given, each once; NOT_FOUND names the first unknown one. */
function requireLive(db: Db, ids: readonly string[]): string[] {
  if (ids.length === 0) throw invalid('No shots were given.');
  const live = new Set(liveShotIds(db));
  const missing = ids.find((id) => !live.has(id));
  if (missing !== undefined) throw new AppError('NOT_FOUND', `Shot "${missing}" not found in this project.`, { shotId: missing });
  return [...new Set(ids)];
}

/**
 * Writes a hidden copy of `shot` (new id, `over` applied) with copies of its live takes (same
 * media: the store is content-addressed, so nothing is copied on disk); the copy of its
 * selected take is selected. Returns the new id; the caller makes it live through the log.
 */
function writeHiddenCopy(db: Db, shot: Shot, over: Partial<Shot>): string {
  const id = randomUUID();
  const takes = db.prepare('SELECT id FROM takes WHERE shot_id = ? AND removed = 0 ORDER BY created_at, id').pluck().all(shot.id) as string[];
  const row = { ...shotToRow({ ...shot, ...over, id, selectedTakeId: null }), removed: 1 };
  db.prepare(insertSql('shots', row)).run(...Object.values(row));
  let selected: string | null = null;
  for (const takeId of takes) {
    const take = rec.getTake(db, takeId);
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
  const take = rec.getTake(db, shot.selectedTakeId);
  const asset = take ? rec.getAsset(db, take.assetId) : null;
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
    throw invalid(`Cannot split shot "${shotId}" at frame ${atFrame}: the split point must be between 1 and ${length - 1} (the shot is ${length} frames long).`);
  }
  const firstFrames = plan.kind === 'take' ? atFrame : plan.firstFrames;
  const second: Partial<Shot> = plan.kind === 'take'
    ? { trimInFrames: plan.second.inFrames, trimOutFrames: plan.second.outFrames, durationFrames: length - atFrame }
    : { durationFrames: plan.secondFrames };
  // The cut between the halves is a plain cut; the first half keeps the transition into it.
  const secondId = writeHiddenCopy(db, shot, { ...second, transitionIn: { kind: 'cut', frames: 0 } });
  r.update('shots', { id: shotId }, plan.kind === 'take'
    ? { trim_in_frames: plan.first.inFrames, trim_out_frames: plan.first.outFrames, duration_frames: firstFrames }
    : { duration_frames: firstFrames });
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

export function removeShots(db: Db, r: ChangeRecorder, shotIds: readonly string[]): void {
  for (const id of requireLive(db, shotIds)) r.update('shots', { id }, { removed: 1 });
  setPositions(r, liveShotIds(db));
}

export function moveShots(db: Db, r: ChangeRecorder, shotIds: readonly string[], toIndex: number): void {
  const order = reorderMany(liveShotIds(db), requireLive(db, shotIds), toIndex);
  if (!order) throw invalid('Some of the shots to move are not in the timeline.');
  setPositions(r, order);
}

/** Sets (or clears, with null) a shot's first or last frame to a stored image asset. */
export function setShotFrame(db: Db, r: ChangeRecorder, shotId: string, which: 'first' | 'last', assetId: string | null): void {
  requireShot(db, shotId);
  if (assetId !== null) {
    const kind = db.prepare('SELECT kind FROM assets WHERE id = ?').pluck().get(assetId) as string | undefined;
    if (kind === undefined) throw new AppError('NOT_FOUND', `Asset "${assetId}" is not in this project's media.`, { assetId });
    if (kind !== 'image') throw new AppError('INVALID_INPUT', `A ${which} frame must be an image; asset "${assetId}" is a ${kind} file.`, { assetId });
  }
  r.update('shots', { id: shotId }, { [which === 'first' ? 'first_frame_asset_id' : 'last_frame_asset_id']: assetId });
}
