/**
 * The shots table's undoable edits: ShotOps (`store.shots.add(...)`, `store.shots.split(...)`),
 * each ONE edit: one transaction, one history entry, one provenance row, labelled with the
 * contract method's name. Each makes its writes through a ChangeRecorder. Shots are never
 * deleted: removal sets `removed`, so a shot's takes and jobs (paid work) survive and undo
 * restores it whole. Positions stay dense 0..n-1 over live shots. Reads: shotReads.ts; split
 * and duplicate: shotCopies.ts; the added shot: newShots.ts.
 */
import { ShotPatchSchema, type ShotPatch } from '../../../shared/api/contract.js';
import type { Shot } from '../../../shared/model/entities.js';
import { reorder, reorderMany } from '../../../shared/model/timeline.js';
import { AppError } from '../../../shared/errors.js';
import { randomUUID } from 'node:crypto';
import type { ChangeRecorder, Values } from './changes.js';
import type { Db } from './db.js';
import { invalid } from './input.js';
import { addShot, type AddShotInit } from './newShots.js';
import { SHOT_PATCH_COLUMNS } from './shotRows.js';
import { setShotsScene } from './scenes.js';
import { duplicateShots, setPositions, splitShot } from './shotCopies.js';
import { liveShotIds, requireLive, requireShot, shotNotFound } from './shotReads.js';
import type { ProjectStore } from './store.js';

function updateShot(db: Db, rec: ChangeRecorder, id: string, patch: ShotPatch): void {
  const parsed = ShotPatchSchema.safeParse(patch);
  if (!parsed.success) throw invalid(`The change to shot "${id}" is not valid`, parsed.error);
  requireShot(db, id);
  const ext = parsed.data.extendsTakeId;
  if (ext && !db.prepare('SELECT 1 FROM takes WHERE id = ? AND removed = 0').get(ext)) {
    throw new AppError(
      'NOT_FOUND',
      `Take "${ext}" not found in this project (or it was removed); shot "${id}" cannot extend it.`,
      { takeId: ext },
    );
  }
  const values: Values = {};
  const { transitionIn, ...simple } = parsed.data;
  for (const [field, value] of Object.entries(simple)) {
    if (value === undefined) continue;
    values[SHOT_PATCH_COLUMNS[field as keyof typeof simple]] = value;
  }
  // Both columns in the same update, so undo restores kind and length together.
  if (transitionIn)
    Object.assign(values, { transition_kind: transitionIn.kind, transition_frames: transitionIn.frames });
  rec.update('shots', { id }, values);
}

function removeShot(db: Db, rec: ChangeRecorder, id: string): void {
  requireShot(db, id);
  rec.update('shots', { id }, { removed: 1 });
  setPositions(rec, liveShotIds(db));
}

function moveShot(db: Db, rec: ChangeRecorder, id: string, toIndex: number): void {
  if (!Number.isInteger(toIndex) || toIndex < 0) throw invalid(`Cannot move shot "${id}" to position ${toIndex}`);
  const order = reorder(liveShotIds(db), id, toIndex);
  if (!order) throw shotNotFound(id);
  setPositions(rec, order);
}

function selectTake(db: Db, rec: ChangeRecorder, shotId: string, takeId: string): void {
  requireShot(db, shotId);
  const row = db.prepare('SELECT shot_id, kind FROM takes WHERE id = ? AND removed = 0').get(takeId) as
    { shot_id: string; kind: string } | undefined;
  const owner = row?.shot_id;
  if (row?.kind === 'image')
    throw new AppError(
      'INVALID_INPUT',
      `Take "${takeId}" is a still (a keyframe): pick it as the shot's first or last frame instead of selecting it as the clip.`,
      { takeId, issue: 'imageTake' },
    );
  if (owner === undefined)
    throw new AppError('NOT_FOUND', `Take "${takeId}" not found in this project (or it was removed).`, { takeId });
  if (owner !== shotId) {
    throw new AppError('INVALID_INPUT', `Take "${takeId}" belongs to another shot, not to shot "${shotId}".`, {
      shotId,
      takeId,
    });
  }
  rec.update('shots', { id: shotId }, { selected_take_id: takeId });
}

function setTrim(db: Db, rec: ChangeRecorder, shotId: string, inFrames: number, outFrames: number | null): void {
  if (!Number.isInteger(inFrames) || inFrames < 0) {
    throw invalid(`Trim in point ${inFrames} for shot "${shotId}" must be a whole frame count of 0 or more.`);
  }
  if (outFrames !== null && (!Number.isInteger(outFrames) || outFrames <= inFrames)) {
    throw invalid(
      `Trim out point ${outFrames} for shot "${shotId}" must be a whole frame count after the in point ${inFrames}.`,
    );
  }
  requireShot(db, shotId);
  rec.update('shots', { id: shotId }, { trim_in_frames: inFrames, trim_out_frames: outFrames });
}

function removeShots(db: Db, r: ChangeRecorder, shotIds: readonly string[]): void {
  for (const id of requireLive(db, shotIds)) r.update('shots', { id }, { removed: 1 });
  setPositions(r, liveShotIds(db));
}

function moveShots(db: Db, r: ChangeRecorder, shotIds: readonly string[], toIndex: number): void {
  const order = reorderMany(liveShotIds(db), requireLive(db, shotIds), toIndex);
  if (!order) throw invalid('Some of the shots to move are not in the timeline.');
  setPositions(r, order);
}

/** Sets (or clears, with null) a shot's first or last frame to a stored image asset. */
function setShotFrame(
  db: Db,
  r: ChangeRecorder,
  shotId: string,
  which: 'first' | 'last',
  assetId: string | null,
): void {
  requireShot(db, shotId);
  if (assetId !== null) {
    const kind = db.prepare('SELECT kind FROM assets WHERE id = ?').pluck().get(assetId) as string | undefined;
    if (kind === undefined)
      throw new AppError('NOT_FOUND', `Asset "${assetId}" is not in this project's media.`, { assetId });
    if (kind !== 'image')
      throw new AppError('INVALID_INPUT', `A ${which} frame must be an image; asset "${assetId}" is a ${kind} file.`, {
        assetId,
      });
  }
  r.update('shots', { id: shotId }, { [which === 'first' ? 'first_frame_asset_id' : 'last_frame_asset_id']: assetId });
}

/** The undoable shot edits: `store.shots`. */
export class ShotOps {
  constructor(private readonly store: ProjectStore) {}

  private edit<T>(
    action: string,
    shotId: string,
    details: Record<string, unknown>,
    fn: (db: Db, r: ChangeRecorder) => T,
  ): T {
    return this.store.runEdit({ action, subjectType: 'shot', subjectId: shotId, details }, fn);
  }

  add(init: AddShotInit): Shot {
    const id = randomUUID();
    const details = {
      index: init.index ?? null,
      title: init.title ?? '',
      clipAssetId: init.importedTake?.assetId ?? null,
    };
    this.edit('shot.add', id, details, (db, r) => addShot(db, r, init, id, randomUUID()));
    return this.store.getShot(id);
  }

  /** Shots inserted in order (a pasted shot list) in ONE undo step; answers their ids. */
  addMany(inits: readonly AddShotInit[], details: Record<string, unknown>): string[] {
    const ids = inits.map(() => randomUUID());
    this.edit('shots.addMany', ids[0] ?? '', details, (db, r) => {
      inits.forEach((init, i) => addShot(db, r, init, ids[i] as string, randomUUID()));
    });
    return ids;
  }

  update(id: string, patch: ShotPatch): Shot {
    this.edit('shot.update', id, { patch }, (db, r) => updateShot(db, r, id, patch));
    return this.store.getShot(id);
  }

  remove(id: string): void {
    this.edit('shot.remove', id, {}, (db, r) => removeShot(db, r, id));
  }

  move(id: string, toIndex: number): void {
    this.edit('shot.move', id, { toIndex }, (db, r) => moveShot(db, r, id, toIndex));
  }

  selectTake(shotId: string, takeId: string): Shot {
    this.edit('shot.selectTake', shotId, { takeId }, (db, r) => selectTake(db, r, shotId, takeId));
    return this.store.getShot(shotId);
  }

  setTrim(shotId: string, inFrames: number, outFrames: number | null): Shot {
    this.edit('shot.setTrim', shotId, { inFrames, outFrames }, (db, r) => setTrim(db, r, shotId, inFrames, outFrames));
    return this.store.getShot(shotId);
  }

  /** Splits at `atFrame` frames after the shot's start; returns [first, second]. */
  split(shotId: string, atFrame: number): [Shot, Shot] {
    const second = this.edit('shots.split', shotId, { atFrame }, (db, r) => splitShot(db, r, shotId, atFrame));
    return [this.store.getShot(shotId), this.store.getShot(second)];
  }

  /** Copies the shots as a block after the last of them (or at `toIndex`); returns the new ids. */
  duplicate(shotIds: readonly string[], toIndex?: number): string[] {
    return this.edit('shots.duplicate', shotIds[0] ?? '', { shotIds, toIndex: toIndex ?? null }, (db, r) =>
      duplicateShots(db, r, shotIds, toIndex),
    );
  }

  removeMany(shotIds: readonly string[]): void {
    this.edit('shots.removeMany', shotIds[0] ?? '', { shotIds }, (db, r) => removeShots(db, r, shotIds));
  }

  moveMany(shotIds: readonly string[], toIndex: number): void {
    this.edit('shots.moveMany', shotIds[0] ?? '', { shotIds, toIndex }, (db, r) => moveShots(db, r, shotIds, toIndex));
  }

  /** Sets or clears (null) the first or last frame to a stored image asset. */
  setFrame(shotId: string, which: 'first' | 'last', assetId: string | null): Shot {
    this.edit('shots.setFrame', shotId, { which, assetId }, (db, r) => setShotFrame(db, r, shotId, which, assetId));
    return this.store.getShot(shotId);
  }

  setScene(shotIds: readonly string[], sceneId: string | null): void {
    this.edit('shots.setScene', shotIds[0] ?? '', { shotIds, sceneId }, (db, r) =>
      setShotsScene(db, r, shotIds, sceneId),
    );
  }
}
