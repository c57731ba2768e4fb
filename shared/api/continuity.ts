/**
 * Contract methods of the consistency check (merged into `contract` in contract.ts): check
 * takes against their elements' pictures (local, offline, read-only), read the last report, and
 * the drift thresholds per element kind (app settings). README "Consistency check".
 */
import { z } from 'zod';
import { IdSchema } from '../model/entities.js';
import { ContinuityReportSchema, DriftThresholdsSchema, ThresholdOverrideSchema } from '../continuity/score.js';

export const continuityMethods = {
  /**
   * Samples each take's frames and scores them; saves and answers the report. Without
   * `shotIds`: every shot with elements to check. `selectedOnly`: only each shot's selected take.
   */
  'continuity.check': {
    input: z
      .object({
        shotIds: z.array(IdSchema).max(10_000).optional(),
        selectedOnly: z.boolean().default(false),
        /** Some kinds' thresholds for this run only, over the saved ones (the CLI's --threshold). */
        thresholds: ThresholdOverrideSchema.optional(),
      })
      .strict(),
    output: ContinuityReportSchema,
  },
  /** The last saved report, its drift flags re-read against the current thresholds; null: never checked. */
  'continuity.report': { input: z.object({}).strict(), output: ContinuityReportSchema.nullable() },
  'continuity.thresholds': { input: z.object({}).strict(), output: DriftThresholdsSchema },
  'continuity.setThresholds': { input: DriftThresholdsSchema, output: DriftThresholdsSchema },
} as const;
