/**
 * Contract methods of the variant review (merged into `contract` in contract.ts): open the
 * output folder of `storyboard variants` (or the open template's last run) and mark each
 * exported file approved, rejected or pending. The marks live in the folder's variants.json
 * (the CLI keeps them across reruns). variants.json is data from a file anyone may have
 * written: its file names are resolved inside the folder only, and an entry that points
 * elsewhere is listed as refused, never read or served.
 */
import { z } from 'zod';
import { AspectSchema } from '../model/format.js';

const PathSchema = z.string().min(1).max(4096);

export const VARIANT_REVIEWS = ['pending', 'approved', 'rejected'] as const;
export const VariantReviewSchema = z.enum(VARIANT_REVIEWS);
export type VariantReview = z.infer<typeof VariantReviewSchema>;

/** One entry of variants.json as the CLI writes it (keyed by the exported file's name). */
export const VariantEntrySchema = z.object({
  row: z.number().int().min(0).max(1_000_000),
  id: z.string().max(200),
  aspect: z.string().max(16),
  values: z.record(z.string().max(200), z.string().max(10_000)).default({}),
  review: VariantReviewSchema.default('pending'),
});

export const VariantItemSchema = VariantEntrySchema.extend({
  /** The key in variants.json: the file's name inside the folder. */
  file: z.string(),
  /** Its absolute path (inside the folder), for the media URL. */
  path: z.string(),
  /** The file is there (a row that failed or was deleted has an entry but no file). */
  exists: z.boolean(),
});
export type VariantItem = z.infer<typeof VariantItemSchema>;

export const VariantsReviewSchema = z.object({
  dir: z.string(),
  items: z.array(VariantItemSchema),
  /** Entries that were not shown: a path outside the folder, or fields the format does not allow. */
  refused: z.array(z.object({ file: z.string(), reason: z.enum(['outside', 'invalid']) })),
});
export type VariantsReview = z.infer<typeof VariantsReviewSchema>;

/** What a variant matrix would make and cost (variants.estimate): nothing copied, written or sent. */
export const MatrixEstimateSchema = z.object({
  rows: z.number().int().min(0),
  /** Rows with a missing value (skipped, not estimated). */
  skipped: z.number().int().min(0),
  outputs: z.number().int().min(0),
  /** Generations per row: the clips at the project's aspect plus every native aspect take. */
  generationsPerRow: z.number().int().min(0),
  perRow: z.number().nonnegative(),
  total: z.number().nonnegative(),
  currency: z.string(),
  budgetCap: z.number().nonnegative().nullable(),
  /** Per output aspect other than the project's: native generations and reframes, as the CLI prints them. */
  notes: z.array(z.object({ aspect: AspectSchema, note: z.string() })),
});
export type MatrixEstimate = z.infer<typeof MatrixEstimateSchema>;

export const variantMethods = {
  /**
   * The open template's variant matrix over a data file (CSV or JSON rows) × aspects: the plan
   * and its cost; refused over the budget (`budget`, else the project's cap) with a translated
   * message, before anything is copied or sent. The CLI's `storyboard variants` plans the same.
   */
  'variants.estimate': {
    input: z
      .object({
        data: PathSchema,
        aspects: z.array(AspectSchema).min(1).max(5),
        name: z.string().min(1).max(200).optional(),
        budget: z.number().nonnegative().max(1e9).optional(),
      })
      .strict(),
    output: MatrixEstimateSchema,
  },
  /** Opens a variants output folder (`dir`), or without `dir` the open project's last `storyboard variants` run. */
  'variants.open': {
    input: z.object({ dir: PathSchema.optional() }).strict(),
    output: VariantsReviewSchema,
  },
  /** Sets one file's review mark in the opened folder's variants.json (written atomically) and answers the review. */
  'variants.review': {
    input: z.object({ file: z.string().min(1).max(1000), review: VariantReviewSchema }).strict(),
    output: VariantsReviewSchema,
  },
} as const;
