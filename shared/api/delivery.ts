/**
 * Contract methods and events of delivery (merged into `contract` in contract.ts): several
 * deliverables in one export run, platform presets, the project's own presets, and the
 * segment cache of fast re-export.
 */
import { z } from 'zod';
import {
  DeliverableSchema,
  PresetIdSchema,
  VideoCodecSchema,
  LOUDNESS_MAX,
  LOUDNESS_MIN,
} from '../export/deliverable.js';
import { AspectSchema, QualitySchema } from '../model/format.js';
import { IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { LocalizedMessageSchema } from './localized.js';

const PathSchema = z.string().min(1).max(4096);

export const LoudnessMeasurementSchema = z.object({
  integrated: z.number(),
  truePeak: z.number(),
  range: z.number(),
  threshold: z.number(),
});

export const DeliverableReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  outPath: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  codec: VideoCodecSchema,
  frames: z.number().int(),
  /** Segments taken from the cache and segments encoded in this run. */
  segmentsReused: z.number().int(),
  segmentsEncoded: z.number().int(),
  labelShown: z.boolean(),
  loudness: z
    .object({
      targetLufs: z.number(),
      mode: z.enum(['linear', 'dynamic', 'silent']),
      input: LoudnessMeasurementSchema.nullable(),
      outputIntegrated: z.number().nullable(),
      outputTruePeak: z.number().nullable(),
    })
    .nullable(),
  provenancePath: z.string(),
  /** Whether a signed C2PA manifest was embedded (Settings: C2PA signing), else unsigned. */
  c2pa: z.enum(['signed', 'unsigned']),
});
export type DeliverableReport = z.infer<typeof DeliverableReportSchema>;

export const DeliveryReportSchema = z.object({
  runId: IdSchema,
  deliverables: z.array(DeliverableReportSchema),
  digitalSourceType: z.string().nullable(),
  authorshipReport: z.object({ markdown: z.string(), html: z.string() }).nullable(),
  /** Things the user should know (C2PA not signed, a watermark turned off, ...). */
  notes: z.array(z.string()),
});
export type DeliveryReport = z.infer<typeof DeliveryReportSchema>;

export const DeliverableStateSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);
export const DeliveryProgressSchema = z.object({
  runId: IdSchema,
  state: z.enum(['running', 'succeeded', 'failed', 'canceled']),
  deliverables: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      outPath: z.string(),
      state: DeliverableStateSchema,
      progress: z.number().min(0).max(1),
    }),
  ),
  error: z.string().nullable(),
  /** The error's i18n key and parameters when the service gave one. */
  localized: LocalizedMessageSchema.nullable().optional(),
  report: DeliveryReportSchema.nullable(),
});
export type DeliveryProgress = z.infer<typeof DeliveryProgressSchema>;

export const CacheUsageSchema = z.object({
  dir: z.string(),
  bytes: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  maxBytes: z.number().int().positive(),
});

export const DeliveryStartSchema = z
  .object({
    /** Preset ids (the project's own first, then the built-ins) and/or whole deliverables. */
    presets: z.array(PresetIdSchema).max(20).default([]),
    /** Ad-hoc deliverables: one per aspect at the project's resolution. */
    aspects: z.array(AspectSchema).max(5).default([]),
    deliverables: z.array(DeliverableSchema).max(20).default([]),
    /** Overrides every deliverable's codec / loudness target for this run. */
    codec: VideoCodecSchema.optional(),
    loudnessLufs: z.number().min(LOUDNESS_MIN).max(LOUDNESS_MAX).optional(),
    /** A folder (created if missing), or a .mp4/.mov file when the run makes one deliverable. */
    out: PathSchema,
    quality: QualitySchema.default('standard'),
  })
  .strict();
export type DeliveryStart = z.output<typeof DeliveryStartSchema>;

export const deliveryMethods = {
  'delivery.start': { input: DeliveryStartSchema, output: z.object({ runId: IdSchema }) },
  'delivery.cancel': { input: z.object({ runId: IdSchema }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Built-in platform presets and the project's own. */
  'delivery.presets': {
    input: z.object({}).strict(),
    output: z.object({ builtin: z.array(DeliverableSchema), project: z.array(DeliverableSchema) }),
  },
  /** Adds or replaces (same id) a preset saved with the project: ONE undo step. */
  'delivery.savePreset': { input: z.object({ preset: DeliverableSchema }).strict(), output: ProjectSnapshotSchema },
  'delivery.removePreset': { input: z.object({ id: PresetIdSchema }).strict(), output: ProjectSnapshotSchema },
  'delivery.cacheUsage': { input: z.object({}).strict(), output: CacheUsageSchema },
  'delivery.clearCache': { input: z.object({}).strict(), output: CacheUsageSchema },
  /**
   * Shows a file a run of this window delivered in the system's file manager (desktop app);
   * other hosts answer revealed: false and the folder to open by hand.
   */
  'delivery.reveal': {
    input: z.object({ path: PathSchema }).strict(),
    output: z.object({ revealed: z.boolean(), folder: z.string() }),
  },
} as const;

export const deliveryEvents = {
  'delivery.progress': DeliveryProgressSchema,
} as const;
