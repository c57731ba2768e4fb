/**
 * Contract methods of chain extend (merged into `contract` in contract.ts, handled with the
 * bridges): continue a take from its exact frame at trim out on any model that takes a first
 * frame, joined at that frame; the long-take builder's plan (links, price, budget) up front.
 * Also what the app asks before a bridge or an upscale: the price first, nothing written.
 */
import { z } from 'zod';
import { method } from './method.js';
import { IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { BatchEstimateSchema } from './generation.js';
import { BridgeInputSchema } from './keyframes.js';

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
  /**
   * What bridges.insert would make and cost (its model, length and the estimate against the
   * budget); refused exactly as the insert is (no next shot, a model that cannot end on a frame,
   * with the models that can). Nothing grabbed, written or sent.
   */
  'bridges.estimate': method(
    BridgeInputSchema,
    z.object({
      provider: z.string(),
      model: z.string().nullable(),
      durationSec: z.number(),
      estimate: BatchEstimateSchema,
    }),
  ),
  /** A take's size now and upscaled, and the upscalers that can do it (offline first). */
  'upscale.plan': method(
    z.object({ takeId: IdSchema }).strict(),
    z.object({
      width: z.number().int(),
      height: z.number().int(),
      toWidth: z.number().int(),
      toHeight: z.number().int(),
      upscalers: z.array(z.object({ id: z.string(), label: z.string(), offline: z.boolean() })),
    }),
  ),
  /** What chaining the take to `toSec` would take: links, seconds, and the estimate against the budget. */
  'bridges.chainPlan': method(
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
  'bridges.chainLink': method(ChainInputSchema, z.object({ shotId: IdSchema, snapshot: ProjectSnapshotSchema })),
} as const;
