/**
 * What a provider is asked for one shot: provider-neutral, complete (the take stores it as
 * sent, for reproducibility and provenance), and validated before a job is written.
 * Pure: the service resolves asset ids to absolute paths and passes them in.
 */
import { z } from 'zod';
import type { Project, Shot } from '../model/entities.js';
import { CameraMoveSchema, ELEMENT_KINDS, IdSchema } from '../model/entities.js';
import { FpsSchema, framesToSeconds, secondsToFrames } from '../model/time.js';
import { MultiShotSchema } from './multiShot.js';
import { AspectSchema, type Aspect } from '../model/format.js';
import { sizeAtAspect } from '../model/aspectTakes.js';

export const FrameRefSchema = z
  .object({
    assetId: IdSchema,
    /** Absolute path at the time of sending (re-resolved from assetId if the project moved). */
    path: z.string().min(1),
  })
  .strict();
export type FrameRef = z.infer<typeof FrameRefSchema>;

/**
 * A reference image for consistency (design.md §6): an element's picture (character,
 * location, prop) or the project's style reference. Adapters map these to their provider's
 * field and send at most their model's referenceImagesMax, in this order.
 */
export const ReferenceRefSchema = z
  .object({
    assetId: IdSchema,
    path: z.string().min(1),
    /** What it shows (absent: unspecified), for providers that type their references. */
    kind: z.enum(ELEMENT_KINDS).optional(),
    /** The element's name, for providers that label references. */
    name: z.string().optional(),
  })
  .strict();
export type ReferenceRef = z.infer<typeof ReferenceRefSchema>;

/**
 * "Extend this take": the provider-neutral source of an extension. `ref` is the provider's own
 * handle of the source clip as stored with its take (Veo: Files API uri; Kling: video id;
 * Luma: generation id); each adapter maps it to its field (Veo `video.uri`, Kling `video_id`,
 * Luma `keyframes.frame0 {type:'generation', id}`).
 */
export const ExtendRefSchema = z
  .object({
    takeId: IdSchema,
    /** The provider that made the source take; only it can extend its own clip. */
    provider: z.string().min(1),
    model: z.string().nullable(),
    ref: z.string().min(1),
    /** Length of the source clip in seconds (what an output that includes it starts with). */
    durationSec: z.number().nonnegative(),
  })
  .strict();
export type ExtendRef = z.infer<typeof ExtendRefSchema>;

/**
 * "Restyle this clip": a take's video sent as the input of a video-to-video model (Runway Aleph),
 * which returns the edited clip. Provider-neutral: a local file, read by the adapter when sent.
 */
export const VideoRefSchema = z
  .object({
    /** The take whose clip is edited (absent: a clip that is no take, e.g. in tests). */
    takeId: IdSchema.optional(),
    assetId: IdSchema,
    /** Absolute path at the time of sending. */
    path: z.string().min(1),
    /** Length of the clip in seconds (the output is as long: what is billed). */
    durationSec: z.number().positive(),
    /** The clip's frame size when known (models with size limits refuse before sending). */
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    /** The clip's frame rate when known (frames per second; edit endpoints take 24-60 only). */
    fps: z.number().positive().max(1000).optional(),
  })
  .strict();
export type VideoRef = z.infer<typeof VideoRefSchema>;

export const GenerationRequestSchema = z
  .object({
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
    /** Continue this take's clip instead of starting a new one (absent: a new clip). */
    extend: ExtendRefSchema.optional(),
    /**
     * Several consecutive shots made by this one request (multiShot.ts): the job's shot is the
     * first, durationSec the whole clip; the clip is split back onto the parts as takes.
     */
    multiShot: MultiShotSchema.optional(),
    /** A clip to edit instead of generating from nothing (models with capabilities.videoInput). */
    sourceVideo: VideoRefSchema.optional(),
    /**
     * Made for this delivery aspect instead of the project's (width and height are that
     * aspect's size; the take records it: shared/model/aspectTakes.ts). Absent: the project's.
     */
    aspect: AspectSchema.optional(),
  })
  .strict();
export type GenerationRequest = z.infer<typeof GenerationRequestSchema>;

/**
 * The request for a shot, from the project's format and the shot's fields. `frame` turns an
 * asset id into a FrameRef (the caller resolves the absolute path and reports a missing one).
 */
export function buildGenerationRequest(args: {
  project: Pick<Project, 'width' | 'height' | 'fps' | 'stylePrompt' | 'defaultModel'> &
    Partial<Pick<Project, 'aspect'>>;
  shot: Shot;
  /** Make the clip at this aspect (the project's short side) rather than the project's. */
  aspect?: Aspect;
  shotNumber: number;
  frame: (assetId: string) => FrameRef;
  /** The shot's elements' pictures, then the project's style references (resolved by the caller). */
  references?: ReferenceRef[];
  /** The take the shot extends, resolved by the caller (absent: a new clip). */
  extend?: ExtendRef;
}): GenerationRequest {
  const { project, shot } = args;
  const other = args.aspect && args.aspect !== project.aspect ? args.aspect : undefined;
  const size = other ? sizeAtAspect(project, other) : { width: project.width, height: project.height };
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
    width: size.width,
    height: size.height,
    fps: project.fps,
    seed: shot.seed,
    model: shot.model ?? project.defaultModel,
    ...(args.references?.length ? { references: args.references } : {}),
    ...(args.extend ? { extend: args.extend } : {}),
    ...(other ? { aspect: other } : {}),
  });
}

/**
 * Why a shot cannot extend its source take with this provider, as a sentence naming the shot,
 * or null. Checked before any job is written: the provider must be the one that made the take
 * (a clip handle means nothing elsewhere) and the take must carry the provider's handle.
 * `extenders` names the providers that can extend their own clips, for the message.
 */
export function extendProblem(args: {
  shotNumber: number;
  source: { provider: string; providerLabel: string; ref: string | null } | null;
  /** The provider asked, and whether its chosen model can extend (capabilities). */
  provider: { id: string; label: string; canExtend: boolean };
  extenders: readonly string[];
}): string | null {
  const shot = `Shot ${args.shotNumber}`;
  const a = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
  const who = args.extenders.length
    ? `only ${args.extenders.join(', ')} can extend their own clips`
    : 'no provider here can extend clips';
  if (!args.source)
    return `${shot} extends a take that is no longer in this project; clear "extends" on the shot or pick another take.`;
  if (args.source.provider !== args.provider.id) {
    return `${shot} extends ${a(args.source.providerLabel)} take, so only ${args.source.providerLabel} can continue it (asked: ${args.provider.label}); ${who}.`;
  }
  if (!args.provider.canExtend)
    return `${shot} extends ${a(args.source.providerLabel)} take, but that model cannot extend clips; ${who}.`;
  if (!args.source.ref) {
    return `${shot} extends ${a(args.source.providerLabel)} take that has no stored ${args.source.providerLabel} clip id (imported, or made before extension was supported); ${who}, from takes they generated here.`;
  }
  return null;
}

/** The request's duration in whole project frames (exact for durations made from frames). */
export function requestFrames(req: Pick<GenerationRequest, 'durationSec' | 'fps'>): number {
  return Math.max(1, secondsToFrames(req.durationSec, req.fps));
}

/**
 * The provider's handle of a take's clip (what an extension sends back), or null: the job
 * runner stores it in the take's request as `providerOutput.ref` (runJob.ts).
 */
export function takeOutputRef(take: { request: Record<string, unknown> }): string | null {
  const out = take.request.providerOutput as { ref?: unknown } | undefined;
  return out && typeof out.ref === 'string' && out.ref ? out.ref : null;
}
