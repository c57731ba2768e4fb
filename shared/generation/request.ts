/**
 * What a provider is asked for one shot: provider-neutral, complete (the take stores it as
 * sent, for reproducibility and provenance), and validated before a job is written.
 * Pure: the service resolves asset ids to absolute paths and passes them in.
 */
import { z } from 'zod';
import type { Project, Shot } from '../model/entities.js';
import { CameraMoveSchema, IdSchema } from '../model/entities.js';
import { FpsSchema, framesToSeconds, secondsToFrames } from '../model/time.js';

export const FrameRefSchema = z.object({
  assetId: IdSchema,
  /** Absolute path at the time of sending (re-resolved from assetId if the project moved). */
  path: z.string().min(1),
}).strict();
export type FrameRef = z.infer<typeof FrameRefSchema>;

/**
 * A reference image for consistency (design.md §6): an element's picture (character,
 * location, prop) or the project's style reference. Adapters map these to their provider's
 * field and send at most their model's referenceImagesMax, in this order.
 */
export const ReferenceRefSchema = z.object({
  assetId: IdSchema,
  path: z.string().min(1),
  /** What it shows (absent: unspecified), for providers that type their references. */
  kind: z.enum(['character', 'location', 'prop', 'style']).optional(),
  /** The element's name, for providers that label references. */
  name: z.string().optional(),
}).strict();
export type ReferenceRef = z.infer<typeof ReferenceRefSchema>;

export const GenerationRequestSchema = z.object({
  shotId: IdSchema,
  /** 1-based position on the timeline, for labels ("Shot 3"). */
  shotNumber: z.number().int().positive(),
  title: z.string(),
  prompt: z.string(),
  /** The project's style prompt; each adapter decides how to combine it with the prompt. */
  stylePrompt: z.string(),
  negativePrompt: z.string(),
  firstFrame: FrameRefSchema.nullable(),
  lastFrame: FrameRefSchema.nullable(),
  camera: CameraMoveSchema,
  /** Seconds, the unit providers take; exact project frames are durationSec * fps. */
  durationSec: z.number().positive().max(600),
  width: z.number().int().positive().max(8192),
  height: z.number().int().positive().max(8192),
  fps: FpsSchema,
  seed: z.number().int().nullable(),
  model: z.string().nullable(),
  /** Element and style reference images, in priority order (absent: none). */
  references: z.array(ReferenceRefSchema).max(32).optional(),
}).strict();
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;

/**
 * The request for a shot, from the project's format and the shot's fields. `frame` turns an
 * asset id into a FrameRef (the caller resolves the absolute path and reports a missing one).
 */
export function buildGenerationRequest(args: {
  project: Pick<Project, 'width' | 'height' | 'fps' | 'stylePrompt' | 'defaultModel'>;
  shot: Shot;
  shotNumber: number;
  frame: (assetId: string) => FrameRef;
  /** The shot's elements' pictures, then the project's style references (resolved by the caller). */
  references?: ReferenceRef[];
}): GenerationRequest {
  const { project, shot } = args;
  return GenerationRequestSchema.parse({
    shotId: shot.id,
    shotNumber: args.shotNumber,
    title: shot.title,
    prompt: shot.prompt,
    stylePrompt: project.stylePrompt,
    negativePrompt: shot.negativePrompt,
    firstFrame: shot.firstFrameAssetId ? args.frame(shot.firstFrameAssetId) : null,
    lastFrame: shot.lastFrameAssetId ? args.frame(shot.lastFrameAssetId) : null,
    camera: shot.camera,
    durationSec: framesToSeconds(shot.durationFrames, project.fps),
    width: project.width,
    height: project.height,
    fps: project.fps,
    seed: shot.seed,
    model: shot.model ?? project.defaultModel,
    ...(args.references?.length ? { references: args.references } : {}),
  });
}

/** The request's duration in whole project frames (exact for durations made from frames). */
export function requestFrames(req: Pick<GenerationRequest, 'durationSec' | 'fps'>): number {
  return Math.max(1, secondsToFrames(req.durationSec, req.fps));
}
