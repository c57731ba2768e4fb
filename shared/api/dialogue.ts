/**
 * Contract methods of dialogue (merged into `contract` in contract.ts): a shot's spoken lines,
 * the voices of characters and the narrator, voicing lines through the durable job queue,
 * "fit shot to dialogue", the take's own sound, lip sync and subtitle sidecars. Every edit is
 * ONE undo step and answers with the new snapshot (also emitted as project.changed).
 */
import { z } from 'zod';
import { method } from './method.js';
import { IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { LineInputSchema, MAX_LINES_PER_SHOT, VoiceSchema } from '../model/dialogue.js';

const PathSchema = z.string().min(1).max(4096);
const IdsSchema = z.array(IdSchema).max(10_000);

export const SpeechEstimateSchema = z.object({
  lines: z.number().int(),
  jobs: z.number().int(),
  total: z.number(),
  currency: z.string(),
  committed: z.number(),
  budgetCap: z.number().nullable(),
  overBudget: z.boolean(),
  unpriced: z.number().int(),
});

export const SpeechProviderInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  offline: z.boolean(),
  voices: z.array(z.object({ id: z.string(), label: z.string(), languages: z.array(z.string()) })),
});

export const SUBTITLE_SIDECARS = ['srt', 'vtt'] as const;

export const dialogueMethods = {
  /**
   * The shot's lines, in order (the whole list: an empty list removes them). Refused whole for
   * an empty line, a line over 500 characters, or a speaker that is not a character element.
   */
  'dialogue.setLines': method(
    z.object({ shotId: IdSchema, lines: z.array(LineInputSchema).max(MAX_LINES_PER_SHOT * 2) }).strict(),
    ProjectSnapshotSchema,
  ),
  /** A character's voice (`elementId`) or the narrator's (absent); null clears. The voice id is checked with its provider first. */
  'dialogue.setVoice': method(
    z.object({ elementId: IdSchema.optional(), voice: VoiceSchema.nullable() }).strict(),
    ProjectSnapshotSchema,
  ),
  /** Speech providers and their voices (the offline one lists every installed voice). */
  'dialogue.providers': method(z.object({}).strict(), z.array(SpeechProviderInfoSchema)),
  /** What voicing would cost; nothing written or sent. */
  'dialogue.estimate': method(
    z.object({ shotIds: IdsSchema.optional(), lineIds: IdsSchema.optional(), force: z.boolean().optional() }).strict(),
    SpeechEstimateSchema,
  ),
  /**
   * Voices the lines without current audio (of `shotIds`/`lineIds`, else all). Answers once
   * the job rows exist; progress comes as job.progress, each placed line as project.changed.
   */
  'dialogue.voice': method(
    z.object({ shotIds: IdsSchema.optional(), lineIds: IdsSchema.optional(), force: z.boolean().optional() }).strict(),
    z.object({ jobIds: z.array(IdSchema), placed: z.number().int() }),
  ),
  /** "Fit shot to dialogue": ONE undo step for all the shots given. */
  'dialogue.fit': method(z.object({ shotIds: IdsSchema.min(1) }).strict(), ProjectSnapshotSchema),
  /** The take's own sound: gain (-60..+12 dB) and mute. One undo step. */
  'takes.setAudio': method(
    z
      .object({ takeId: IdSchema, gainDb: z.number().min(-60).max(12).optional(), muted: z.boolean().optional() })
      .strict(),
    ProjectSnapshotSchema,
  ),
  /**
   * Lip sync: the take's clip re-rendered to speak its shot's voiced lines, one line at a time at
   * its offset (several speakers: each line a job on the previous result). Refused before any
   * job is written when the provider cannot take this clip or a line is not voiced.
   */
  'dialogue.lipSync': method(
    z
      .object({ takeId: IdSchema, lineIds: IdsSchema.optional(), provider: z.string().min(1).max(40).default('kling') })
      .strict(),
    z.object({ jobIds: z.array(IdSchema) }),
  ),
  /** Writes the dialogue's subtitles as a sidecar file (SRT or WebVTT); answers the cue count. */
  'export.subtitles': method(
    z.object({ outPath: PathSchema, format: z.enum(SUBTITLE_SIDECARS) }).strict(),
    z.object({ outPath: z.string(), cues: z.number().int() }),
  ),
} as const;
