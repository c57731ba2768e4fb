/**
 * The one API between the renderer and the services, defined once. Both bindings (Electron
 * IPC in electron/main, WebSocket in electron/host) validate every request against `input`
 * before a handler runs; the renderer's client is typed from the same object.
 */
import { z } from 'zod';
import {
  AssetSchema, CameraMoveSchema, IdSchema, JobSchema, JobStateSchema, ProjectSnapshotSchema, ShotSchema,
} from '../model/entities.js';
import { AspectSchema, ResolutionSchema } from '../model/format.js';

const PathSchema = z.string().min(1).max(4096);
const FpsTextSchema = z.string().min(1).max(16);
export const QualitySchema = z.enum(['draft', 'standard', 'high']);
export type Quality = z.infer<typeof QualitySchema>;
export const LanguageSchema = z.enum(['en', 'zh-CN']);

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const ShotPatchSchema = ShotSchema.pick({
  title: true, prompt: true, negativePrompt: true, camera: true, shotSize: true, durationFrames: true,
  provider: true, model: true, dialogue: true, seed: true, notes: true,
}).partial().strict();
export type ShotPatch = z.infer<typeof ShotPatchSchema>;

export const AddShotInputSchema = z.object({
  prompt: z.string().max(20_000).optional(),
  title: z.string().max(500).optional(),
  /** A file on this machine to import as the first frame. */
  firstFramePath: PathSchema.optional(),
  /** A clip on this machine to import as the shot's selected take. */
  videoPath: PathSchema.optional(),
  durationSec: z.number().positive().max(600).optional(),
  camera: CameraMoveSchema.optional(),
  /** Insert at this index; default appends. */
  index: z.number().int().min(0).optional(),
}).strict();
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

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'app.info': method(Empty, AppInfoSchema),
  'project.create': method(
    z.object({
      dir: PathSchema,
      name: z.string().trim().min(1).max(200),
      aspect: AspectSchema.default('16:9'),
      resolution: ResolutionSchema.default('1080p'),
      fps: FpsTextSchema.default('24'),
    }).strict(),
    ProjectSnapshotSchema,
  ),
  'project.open': method(z.object({ dir: PathSchema }).strict(), ProjectSnapshotSchema),
  'project.current': method(Empty, ProjectSnapshotSchema.nullable()),
  'project.close': method(Empty, Ok),
  'shots.add': method(AddShotInputSchema, z.object({ shotId: IdSchema, snapshot: ProjectSnapshotSchema })),
  'shots.update': method(z.object({ shotId: IdSchema, patch: ShotPatchSchema }).strict(), ProjectSnapshotSchema),
  'shots.remove': method(z.object({ shotId: IdSchema }).strict(), ProjectSnapshotSchema),
  'shots.move': method(z.object({ shotId: IdSchema, toIndex: z.number().int().min(0) }).strict(), ProjectSnapshotSchema),
  'shots.selectTake': method(z.object({ shotId: IdSchema, takeId: IdSchema }).strict(), ProjectSnapshotSchema),
  'shots.setTrim': method(
    z.object({ shotId: IdSchema, inFrames: z.number().int().min(0), outFrames: z.number().int().positive().nullable() }).strict(),
    ProjectSnapshotSchema,
  ),
  'history.undo': method(Empty, ProjectSnapshotSchema),
  'history.redo': method(Empty, ProjectSnapshotSchema),
  'media.import': method(z.object({ path: PathSchema }).strict(), AssetSchema),
  'generate.start': method(
    z.object({ shotIds: z.array(IdSchema).max(10_000).optional(), provider: z.string().min(1).max(64).optional() }).strict(),
    z.object({ jobIds: z.array(IdSchema) }),
  ),
  'jobs.list': method(Empty, z.array(JobSchema)),
  'export.start': method(
    z.object({ outPath: PathSchema, quality: QualitySchema.default('standard') }).strict(),
    z.object({ exportId: IdSchema }),
  ),
  'export.cancel': method(z.object({ exportId: IdSchema }).strict(), Ok),
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
