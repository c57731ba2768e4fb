/**
 * The domain model of design.md §3 as zod schemas: the single source of the types that the
 * services store, the contract carries and the renderer shows. Times are integer frames at the
 * project fps unless a name says otherwise.
 */
import { z } from 'zod';
import { AspectSchema } from './format.js';
import { ShotFramingSchema } from './framing.js';
import { FpsSchema } from './time.js';
import { DialogueLineSchema } from './dialogue.js';
import { TransitionKindSchema } from './transitionKinds.js';
import { TemplateVariableSchema } from '../template/variables.js';
import { TrackStatesSchema } from './tracks.js';
import { JOB_ERROR_CODES, type JobErrorCode } from '../generation/jobErrors.js';

export const IdSchema = z.string().min(1).max(64);

export const CAMERA_MOVES = ['static', 'push_in', 'pull_out', 'pan_left', 'pan_right', 'tilt_up', 'tilt_down'] as const;
export const CameraMoveSchema = z.enum(CAMERA_MOVES);
export type CameraMove = z.infer<typeof CameraMoveSchema>;

export const SHOT_SIZES = ['extreme_wide', 'wide', 'medium', 'close_up', 'extreme_close_up', 'insert'] as const;
export const ShotSizeSchema = z.enum(SHOT_SIZES);

/** The kinds list lives with its table (transitionKinds.ts); re-exported for the model's readers. */
export { TRANSITION_KINDS } from './transitionKinds.js';

export const TransitionSchema = z.object({
  kind: TransitionKindSchema,
  frames: z.number().int().min(0),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const ProjectSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  aspect: AspectSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: FpsSchema,
  stylePrompt: z.string(),
  styleRefAssetIds: z.array(IdSchema),
  defaultProvider: z.string(),
  defaultModel: z.string().nullable(),
  language: z.string(),
  budgetCap: z.number().nonnegative().nullable(),
  createdAt: z.string(),
  /** The narrator's voice (shared/model/dialogue.ts VoiceSchema as JSON); absent or null: the offline default. */
  narratorVoice: z.string().nullable().optional(),
  /** Mute / solo / lock of the timeline's tracks (shared/model/tracks.ts); absent: all off. */
  trackStates: TrackStatesSchema.optional(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const SceneSchema = z.object({
  id: IdSchema,
  position: z.number().int().min(0),
  heading: z.string(),
  notes: z.string(),
});
export type Scene = z.infer<typeof SceneSchema>;

export const ShotSchema = z.object({
  id: IdSchema,
  sceneId: IdSchema.nullable(),
  position: z.number().int().min(0),
  title: z.string(),
  prompt: z.string(),
  negativePrompt: z.string(),
  firstFrameAssetId: IdSchema.nullable(),
  lastFrameAssetId: IdSchema.nullable(),
  camera: CameraMoveSchema,
  shotSize: ShotSizeSchema.nullable(),
  /** Target duration asked of generation, in project frames. */
  durationFrames: z.number().int().positive(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  elementIds: z.array(IdSchema),
  dialogue: z.string(),
  seed: z.number().int().nullable(),
  selectedTakeId: IdSchema.nullable(),
  /** Trim on the selected take, in project frames from the take's start; null out = to its end. */
  trimInFrames: z.number().int().min(0),
  trimOutFrames: z.number().int().positive().nullable(),
  transitionIn: TransitionSchema,
  notes: z.string(),
  /**
   * "Extends take X": generating this shot continues that take's clip with the same provider
   * (shared/generation/request.ts ExtendRef). Absent or null: a new clip.
   */
  extendsTakeId: IdSchema.nullable().optional(),
  /**
   * Fit / fill / crop position per aspect (shared/model/framing.ts). Absent or an aspect
   * without an entry: fit, centred.
   */
  framing: ShotFramingSchema.optional(),
});
export type Shot = z.infer<typeof ShotSchema>;

/**
 * What a take holds, the ONE list: a clip (the shot's picture on the timeline) or a still made
 * by an image model (a keyframe candidate: picked as the shot's first or last frame, never
 * selected as the shot's clip).
 */
export const TAKE_KINDS = ['video', 'image'] as const;
export const TakeKindSchema = z.enum(TAKE_KINDS);
export type TakeKind = z.infer<typeof TakeKindSchema>;

/**
 * What a job makes, the ONE list (stored as `request.kind`; absent: 'video'): a video take
 * (generation/jobs.ts), spoken audio and lip sync (dialogue/), an image take (keyframes/), an
 * upscaled take (upscale/). All share the job rows, states, budget and resume rules.
 */
export const JOB_KINDS = ['video', 'speech', 'lipsync', 'image', 'upscale'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const TakeSchema = z.object({
  id: IdSchema,
  shotId: IdSchema,
  assetId: IdSchema,
  jobId: IdSchema.nullable(),
  provider: z.string(),
  model: z.string().nullable(),
  /** The full request as sent to the provider (for reproducibility and provenance). */
  request: z.record(z.string(), z.unknown()),
  seed: z.number().int().nullable(),
  cost: z.number().nonnegative().nullable(),
  rating: z.number().int().min(0).max(5).nullable(),
  createdAt: z.string(),
  /** The take's own sound (Veo 3, Kling 2.6, Seedance 2 make some): gain in dB and mute. Absent: 0 dB, on. */
  audioGainDb: z.number().min(-60).max(12).optional(),
  audioMuted: z.boolean().optional(),
  /** Absent: 'video' (every take before image takes). */
  kind: TakeKindSchema.optional(),
  /**
   * The aspect this take was generated at for one delivery aspect (the variant matrix's native
   * generation per aspect, shared/model/aspectTakes.ts): an export at that aspect uses it instead
   * of reframing the shot's chosen take. Absent: a take of the project's own aspect.
   */
  aspect: AspectSchema.optional(),
});
export type Take = z.infer<typeof TakeSchema>;

/** A take's kind (absent: a clip). */
export function takeKind(take: Pick<Take, 'kind'>): TakeKind {
  return take.kind ?? 'video';
}

export const ELEMENT_KINDS = ['character', 'location', 'prop', 'style'] as const;
export const ElementSchema = z.object({
  id: IdSchema,
  kind: z.enum(ELEMENT_KINDS),
  name: z.string().min(1),
  tag: z.string().regex(/^@[\p{L}\p{N}_-]+$/u),
  description: z.string(),
  refAssetIds: z.array(IdSchema),
  voice: z.string().nullable(),
});
export type Element = z.infer<typeof ElementSchema>;

/** What a media file is, the ONE list. */
export const ASSET_KINDS = ['image', 'video', 'audio'] as const;

export const MediaInfoSchema = z.object({
  kind: z.enum(ASSET_KINDS),
  container: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  /** Display size after rotation and sample aspect ratio. */
  displayWidth: z.number().int().nonnegative(),
  displayHeight: z.number().int().nonnegative(),
  durationSec: z.number().nonnegative(),
  fps: FpsSchema.nullable(),
  vfr: z.boolean(),
  rotation: z.number().int(),
  sar: z.object({ num: z.number().int().positive(), den: z.number().int().positive() }),
  videoCodec: z.string().nullable(),
  pixelFormat: z.string().nullable(),
  hasAudio: z.boolean(),
  audioCodec: z.string().nullable(),
  audioChannels: z.number().int().nonnegative(),
  audioSampleRate: z.number().int().nonnegative(),
});
export type MediaInfo = z.infer<typeof MediaInfoSchema>;

export const AssetSchema = z.object({
  /** sha256 of the bytes, hex. */
  id: IdSchema,
  /** Relative to the project folder, always with forward slashes: media/ab/abcd....mp4 */
  path: z.string(),
  originalName: z.string(),
  bytes: z.number().int().nonnegative(),
  origin: z.enum(['imported', 'generated', 'derived']),
  info: MediaInfoSchema,
  createdAt: z.string(),
});
export type Asset = z.infer<typeof AssetSchema>;

/**
 * The job states, the ONE list: in flight (may still cost or deliver), then finished. 'unknown':
 * a send cut off by a crash that the provider could not confirm either way (it may have been paid).
 */
export const IN_FLIGHT_JOB_STATES = ['queued', 'submitting', 'submitted', 'running', 'downloading'] as const;
export const FINISHED_JOB_STATES = ['succeeded', 'failed', 'canceled', 'unknown'] as const;
export const JOB_STATES = [...IN_FLIGHT_JOB_STATES, ...FINISHED_JOB_STATES] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

export function isInFlight(state: JobState): boolean {
  return (IN_FLIGHT_JOB_STATES as readonly JobState[]).includes(state);
}

export function isFinished(state: JobState): boolean {
  return (FINISHED_JOB_STATES as readonly JobState[]).includes(state);
}

/** A job's failure as a code and parameters (shared/generation/jobErrors.ts); null or absent on rows without. */
export const JobErrorInfoSchema = z.object({
  code: z.enum(JOB_ERROR_CODES as [JobErrorCode, ...JobErrorCode[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const JobSchema = z.object({
  id: IdSchema,
  shotId: IdSchema,
  provider: z.string(),
  model: z.string().nullable(),
  state: JobStateSchema,
  request: z.record(z.string(), z.unknown()),
  taskId: z.string().nullable(),
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  /** The same failure as a code and parameters the renderer translates (rows before it: absent). */
  errorInfo: JobErrorInfoSchema.nullable().optional(),
  costEstimate: z.number().nonnegative().nullable(),
  costActual: z.number().nonnegative().nullable(),
  resultAssetId: IdSchema.nullable(),
  takeId: IdSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof JobSchema>;

export const AudioItemSchema = z.object({
  id: IdSchema,
  lane: z.enum(['music', 'voiceover', 'sfx']),
  assetId: IdSchema,
  startFrame: z.number().int().min(0),
  inFrame: z.number().int().min(0),
  outFrame: z.number().int().positive().nullable(),
  gainDb: z.number(),
  fadeInFrames: z.number().int().min(0),
  fadeOutFrames: z.number().int().min(0),
  duck: z.boolean(),
});
export type AudioItem = z.infer<typeof AudioItemSchema>;

export const ProvenanceSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** The whole document as the renderer sees it; shots are in timeline order. */
export const ProjectSnapshotSchema = z.object({
  dir: z.string(),
  project: ProjectSchema,
  scenes: z.array(SceneSchema),
  shots: z.array(ShotSchema),
  takes: z.array(TakeSchema),
  assets: z.array(AssetSchema),
  elements: z.array(ElementSchema),
  jobs: z.array(JobSchema),
  audioItems: z.array(AudioItemSchema),
  /** Spoken lines of every shot, by shot then position (shared/model/dialogue.ts). Absent: none. */
  dialogueLines: z.array(DialogueLineSchema).optional(),
  /** Template variables and picture slots (shared/template/variables.ts). Absent: none. */
  templateVariables: z.array(TemplateVariableSchema).optional(),
  history: z.object({ canUndo: z.boolean(), canRedo: z.boolean(), revision: z.number().int() }),
});
export type ProjectSnapshot = z.infer<typeof ProjectSnapshotSchema>;
