/**
 * Contract method of a pasted shot list (merged into `contract` in contract.ts): many text
 * shots added at once, in order, at an index — ONE undo step for the whole list.
 */
import { z } from 'zod';
import { CameraMoveSchema, IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { MAX_LISTED_SECONDS, MAX_LISTED_SHOTS } from '../model/shotList.js';

export const ListedShotSchema = z
  .object({
    prompt: z.string().min(1).max(20_000),
    durationSec: z.number().positive().max(MAX_LISTED_SECONDS).optional(),
    camera: CameraMoveSchema.optional(),
  })
  .strict();

export const shotListMethods = {
  'shots.addMany': {
    input: z
      .object({
        shots: z.array(ListedShotSchema).min(1).max(MAX_LISTED_SHOTS),
        /** Insert the first at this index (the rest follow it); default appends. */
        index: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.object({ shotIds: z.array(IdSchema), snapshot: ProjectSnapshotSchema }),
  },
} as const;
