/**
 * What an image model is asked for one keyframe: provider-neutral, complete (the image take
 * stores it as sent), validated before a job row is written. `prompt` is already composed in
 * the provider's style (promptParts.ts); `references` are the pictures sent, in order.
 */
import { z } from 'zod';
import { IdSchema } from '../model/entities.js';
import { ReferenceRefSchema } from './request.js';

export const KEYFRAME_ROLES = ['first', 'last'] as const;
export type KeyframeRole = (typeof KEYFRAME_ROLES)[number];

export const ImageRequestSchema = z
  .object({
    kind: z.literal('image'),
    shotId: IdSchema,
    shotNumber: z.number().int().positive(),
    /** Which frame of the shot the image is made for (the pick sets that frame). */
    role: z.enum(KEYFRAME_ROLES),
    provider: z.string().min(1),
    model: z.string().nullable(),
    prompt: z.string(),
    negativePrompt: z.string(),
    references: z.array(ReferenceRefSchema).max(32),
    width: z.number().int().positive().max(8192),
    height: z.number().int().positive().max(8192),
    seed: z.number().int().nullable(),
    /** 0-based index among the variations of one request. */
    variation: z.number().int().min(0),
  })
  .strict();
export type ImageRequest = z.infer<typeof ImageRequestSchema>;

/** The request's aspect as "W:H" reduced (16:9, 9:16, 1:1, 4:5, 21:9 for the project sizes). */
export function aspectOf(req: Pick<ImageRequest, 'width' | 'height'>): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(req.width, req.height);
  const w = req.width / g;
  const h = req.height / g;
  // 2520x1080 reduces to 7:3; models name it 21:9.
  return w === 7 && h === 3 ? '21:9' : `${w}:${h}`;
}
