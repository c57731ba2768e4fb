/**
 * Contract methods of shots, takes and scenes (merged into `contract` in contract.ts): add,
 * update, trim, split, duplicate, move, frames, scenes, extend a take, rate and remove takes.
 * Every edit is ONE undo step and answers with the new snapshot (also emitted as project.changed).
 */
import { z } from 'zod';
import { method } from './method.js';
import { CameraMoveSchema, IdSchema, ProjectSnapshotSchema, ShotSchema } from '../model/entities.js';
import { TransitionKindSchema } from '../model/transitionKinds.js';

const PathSchema = z.string().min(1).max(4096);

/** 5 s at the fastest project rate (120 fps); the timeline further clamps to half of each neighbour. */
export const MAX_TRANSITION_FRAMES = 600;
export const TransitionPatchSchema = z
  .object({
    kind: TransitionKindSchema,
    frames: z.number().int().min(0).max(MAX_TRANSITION_FRAMES),
  })
  .strict();

export const ShotPatchSchema = ShotSchema.pick({
  title: true,
  prompt: true,
  negativePrompt: true,
  camera: true,
  shotSize: true,
  durationFrames: true,
  provider: true,
  model: true,
  dialogue: true,
  seed: true,
  notes: true,
  extendsTakeId: true,
})
  .extend({ transitionIn: TransitionPatchSchema })
  .partial()
  .strict();
export type ShotPatch = z.infer<typeof ShotPatchSchema>;

export const AddShotInputSchema = z
  .object({
    prompt: z.string().max(20_000).optional(),
    title: z.string().max(500).optional(),
    /** A file on this machine to import as the first frame. */
    firstFramePath: PathSchema.optional(),
    /** A clip on this machine to import as the shot's selected take. */
    videoPath: PathSchema.optional(),
    durationSec: z.number().positive().max(600).optional(),
    camera: CameraMoveSchema.optional(),
    /** The provider the shot generates with; absent or null: the project's default. */
    provider: z.string().min(1).max(100).nullable().optional(),
    /** Insert at this index; default appends. */
    index: z.number().int().min(0).optional(),
    /** Spoken lines as "Name: text" (a character's name or @tag, or Narrator/旁白), in order. */
    dialogue: z.array(z.string().max(20_000)).max(50).optional(),
  })
  .strict();
export type AddShotInput = z.infer<typeof AddShotInputSchema>;

export const shotMethods = {
  'shots.add': method(AddShotInputSchema, z.object({ shotId: IdSchema, snapshot: ProjectSnapshotSchema })),
  'shots.update': method(z.object({ shotId: IdSchema, patch: ShotPatchSchema }).strict(), ProjectSnapshotSchema),
  'shots.remove': method(z.object({ shotId: IdSchema }).strict(), ProjectSnapshotSchema),
  'shots.move': method(
    z.object({ shotId: IdSchema, toIndex: z.number().int().min(0) }).strict(),
    ProjectSnapshotSchema,
  ),
  'shots.selectTake': method(z.object({ shotId: IdSchema, takeId: IdSchema }).strict(), ProjectSnapshotSchema),
  'shots.setTrim': method(
    z
      .object({
        shotId: IdSchema,
        inFrames: z.number().int().min(0),
        outFrames: z.number().int().positive().nullable(),
      })
      .strict(),
    ProjectSnapshotSchema,
  ),
  /** atFrame counts from the shot's start on the timeline (1..frames-1). With a take: first plays in..in+atFrame, second in+atFrame..out; both select the same media (the second gets copies of the take rows). Without a take the target duration is divided. */
  'shots.split': method(
    z.object({ shotId: IdSchema, atFrame: z.number().int().min(1) }).strict(),
    ProjectSnapshotSchema,
  ),
  /** Copies with new ids (and their own copies of the take rows, same media) inserted as a block after the last given shot, or at toIndex. Also paste. */
  'shots.duplicate': method(
    z.object({ shotIds: z.array(IdSchema).min(1).max(10_000), toIndex: z.number().int().min(0).optional() }).strict(),
    ProjectSnapshotSchema,
  ),
  'shots.removeMany': method(
    z.object({ shotIds: z.array(IdSchema).min(1).max(10_000) }).strict(),
    ProjectSnapshotSchema,
  ),
  /** Keeps the moved shots' relative order; the first of them lands at toIndex of the result. */
  'shots.moveMany': method(
    z.object({ shotIds: z.array(IdSchema).min(1).max(10_000), toIndex: z.number().int().min(0) }).strict(),
    ProjectSnapshotSchema,
  ),
  /** null clears; {path} imports an image; previousShotLastFrame / nextShotFirstFrame grab the frame the previous shot ends on / the next shot starts on (trim-aware). */
  'shots.setFrame': method(
    z
      .object({
        shotId: IdSchema,
        which: z.enum(['first', 'last']),
        source: z
          .union([
            z.object({ assetId: IdSchema }).strict(),
            z.object({ path: PathSchema }).strict(),
            z.object({ previousShotLastFrame: z.literal(true) }).strict(),
            z.object({ nextShotFirstFrame: z.literal(true) }).strict(),
          ])
          .nullable(),
      })
      .strict(),
    ProjectSnapshotSchema,
  ),
  'shots.setScene': method(
    z.object({ shotIds: z.array(IdSchema).min(1).max(10_000), sceneId: IdSchema.nullable() }).strict(),
    ProjectSnapshotSchema,
  ),
  /**
   * "Extend this take": a new shot right after the take's shot, with the take's provider and
   * model, the prompt (given, else the source shot's) and `extendsTakeId` set, as ONE undo step.
   * Refused (INVALID_INPUT) when that provider and model cannot extend or the take has no stored
   * clip handle. Its default trim starts after the source when the provider's extension repeats it.
   */
  'shots.extendTake': method(
    z.object({ takeId: IdSchema, prompt: z.string().max(20_000).optional() }).strict(),
    z.object({ shotId: IdSchema, snapshot: ProjectSnapshotSchema }),
  ),
  'takes.rate': method(
    z.object({ takeId: IdSchema, rating: z.number().int().min(0).max(5).nullable() }).strict(),
    ProjectSnapshotSchema,
  ),
  /** Removing the shot's selected take selects its newest other take (or none), in the same undo step. */
  'takes.remove': method(z.object({ takeId: IdSchema }).strict(), ProjectSnapshotSchema),
  'scenes.add': method(
    z.object({ heading: z.string().max(500), index: z.number().int().min(0).optional() }).strict(),
    ProjectSnapshotSchema,
  ),
  'scenes.update': method(
    z
      .object({
        sceneId: IdSchema,
        patch: z.object({ heading: z.string().max(500).optional(), notes: z.string().max(20_000).optional() }).strict(),
      })
      .strict(),
    ProjectSnapshotSchema,
  ),
  /** Its shots become unassigned (sceneId null). */
  'scenes.remove': method(z.object({ sceneId: IdSchema }).strict(), ProjectSnapshotSchema),
} as const;
