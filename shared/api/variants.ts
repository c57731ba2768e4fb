/**
 * Contract methods of the variant review (merged into `contract` in contract.ts): open the
 * output folder of `storyboard variants` (or the open template's last run) and mark each
 * exported file approved, rejected or pending. The marks live in the folder's variants.json
 * (the CLI keeps them across reruns). variants.json is data from a file anyone may have
 * written: its file names are resolved inside the folder only, and an entry that points
 * elsewhere is listed as refused, never read or served.
 */
import { z } from 'zod';

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

export const variantMethods = {
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
