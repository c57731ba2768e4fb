/**
 * Contract methods of the audio lanes under the picture (merged into `contract` in contract.ts):
 * music, voice-over and sound items (add, update, remove: each ONE undo step) and waveforms.
 */
import { z } from 'zod';
import { method } from './method.js';
import { AudioItemSchema, IdSchema, ProjectSnapshotSchema } from '../model/entities.js';

const PathSchema = z.string().min(1).max(4096);

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

export const audioMethods = {
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
} as const;
