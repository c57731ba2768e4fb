/**
 * Shot edits. Each function makes its writes through a ChangeRecorder (so it is undoable) and
 * runs inside the store's edit transaction. Shots are never deleted: removal sets `removed`,
 * so a shot's takes and jobs (paid work) survive and undo restores it whole. Positions stay
 * dense 0..n-1 over live shots.
 */
import { z } from 'zod';
import { ShotPatchSchema, type ShotPatch } from '../../../shared/api/contract.js';
import { CameraMoveSchema, IdSchema, ShotSchema, TakeSchema, type Shot, type Take } from '../../../shared/model/entities.js';
import { reorder } from '../../../shared/model/timeline.js';
import { AppError } from '../../../shared/errors.js';
import { prepared, type ChangeRecorder, type Values } from './changes.js';
import type { Db } from './db.js';
import { insertSql, shotFromRow, shotToRow, SHOT_PATCH_COLUMNS, takeToRow, type Row } from './rows.js';

export const AddShotInitSchema = z.object({
  prompt: ShotSchema.shape.prompt.max(20_000).optional(),
  title: ShotSchema.shape.title.max(500).optional(),
  durationFrames: ShotSchema.shape.durationFrames,
  camera: CameraMoveSchema.optional(),
  firstFrameAssetId: ShotSchema.shape.firstFrameAssetId.optional(),
  index: z.number().int().min(0).optional(),
  provider: ShotSchema.shape.provider.optional(),
  model: ShotSchema.shape.model.optional(),
  /** "Extend this take": the take the new shot continues (shared/generation/request.ts ExtendRef). */
  extendsTakeId: IdSchema.nullable().optional(),
  /** Where the shot's take starts playing (an extension that repeats its source starts after it). */
  trimInFrames: ShotSchema.shape.trimInFrames.optional(),
  /** An imported clip that becomes the new shot's selected take, in the same undo step. */
  importedTake: z.object({
    assetId: IdSchema,
    request: TakeSchema.shape.request.optional(),
    trimOutFrames: ShotSchema.shape.trimOutFrames.optional(),
  }).strict().optional(),
}).strict();
export type AddShotInit = z.input<typeof AddShotInitSchema>;

export function invalid(message: string, error?: z.ZodError): AppError {
  const issue = error?.issues[0];
  const detail = issue ? ` (${issue.path.join('.') || 'value'}: ${issue.message})` : '';
  return new AppError('INVALID_INPUT', `${message}${detail}`);
}

export function shotNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `Shot "${id}" not found in this project.`, { shotId: id });
}

export function elementIdsOf(db: Db, shotId: string): string[] {
  return prepared(db, 'SELECT element_id FROM shot_elements WHERE shot_id = ? ORDER BY position').pluck().all(shotId) as string[];
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
  const links = db.prepare(
    'SELECT se.shot_id, se.element_id FROM shot_elements se JOIN shots s ON s.id = se.shot_id WHERE s.removed = 0 ORDER BY se.shot_id, se.position',
  ).all() as { shot_id: string; element_id: string }[];
  const byShot = new Map<string, string[]>();
  for (const l of links) byShot.set(l.shot_id, [...(byShot.get(l.shot_id) ?? []), l.element_id]);
  return rows.map((r) => shotFromRow(r, byShot.get(String(r.id)) ?? []));
}

/** Writes the positions of `ids` (in order) where they differ from the stored ones. */
function setPositions(rec: ChangeRecorder, ids: readonly string[]): void {
  ids.forEach((id, position) => rec.update('shots', { id }, { position }));
}

function requireAsset(db: Db, id: string, what: string): void {
  if (!db.prepare('SELECT 1 FROM assets WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', `${what} "${id}" is not in this project's media.`);
}

/** The take row for a clip imported with a new shot (not a paid generation: no job, no cost). */
function importedTakeOf(shotId: string, imported: NonNullable<z.output<typeof AddShotInitSchema>['importedTake']>, takeId: string): Take {
  return TakeSchema.parse({
    id: takeId, shotId, assetId: imported.assetId, jobId: null, provider: 'import', model: null,
    request: imported.request ?? { source: 'import' }, seed: null, cost: null, rating: null, createdAt: new Date().toISOString(),
  });
}

export function addShot(db: Db, rec: ChangeRecorder, init: AddShotInit, newId: string, takeId: string): Shot {
  const parsed = AddShotInitSchema.safeParse(init);
  if (!parsed.success) throw invalid('The new shot is not valid', parsed.error);
  const i = parsed.data;
  if (i.firstFrameAssetId) requireAsset(db, i.firstFrameAssetId, 'First-frame asset');
  if (i.importedTake) requireAsset(db, i.importedTake.assetId, 'Clip asset');
  if (i.extendsTakeId && !db.prepare('SELECT 1 FROM takes WHERE id = ? AND removed = 0').get(i.extendsTakeId)) {
    throw new AppError('NOT_FOUND', `Take "${i.extendsTakeId}" not found in this project (or it was removed); nothing to extend.`, { takeId: i.extendsTakeId });
  }
  const ids = liveShotIds(db);
  const index = Math.min(i.index ?? ids.length, ids.length);
  const shot: Shot = ShotSchema.parse({
    id: newId, sceneId: null, position: index, title: i.title ?? '', prompt: i.prompt ?? '', negativePrompt: '',
    firstFrameAssetId: i.firstFrameAssetId ?? null, lastFrameAssetId: null, camera: i.camera ?? 'static', shotSize: null,
    durationFrames: i.durationFrames, provider: i.provider ?? null, model: i.model ?? null, elementIds: [], dialogue: '', seed: null,
    selectedTakeId: null, trimInFrames: i.trimInFrames ?? 0, trimOutFrames: null, transitionIn: { kind: 'cut', frames: 0 }, notes: '',
    extendsTakeId: i.extendsTakeId ?? null,
  });
  // The row is created removed and outside the change log, then made live through it: undo
  // hides the shot instead of deleting it, so a take that arrived meanwhile keeps its shot.
  const row = { ...shotToRow(shot), removed: 1 };
  db.prepare(insertSql('shots', row)).run(...Object.values(row));
  if (i.importedTake) {
    const take = takeToRow(importedTakeOf(newId, i.importedTake, takeId));
    db.prepare(insertSql('takes', take)).run(...Object.values(take));
    db.prepare('UPDATE shots SET selected_take_id = ?, trim_out_frames = ? WHERE id = ?')
      .run(takeId, i.importedTake.trimOutFrames ?? null, newId);
  }
  const order = [...ids];
  order.splice(index, 0, newId);
  setPositions(rec, order);
  rec.update('shots', { id: newId }, { removed: 0 });
  return shot;
}

export function updateShot(db: Db, rec: ChangeRecorder, id: string, patch: ShotPatch): void {
  const parsed = ShotPatchSchema.safeParse(patch);
  if (!parsed.success) throw invalid(`The change to shot "${id}" is not valid`, parsed.error);
  requireShot(db, id);
  const ext = parsed.data.extendsTakeId;
  if (ext && !db.prepare('SELECT 1 FROM takes WHERE id = ? AND removed = 0').get(ext)) {
    throw new AppError('NOT_FOUND', `Take "${ext}" not found in this project (or it was removed); shot "${id}" cannot extend it.`, { takeId: ext });
  }
  const values: Values = {};
  const { transitionIn, ...simple } = parsed.data;
  for (const [field, value] of Object.entries(simple)) {
    if (value === undefined) continue;
    values[SHOT_PATCH_COLUMNS[field as keyof typeof simple]] = value;
  }
  // Both columns in the same update, so undo restores kind and length together.
  if (transitionIn) Object.assign(values, { transition_kind: transitionIn.kind, transition_frames: transitionIn.frames });
  rec.update('shots', { id }, values);
}

export function removeShot(db: Db, rec: ChangeRecorder, id: string): void {
  requireShot(db, id);
  rec.update('shots', { id }, { removed: 1 });
  setPositions(rec, liveShotIds(db));
}

export function moveShot(db: Db, rec: ChangeRecorder, id: string, toIndex: number): void {
  if (!Number.isInteger(toIndex) || toIndex < 0) throw invalid(`Cannot move shot "${id}" to position ${toIndex}`);
  const order = reorder(liveShotIds(db), id, toIndex);
  if (!order) throw shotNotFound(id);
  setPositions(rec, order);
}

export function selectTake(db: Db, rec: ChangeRecorder, shotId: string, takeId: string): void {
  requireShot(db, shotId);
  const owner = db.prepare('SELECT shot_id FROM takes WHERE id = ? AND removed = 0').pluck().get(takeId) as string | undefined;
  if (owner === undefined) throw new AppError('NOT_FOUND', `Take "${takeId}" not found in this project (or it was removed).`, { takeId });
  if (owner !== shotId) {
    throw new AppError('INVALID_INPUT', `Take "${takeId}" belongs to another shot, not to shot "${shotId}".`, { shotId, takeId });
  }
  rec.update('shots', { id: shotId }, { selected_take_id: takeId });
}

export function setTrim(db: Db, rec: ChangeRecorder, shotId: string, inFrames: number, outFrames: number | null): void {
  if (!Number.isInteger(inFrames) || inFrames < 0) {
    throw invalid(`Trim in point ${inFrames} for shot "${shotId}" must be a whole frame count of 0 or more.`);
  }
  if (outFrames !== null && (!Number.isInteger(outFrames) || outFrames <= inFrames)) {
    throw invalid(`Trim out point ${outFrames} for shot "${shotId}" must be a whole frame count after the in point ${inFrames}.`);
  }
  requireShot(db, shotId);
  rec.update('shots', { id: shotId }, { trim_in_frames: inFrames, trim_out_frames: outFrames });
}
