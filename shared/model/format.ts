/** Output formats: aspect ratios and resolutions as a creator names them, mapped to pixels. */
import { z } from 'zod';

export const ASPECTS = ['16:9', '9:16', '1:1', '4:5', '21:9'] as const;
export const AspectSchema = z.enum(ASPECTS);
export type Aspect = z.infer<typeof AspectSchema>;

/** Export quality: encoder effort and size (shared/export/presets.ts QUALITY_PRESETS says what each means). */
export const QUALITIES = ['draft', 'standard', 'high'] as const;
export const QualitySchema = z.enum(QUALITIES);
export type Quality = z.infer<typeof QualitySchema>;

export const RESOLUTIONS = ['720p', '1080p', '4k'] as const;
export const ResolutionSchema = z.enum(RESOLUTIONS);
export type Resolution = z.infer<typeof ResolutionSchema>;

const SHORT_SIDE: Record<Resolution, number> = { '720p': 720, '1080p': 1080, '4k': 2160 };
const RATIO: Record<Aspect, [number, number]> = {
  '16:9': [16, 9],
  '9:16': [9, 16],
  '1:1': [1, 1],
  '4:5': [4, 5],
  '21:9': [21, 9],
};

const even = (n: number): number => Math.round(n / 2) * 2;

/**
 * The short side is the resolution's number (1080p -> 1080); the long side follows the
 * aspect, rounded to an even number because H.264 with 4:2:0 chroma needs even sizes.
 * 1080p: 16:9 1920x1080, 9:16 1080x1920, 1:1 1080x1080, 4:5 1080x1350, 21:9 2520x1080.
 */
export function outputSize(aspect: Aspect, resolution: Resolution): { width: number; height: number } {
  const short = SHORT_SIDE[resolution];
  const [w, h] = RATIO[aspect];
  if (w >= h) return { width: even((short * w) / h), height: short };
  return { width: short, height: even((short * h) / w) };
}
