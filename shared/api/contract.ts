/**
 * The one API between the renderer and the services, defined once. Both bindings (Electron
 * IPC in electron/main, WebSocket in electron/host) validate every request against `input`
 * before a handler runs; the renderer's client is typed from the same object.
 */
import { z } from 'zod';
import {
  AssetSchema,
  AudioItemSchema,
  CameraMoveSchema,
  IdSchema,
  JobStateSchema,
  ProjectSnapshotSchema,
  ShotSchema,
} from '../model/entities.js';
import { AspectSchema, QualitySchema, ResolutionSchema } from '../model/format.js';
export { QualitySchema, type Quality } from '../model/format.js';
import { TransitionKindSchema } from '../model/transitionKinds.js';
import { elementMethods } from './elements.js';
import { styleMethods } from './style.js';
import { deliveryEvents, deliveryMethods } from './delivery.js';
import { shotListMethods } from './shotList.js';
import { framingMethods } from './framing.js';
import { generationMethods } from './generation.js';
import { handoffMethods } from './handoff.js';
import { dialogueMethods } from './dialogue.js';
import { recoveryMethods } from './recovery.js';
import { folderMethods } from './folders.js';
import { scriptMethods } from './script.js';
import { continuityMethods } from './continuity.js';
import { keyframeMethods } from './keyframes.js';
import { chainMethods } from './chain.js';
import { breakdownMethods } from './breakdown.js';
import { templateMethods } from './template.js';

export {
  BatchEstimateSchema,
  LedgerSchema,
  PriceOverrideSchema,
  ProviderInfoSchema,
  type BatchEstimate,
  type Ledger,
} from './generation.js';

const PathSchema = z.string().min(1).max(4096);
const FpsTextSchema = z.string().min(1).max(16);
export const LanguageSchema = z.enum(['en', 'zh-CN']);

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

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

export const ExportProgressSchema = z.object({
  exportId: IdSchema,
  state: z.enum(['running', 'succeeded', 'failed', 'canceled']),
  progress: z.number().min(0).max(1),
  outPath: z.string(),
  error: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;

export const JobProgressSchema = z.object({
  jobId: IdSchema,
  shotId: IdSchema,
  state: JobStateSchema,
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser', 'cli']),
  ffmpeg: z.object({ path: z.string(), version: z.string() }).nullable(),
  /** A folder the host suggests for new projects (serve's <dir>, or Documents). */
  suggestedDir: z.string().nullable(),
  providers: z.array(z.object({ id: z.string(), label: z.string(), offline: z.boolean() })),
});

// ---- audio (music, voice-over and sound lanes under the picture) ----

export const AudioLaneSchema = AudioItemSchema.shape.lane;
export type AudioLane = z.infer<typeof AudioLaneSchema>;
export const AUDIO_GAIN_MIN_DB = -60;
export const AUDIO_GAIN_MAX_DB = 12;

/** Frames are project frames: startFrame on the timeline, inFrame/outFrame into the media (outFrame null: to its end). */
export const AudioPatchSchema = z
  .object({
    startFrame: z.number().int().min(0).optional(),
    inFrame: z.number().int().min(0).optional(),
    outFrame: z.number().int().positive().nullable().optional(),
    gainDb: z.number().min(AUDIO_GAIN_MIN_DB).max(AUDIO_GAIN_MAX_DB).optional(),
    fadeInFrames: z.number().int().min(0).optional(),
    fadeOutFrames: z.number().int().min(0).optional(),
    lane: AudioLaneSchema.optional(),
    /** Lower under voice-over (-12 dB with short ramps; shared/export/ducking.ts). Ignored on the voice-over lane. */
    duck: z.boolean().optional(),
  })
  .strict();
export type AudioPatch = z.infer<typeof AudioPatchSchema>;

export const WAVEFORM_MIN_BUCKETS = 16;
export const WAVEFORM_MAX_BUCKETS = 4000;
export const WAVEFORM_DEFAULT_BUCKETS = 800;

// ---- end audio ----

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'app.info': method(Empty, AppInfoSchema),
  'project.create': method(
    z
      .object({
        dir: PathSchema,
        name: z.string().trim().min(1).max(200),
        aspect: AspectSchema.default('16:9'),
        resolution: ResolutionSchema.default('1080p'),
        fps: FpsTextSchema.default('24'),
      })
      .strict(),
    ProjectSnapshotSchema,
  ),
  'project.open': method(z.object({ dir: PathSchema }).strict(), ProjectSnapshotSchema),
  'project.current': method(Empty, ProjectSnapshotSchema.nullable()),
  'project.close': method(Empty, Ok),
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
  'history.undo': method(Empty, ProjectSnapshotSchema),
  'history.redo': method(Empty, ProjectSnapshotSchema),
  // ---- editing: each document edit is ONE undo step and returns the new snapshot ----
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
  'history.state': method(
    Empty,
    z.object({
      canUndo: z.boolean(),
      canRedo: z.boolean(),
      revision: z.number().int(),
      undoLabel: z.string().optional(),
      redoLabel: z.string().optional(),
    }),
  ),
  /** Deletes media nothing in the project (history included) can refer to again; not undoable. */
  'media.collectGarbage': method(
    Empty,
    z.object({ removedFiles: z.number().int().min(0), freedBytes: z.number().int().min(0) }),
  ),
  /** The cached JPEG thumbnail of an asset (absolute path). */
  'media.thumbnail': method(z.object({ assetId: IdSchema }).strict(), z.object({ path: z.string() })),
  /** One JPEG sprite of `count` tiles in a row (absolute path); tile i stands for times[i] seconds into the clip. */
  'media.filmstrip': method(
    z
      .object({
        assetId: IdSchema,
        height: z.number().int().min(16).max(360).optional(),
        count: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
    z.object({
      path: z.string(),
      count: z.number().int(),
      tileWidth: z.number().int(),
      tileHeight: z.number().int(),
      times: z.array(z.number()),
    }),
  ),
  // ---- end editor ----
  // ---- audio ----
  /** Imports an audio file (or a video with sound) and puts it on a lane: inFrame 0, to the end, 0 dB, no fades. One undo step. */
  'audio.add': method(
    z.object({ path: PathSchema, lane: AudioLaneSchema, startFrame: z.number().int().min(0).default(0) }).strict(),
    ProjectSnapshotSchema,
  ),
  /** One undo step; in < out within the media. */
  'audio.update': method(z.object({ id: IdSchema, patch: AudioPatchSchema }).strict(), ProjectSnapshotSchema),
  /** One undo step (undo puts the item back). */
  'audio.remove': method(z.object({ id: IdSchema }).strict(), ProjectSnapshotSchema),
  /** Peak envelope of an asset's first audio stream: max |sample| per bucket, 0..1, over durationSec. Cached. */
  'media.waveform': method(
    z
      .object({
        assetId: IdSchema,
        buckets: z.number().int().min(WAVEFORM_MIN_BUCKETS).max(WAVEFORM_MAX_BUCKETS).default(WAVEFORM_DEFAULT_BUCKETS),
      })
      .strict(),
    z.object({ peaks: z.array(z.number().min(0).max(1)), durationSec: z.number().nonnegative() }),
  ),
  // ---- end audio ----
  'media.import': method(z.object({ path: PathSchema }).strict(), AssetSchema),
  // Generation, jobs, cost and provider settings (shared/api/generation.ts)
  ...generationMethods,
  'export.start': method(
    z
      .object({
        outPath: PathSchema,
        quality: QualitySchema.default('standard'),
        /** 'burn': the dialogue's subtitles drawn into the picture (shared/export/subtitles.ts). */
        subtitles: z.enum(['none', 'burn']).default('none'),
      })
      .strict(),
    z.object({ exportId: IdSchema }),
  ),
  'export.cancel': method(z.object({ exportId: IdSchema }).strict(), Ok),
  // Elements library (shared/api/elements.ts)
  ...elementMethods,
  // The project's style prompt and pictures (shared/api/style.ts)
  ...styleMethods,
  // A pasted shot list, one undo step (shared/api/shotList.ts)
  ...shotListMethods,
  // Dialogue lines, voices, lip sync and subtitles (shared/api/dialogue.ts)
  ...dialogueMethods,
  // Deliverables, presets and the segment cache (shared/api/delivery.ts)
  ...deliveryMethods,
  // A shot's framing per aspect (shared/api/framing.ts)
  ...framingMethods,
  // Hand-off: editor files, PDF storyboard, collect, conform (shared/api/handoff.ts)
  ...handoffMethods,
  // Relink, save a copy, repaired copy (shared/api/recovery.ts)
  ...recoveryMethods,
  // Recent projects and the folder browser (shared/api/folders.ts)
  ...folderMethods,
  // Script import: proposal, then one undo step (shared/api/script.ts)
  ...scriptMethods,
  // The consistency check of takes against their elements' pictures (shared/api/continuity.ts)
  ...continuityMethods,
  // Template variables and picture slots (shared/api/template.ts)
  ...templateMethods,
  // Keyframes from references, bridges and upscale (shared/api/keyframes.ts)
  ...keyframeMethods,
  ...chainMethods,
  // AI breakdown and the prompt enhancer (shared/api/breakdown.ts)
  ...breakdownMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const events = {
  'project.changed': ProjectSnapshotSchema,
  'job.progress': JobProgressSchema,
  'export.progress': ExportProgressSchema,
  /** A native menu item was chosen (Electron only); the renderer runs the action by id. */
  'menu.action': z.object({ id: z.string().min(1).max(100) }),
  ...deliveryEvents,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What a host implements: one async handler per method, given parsed input. */
export type Handlers = { [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> };

/** What the renderer calls (window.storyboard in Electron, a WebSocket client in the browser). */
export interface StoryboardApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
