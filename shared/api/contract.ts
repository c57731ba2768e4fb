/**
 * The one API between the renderer and the services, defined once. Both bindings (Electron
 * IPC in electron/main, WebSocket in electron/host) validate every request against `input`
 * before a handler runs; the renderer's client is typed from the same object.
 */
import { z } from 'zod';
import { method } from './method.js';
import { LocalizedMessageSchema } from './localized.js';
import { AssetSchema, IdSchema, JobErrorInfoSchema, JobStateSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { AspectSchema, QualitySchema, ResolutionSchema } from '../model/format.js';
export { QualitySchema, type Quality } from '../model/format.js';
import { audioMethods } from './audio.js';
import { elementMethods } from './elements.js';
import { shotMethods } from './shots.js';
import { styleMethods } from './style.js';
import { menuMethods } from './menu.js';
import { deliveryEvents, deliveryMethods } from './delivery.js';
import { c2paMethods } from './c2pa.js';
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
import { sentPreviewMethods } from './sentPreview.js';
import { multiShotMethods } from './multiShot.js';
import { chainMethods } from './chain.js';
import { breakdownMethods } from './breakdown.js';
import { templateMethods } from './template.js';
import { trackMethods } from './tracks.js';
import { variantMethods } from './variants.js';

export {
  AddShotInputSchema,
  MAX_TRANSITION_FRAMES,
  ShotPatchSchema,
  TransitionPatchSchema,
  type AddShotInput,
  type ShotPatch,
} from './shots.js';
export {
  AUDIO_GAIN_MAX_DB,
  AUDIO_GAIN_MIN_DB,
  AudioLaneSchema,
  AudioPatchSchema,
  WAVEFORM_DEFAULT_BUCKETS,
  WAVEFORM_MAX_BUCKETS,
  WAVEFORM_MIN_BUCKETS,
  type AudioLane,
  type AudioPatch,
} from './audio.js';
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

export const ExportProgressSchema = z.object({
  exportId: IdSchema,
  state: z.enum(['running', 'succeeded', 'failed', 'canceled']),
  progress: z.number().min(0).max(1),
  outPath: z.string(),
  error: z.string().nullable(),
  /** The error's i18n key and parameters when the service gave one (shared/errors.ts keyedError). */
  localized: LocalizedMessageSchema.nullable().optional(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;

export const JobProgressSchema = z.object({
  jobId: IdSchema,
  shotId: IdSchema,
  state: JobStateSchema,
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  /** The error as a code and parameters the renderer translates (absent: show `error`). */
  errorInfo: JobErrorInfoSchema.nullable().optional(),
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
  // Shots, takes and scenes: each edit ONE undo step answering the new snapshot (shared/api/shots.ts)
  ...shotMethods,
  'history.undo': method(Empty, ProjectSnapshotSchema),
  'history.redo': method(Empty, ProjectSnapshotSchema),
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
  // Music, voice-over and sound lanes, and waveforms (shared/api/audio.ts)
  ...audioMethods,
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
  // The native menu the renderer describes (shared/api/menu.ts)
  ...menuMethods,
  // A pasted shot list, one undo step (shared/api/shotList.ts)
  ...shotListMethods,
  // Dialogue lines, voices, lip sync and subtitles (shared/api/dialogue.ts)
  ...dialogueMethods,
  // Deliverables, presets and the segment cache (shared/api/delivery.ts)
  ...deliveryMethods,
  // C2PA signing credentials (shared/api/c2pa.ts)
  ...c2paMethods,
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
  ...sentPreviewMethods,
  // Consecutive shots as one generation (shared/api/multiShot.ts)
  ...multiShotMethods,
  ...chainMethods,
  // AI breakdown and the prompt enhancer (shared/api/breakdown.ts)
  ...breakdownMethods,
  // Mute / solo / lock of the timeline's tracks (shared/api/tracks.ts)
  ...trackMethods,
  ...variantMethods,
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
