/**
 * Contract methods for getting a project back (merged into `contract` in contract.ts): relink
 * missing media (quality.md MEDIA-4), save a copy while the project stays open (DATA-6), and
 * open a repaired copy of a project refused for foreign schema objects (PROJECT_FOREIGN).
 */
import { z } from 'zod';
import { ASSET_KINDS, IdSchema, ProjectSnapshotSchema } from '../model/entities.js';

const PathSchema = z.string().min(1).max(4096);

export const MissingMediaSchema = z.object({
  assetId: IdSchema,
  /** The name of the file the user imported (never the store's internal path). */
  originalName: z.string(),
  bytes: z.number().int().nonnegative(),
  kind: z.enum(ASSET_KINDS),
  durationSec: z.number().nullable(),
  /** missing: no file; outside: the stored path was refused (it would leave the project). */
  problem: z.enum(['missing', 'outside']),
  usedBy: z.array(
    z.object({
      shotId: IdSchema.nullable(),
      shotNumber: z.number().int().positive().nullable(),
      role: z.enum(['take', 'firstFrame', 'lastFrame', 'audio', 'element', 'style']),
    }),
  ),
});
export type MissingMediaItem = z.infer<typeof MissingMediaSchema>;

const RelinkResultSchema = z.object({ assetId: IdSchema, verified: z.enum(['hash', 'confirmed']), path: z.string() });

export const recoveryMethods = {
  'media.missing': { input: z.object({}).strict(), output: z.array(MissingMediaSchema) },
  /**
   * Points the asset at `path`: the same bytes (sha256) relink at once; other bytes are refused
   * with MEDIA_MISMATCH (details say how they differ) unless `confirm` is true.
   */
  'media.relink': {
    input: z.object({ assetId: IdSchema, path: PathSchema, confirm: z.boolean().default(false) }).strict(),
    output: z.object({ result: RelinkResultSchema, snapshot: ProjectSnapshotSchema }),
  },
  /** Searches a folder for the missing media by name and size, relinking files whose hash matches. */
  'media.relinkFolder': {
    input: z.object({ folder: PathSchema }).strict(),
    output: z.object({
      relinked: z.array(RelinkResultSchema),
      candidates: z.array(z.object({ assetId: IdSchema, file: z.string() })),
      notFound: z.array(IdSchema),
      snapshot: ProjectSnapshotSchema,
    }),
  },
  /**
   * Saves a copy of the open project (database through the backup API, plus media) into a new or
   * empty folder. `linkMedia`: the copy's media are hard links to the same files (a variant that
   * shares the media store: no byte is duplicated; a copy where links are impossible).
   */
  'project.saveCopy': {
    input: z.object({ dir: PathSchema, linkMedia: z.boolean().optional() }).strict(),
    output: z.object({ dir: z.string(), copiedFiles: z.number().int().nonnegative(), skipped: z.array(z.string()) }),
  },
  /**
   * Makes a repaired copy of the project in `dir` (refused with PROJECT_FOREIGN) in `copyDir`
   * (default: "<dir> (repaired)") and opens it. The original is not modified.
   */
  'project.openRepaired': {
    input: z.object({ dir: PathSchema, copyDir: PathSchema.optional() }).strict(),
    output: ProjectSnapshotSchema,
  },
} as const;
