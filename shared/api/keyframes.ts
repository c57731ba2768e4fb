/**
 * Contract methods of keyframes (merged into `contract` in contract.ts): "make keyframe from
 * references" (image takes through the durable job queue), its estimate and the exact prompt
 * and pictures it would send, and picking a picture as the shot's first or last frame (one undo
 * step).
 */
import { z } from 'zod';
import { method } from './method.js';
import { IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { KEYFRAME_ROLES } from '../generation/imageRequest.js';
import { BatchEstimateSchema } from './generation.js';

const KeyframeInputSchema = z
  .object({
    shotId: IdSchema,
    provider: z.string().min(1).max(64).optional(),
    model: z.string().min(1).max(200).optional(),
    variations: z.number().int().min(1).max(16).optional(),
    role: z.enum(KEYFRAME_ROLES).optional(),
  })
  .strict();

/** A bridge shot after `afterShotId` (bridges.insert), and its price first (bridges.estimate). */
export const BridgeInputSchema = z
  .object({
    afterShotId: IdSchema,
    provider: z.string().min(1).max(64).optional(),
    model: z.string().min(1).max(200).optional(),
    prompt: z.string().max(20_000).optional(),
    durationSec: z.number().positive().max(600).optional(),
  })
  .strict();

export const keyframeMethods = {
  /** What "make keyframe" would cost; nothing written or sent. */
  'keyframes.estimate': method(KeyframeInputSchema, BatchEstimateSchema),
  /** The request as it would be sent ("what will be sent"): prompt in the model's style and the pictures. */
  'keyframes.preview': method(
    KeyframeInputSchema,
    z.object({
      provider: z.string(),
      model: z.string().nullable(),
      prompt: z.string(),
      references: z.array(z.object({ assetId: IdSchema, name: z.string().optional(), kind: z.string().optional() })),
    }),
  ),
  /** N variations as image takes; answers once the job rows exist (progress as job.progress). */
  'keyframes.make': method(KeyframeInputSchema, z.object({ jobIds: z.array(IdSchema) })),
  /** Finishes the image jobs a crash or quit left (polled by task id, never sent twice); nothing new. */
  'keyframes.resume': method(z.object({}).strict(), z.object({ jobIds: z.array(IdSchema) })),
  /** An image take becomes its shot's first (default: the role it was made for) or last frame: ONE undo step. */
  'keyframes.pick': method(
    z.object({ takeId: IdSchema, which: z.enum(KEYFRAME_ROLES).optional() }).strict(),
    ProjectSnapshotSchema,
  ),
  /** Image models: id, label, offline, models with their reference limits. */
  'keyframes.providers': method(
    z.object({}).strict(),
    z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        offline: z.boolean(),
        models: z.array(z.object({ id: z.string(), label: z.string(), referenceImagesMax: z.number().int() })),
      }),
    ),
  ),
  /**
   * Bridge shot: a new shot after `afterShotId` from its last frame (at its trim out) to the next
   * shot's first frame (at its trim in), on a model that takes a last frame (else refused with
   * the models that can). ONE undo step; generate it like any shot.
   */
  'bridges.insert': method(BridgeInputSchema, z.object({ shotId: IdSchema, snapshot: ProjectSnapshotSchema })),
  /** What upscaling a take would cost; nothing written or sent. */
  'upscale.estimate': method(
    z.object({ takeId: IdSchema, provider: z.string().min(1).max(64).optional() }).strict(),
    BatchEstimateSchema,
  ),
  /** A take's clip made larger, as a NEW take of its shot (durable job; answers once the row exists). */
  'upscale.start': method(
    z.object({ takeId: IdSchema, provider: z.string().min(1).max(64).optional() }).strict(),
    z.object({ jobIds: z.array(IdSchema) }),
  ),
  /** Finishes the upscale jobs a crash or quit left (polled by task id, never sent twice). */
  'upscale.resume': method(z.object({}).strict(), z.object({ jobIds: z.array(IdSchema) })),
} as const;
