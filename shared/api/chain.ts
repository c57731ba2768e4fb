/**
 * Contract methods of chain extend (merged into `contract` in contract.ts, handled with the
 * bridges): continue a take from its exact frame at trim out on any model that takes a first
 * frame, joined at that frame; the long-take builder's plan (links, price, budget) up front.
 */
import { z } from 'zod';
import { IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { BatchEstimateSchema } from './generation.js';

const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const ChainInputSchema = z
  .object({
    takeId: IdSchema,
    provider: z.string().min(1).max(64).optional(),
    model: z.string().min(1).max(200).optional(),
    /** Each link's length in seconds (default: the take's shot length). */
    linkSec: z.number().positive().max(600).optional(),
  })
  .strict();

export const chainMethods = {
  /** What chaining the take to `toSec` would take: links, seconds, and the estimate against the budget. */
  'bridges.chainPlan': m(
    ChainInputSchema.extend({ toSec: z.number().positive().max(3600) }),
    z.object({
      provider: z.string(),
      model: z.string().nullable(),
      fromSec: z.number(),
      toSec: z.number(),
      linkSec: z.number(),
      links: z.number().int().min(0),
      estimate: BatchEstimateSchema,
    }),
  ),
  /** One link after the take's shot, from its frame at trim out, joined at that frame. ONE undo step. */
  'bridges.chainLink': m(ChainInputSchema, z.object({ shotId: IdSchema, snapshot: ProjectSnapshotSchema })),
} as const;
