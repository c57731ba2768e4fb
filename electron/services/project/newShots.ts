/**
 * The shot a ShotOps.add writes (`store.shots.add(...)`, shots.ts), also the body of an edit that
 * adds a shot with more in the same step (dialogue lines, dialogueOps.ts): the input checked,
 * the row created removed then made live through the change log, an imported clip as its take.
 */
import { z } from 'zod';
import {
  CameraMoveSchema,
  IdSchema,
  ShotSchema,
  TakeSchema,
  type Shot,
  type Take,
} from '../../../shared/model/entities.js';
import { newShot, newTake } from '../../../shared/model/factories.js';
import { AppError } from '../../../shared/errors.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { invalid } from './input.js';
import { insertSql } from './rows.js';
import { shotToRow, takeToRow } from './shotRows.js';
import { setPositions } from './shotCopies.js';
import { liveShotIds } from './shotReads.js';

export const AddShotInitSchema = z
  .object({
    prompt: ShotSchema.shape.prompt.max(20_000).optional(),
    title: ShotSchema.shape.title.max(500).optional(),
    durationFrames: ShotSchema.shape.durationFrames,
    camera: CameraMoveSchema.optional(),
    firstFrameAssetId: ShotSchema.shape.firstFrameAssetId.optional(),
    /** A bridge shot ends on the next shot's first frame (keyframes/bridge.ts). */
    lastFrameAssetId: ShotSchema.shape.lastFrameAssetId.optional(),
    index: z.number().int().min(0).optional(),
    provider: ShotSchema.shape.provider.optional(),
    model: ShotSchema.shape.model.optional(),
    /** "Extend this take": the take the new shot continues (shared/generation/request.ts ExtendRef). */
    extendsTakeId: IdSchema.nullable().optional(),
    /** Where the shot's take starts playing (an extension that repeats its source starts after it). */
    trimInFrames: ShotSchema.shape.trimInFrames.optional(),
    /** An imported clip that becomes the new shot's selected take, in the same undo step. */
    importedTake: z
      .object({
        assetId: IdSchema,
        request: TakeSchema.shape.request.optional(),
        trimOutFrames: ShotSchema.shape.trimOutFrames.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type AddShotInit = z.input<typeof AddShotInitSchema>;

function requireAsset(db: Db, id: string, what: string): void {
  if (!db.prepare('SELECT 1 FROM assets WHERE id = ?').get(id))
    throw new AppError('NOT_FOUND', `${what} "${id}" is not in this project's media.`);
}

/** The take row for a clip imported with a new shot (not a paid generation: no job, no cost). */
function importedTakeOf(
  shotId: string,
  imported: NonNullable<z.output<typeof AddShotInitSchema>['importedTake']>,
  takeId: string,
): Take {
  return TakeSchema.parse(
    newTake({
      id: takeId,
      shotId,
      assetId: imported.assetId,
      request: imported.request ?? { source: 'import' },
      createdAt: new Date().toISOString(),
    }),
  );
}

/** The body of ShotOps.add, for an edit that adds a shot with more in the same step (dialogue lines). */
export function addShot(db: Db, rec: ChangeRecorder, init: AddShotInit, newId: string, takeId: string): Shot {
  const parsed = AddShotInitSchema.safeParse(init);
  if (!parsed.success) throw invalid('The new shot is not valid', parsed.error);
  const i = parsed.data;
  if (i.firstFrameAssetId) requireAsset(db, i.firstFrameAssetId, 'First-frame asset');
  if (i.lastFrameAssetId) requireAsset(db, i.lastFrameAssetId, 'Last-frame asset');
  if (i.importedTake) requireAsset(db, i.importedTake.assetId, 'Clip asset');
  if (i.extendsTakeId && !db.prepare('SELECT 1 FROM takes WHERE id = ? AND removed = 0').get(i.extendsTakeId)) {
    throw new AppError(
      'NOT_FOUND',
      `Take "${i.extendsTakeId}" not found in this project (or it was removed); nothing to extend.`,
      { takeId: i.extendsTakeId },
    );
  }
  const ids = liveShotIds(db);
  const index = Math.min(i.index ?? ids.length, ids.length);
  const shot: Shot = ShotSchema.parse(
    newShot({
      id: newId,
      position: index,
      title: i.title ?? '',
      prompt: i.prompt ?? '',
      firstFrameAssetId: i.firstFrameAssetId ?? null,
      lastFrameAssetId: i.lastFrameAssetId ?? null,
      camera: i.camera ?? 'static',
      durationFrames: i.durationFrames,
      provider: i.provider ?? null,
      model: i.model ?? null,
      trimInFrames: i.trimInFrames ?? 0,
      extendsTakeId: i.extendsTakeId ?? null,
    }),
  );
  // The row is created removed and outside the change log, then made live through it: undo
  // hides the shot instead of deleting it, so a take that arrived meanwhile keeps its shot.
  const row = { ...shotToRow(shot), removed: 1 };
  db.prepare(insertSql('shots', row)).run(...Object.values(row));
  if (i.importedTake) {
    const take = takeToRow(importedTakeOf(newId, i.importedTake, takeId));
    db.prepare(insertSql('takes', take)).run(...Object.values(take));
    db.prepare('UPDATE shots SET selected_take_id = ?, trim_out_frames = ? WHERE id = ?').run(
      takeId,
      i.importedTake.trimOutFrames ?? null,
      newId,
    );
  }
  const order = [...ids];
  order.splice(index, 0, newId);
  setPositions(rec, order);
  rec.update('shots', { id: newId }, { removed: 0 });
  return shot;
}
