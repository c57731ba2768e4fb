/**
 * Contract methods of the Elements library (merged into `contract` in contract.ts): characters,
 * locations, props and styles with reference pictures, and the elements a shot picks. Every
 * edit is ONE undo step and answers with the new snapshot (also emitted as project.changed).
 */
import { z } from 'zod';
import { method } from './method.js';
import { ELEMENT_KINDS, ElementSchema, IdSchema, ProjectSnapshotSchema } from '../model/entities.js';

const PathSchema = z.string().min(1).max(4096);
const NameSchema = z.string().trim().min(1).max(200);
/** A tag as typed ("Mara" or "@Mara"); the service normalizes and checks it is unique. */
const TagInputSchema = z.string().trim().min(1).max(65);

export const ElementCreateSchema = z
  .object({
    kind: z.enum(ELEMENT_KINDS).default('character'),
    name: NameSchema,
    /** Absent: derived from the name ("Mara Lee" -> @Mara_Lee), made unique with _2, _3. */
    tag: TagInputSchema.optional(),
    description: z.string().max(20_000).optional(),
    voice: z.string().max(200).nullable().optional(),
    /** Stored image assets to use as its first reference pictures. */
    refAssetIds: z.array(IdSchema).max(12).optional(),
  })
  .strict();
export type ElementCreate = z.output<typeof ElementCreateSchema>;

export const ElementPatchSchema = z
  .object({
    kind: z.enum(ELEMENT_KINDS),
    name: NameSchema,
    tag: TagInputSchema,
    description: z.string().max(20_000),
    voice: z.string().max(200).nullable(),
  })
  .partial()
  .strict();
export type ElementPatch = z.infer<typeof ElementPatchSchema>;

/** A picture for an element: a file on this machine to import, or an image already in the project. */
export const ElementPictureSchema = z.union([
  z.object({ path: PathSchema }).strict(),
  z.object({ assetId: IdSchema }).strict(),
]);

export const elementMethods = {
  /** Pictures given by path are imported (probed, content-addressed) before anything is written. */
  'elements.create': method(
    ElementCreateSchema.extend({ picturePaths: z.array(PathSchema).max(12).optional() }).strict(),
    z.object({ element: ElementSchema, snapshot: ProjectSnapshotSchema }),
  ),
  'elements.update': method(
    z.object({ elementId: IdSchema, patch: ElementPatchSchema }).strict(),
    ProjectSnapshotSchema,
  ),
  /** Also takes it off every shot, in the same undo step. */
  'elements.remove': method(z.object({ elementId: IdSchema }).strict(), ProjectSnapshotSchema),
  /** Appends pictures (a broken file is refused with its own error and nothing is added). */
  'elements.addPictures': method(
    z.object({ elementId: IdSchema, pictures: z.array(ElementPictureSchema).min(1).max(12) }).strict(),
    ProjectSnapshotSchema,
  ),
  'elements.removePicture': method(
    z.object({ elementId: IdSchema, assetId: IdSchema }).strict(),
    ProjectSnapshotSchema,
  ),
  /** The elements the shot picks, in order (an empty list detaches all). */
  'shots.setElements': method(
    z.object({ shotId: IdSchema, elementIds: z.array(IdSchema).max(64) }).strict(),
    ProjectSnapshotSchema,
  ),
} as const;
