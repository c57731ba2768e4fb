/**
 * Contract methods of "what will be sent" (merged into `contract` in contract.ts): the video
 * request a shot's Generate would send to a provider, as that provider reads it — the prompt in
 * its style (shot size, element descriptions, template variables resolved, camera move) and the
 * pictures it receives by role. Pure: planned exactly as generate.start plans, nothing written
 * or sent. The keyframe (image model) side is keyframes.preview.
 */
import { z } from 'zod';
import { method } from './method.js';
import { ELEMENT_KINDS, IdSchema } from '../model/entities.js';

export const SENT_PICTURE_ROLES = ['first', 'last', 'reference'] as const;

export const SentPictureSchema = z.object({
  role: z.enum(SENT_PICTURE_ROLES),
  assetId: IdSchema,
  /** The element the reference shows (its name), when it is one. */
  name: z.string().optional(),
  kind: z.enum(ELEMENT_KINDS).optional(),
});
export type SentPicture = z.infer<typeof SentPictureSchema>;

export const VideoPreviewSchema = z.object({
  provider: z.string(),
  model: z.string().nullable(),
  prompt: z.string(),
  pictures: z.array(SentPictureSchema),
  /** Why this shot would not be sent to this provider (the job would fail with it), else null. */
  problem: z.string().nullable(),
});
export type VideoPreview = z.infer<typeof VideoPreviewSchema>;

export const sentPreviewMethods = {
  /** The video request a shot's Generate would send (nothing written or sent). */
  'preview.video': method(
    z
      .object({
        shotId: IdSchema,
        provider: z.string().min(1).max(64).optional(),
        model: z.string().min(1).max(200).optional(),
      })
      .strict(),
    VideoPreviewSchema,
  ),
} as const;
