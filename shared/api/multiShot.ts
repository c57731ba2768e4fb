/**
 * Contract methods of multi-shot generation (merged into `contract` in contract.ts): consecutive
 * shots as ONE provider request — one job, one estimate, one cost in the ledger — split back onto
 * the shots as takes when it is done (shared/generation/multiShot.ts).
 */
import { z } from 'zod';
import { IdSchema } from '../model/entities.js';
import { BatchEstimateSchema } from './generation.js';

const MultiShotInputSchema = z
  .object({
    /** The shots, consecutive on the timeline (their order there is the order sent). */
    shotIds: z.array(IdSchema).min(2).max(12),
    provider: z.string().min(1).max(64).optional(),
    model: z.string().min(1).max(200).optional(),
  })
  .strict();

export const multiShotMethods = {
  /** What multiShot.start would cost (one job), nothing written or sent; refused with the reason. */
  'multiShot.estimate': { input: MultiShotInputSchema, output: BatchEstimateSchema },
  /** Writes the one job row, then sends; answers with its id as soon as the row exists. */
  'multiShot.start': { input: MultiShotInputSchema, output: z.object({ jobIds: z.array(IdSchema) }) },
} as const;
