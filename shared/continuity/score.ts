/**
 * From raw measures to the one number a creator reads: a score 0..1 per take and element
 * (higher = closer to the element's pictures) and a drift flag (score below the element kind's
 * threshold). Both methods are mapped so that 0.5 sits on their calibrated boundary between
 * "same" and "different"; the default threshold of every kind is therefore 0.5, and moving it
 * up makes the check stricter. docs: README "Consistency check".
 */
import { z } from 'zod';
import { AppError } from '../errors.js';

export const CHECKED_KINDS = ['character', 'location', 'prop'] as const;
export type CheckedKind = (typeof CHECKED_KINDS)[number];

export const DriftThresholdsSchema = z
  .object({
    character: z.number().min(0).max(1),
    location: z.number().min(0).max(1),
    prop: z.number().min(0).max(1),
  })
  .strict();
export type DriftThresholds = z.infer<typeof DriftThresholdsSchema>;

export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = { character: 0.5, location: 0.5, prop: 0.5 };

/** Some kinds' thresholds for one check run (the CLI's --threshold), over the saved ones. */
export const ThresholdOverrideSchema = DriftThresholdsSchema.partial();
export type ThresholdOverride = z.infer<typeof ThresholdOverrideSchema>;

/**
 * One `--threshold <kind>=<0..1>` flag of `storyboard check`, e.g. "character=0.6". Throws a
 * message naming the kinds and the range for anything else.
 */
export function parseThresholdFlag(flag: string): [CheckedKind, number] {
  const m = /^\s*([a-z]+)\s*=\s*([0-9]*\.?[0-9]+)\s*$/.exec(flag);
  const kind = m?.[1] as CheckedKind | undefined;
  const value = Number(m?.[2]);
  if (!m || !kind || !(CHECKED_KINDS as readonly string[]).includes(kind) || !(value >= 0 && value <= 1)) {
    throw new AppError(
      'INVALID_INPUT',
      `--threshold wants <kind>=<number from 0 to 1>, kind one of ${CHECKED_KINDS.join(', ')} (e.g. character=0.6); got "${flag}".`,
      { flag },
    );
  }
  return [kind, value];
}

/**
 * face-api's 128-d descriptors (a ResNet-34-like net after dlib's face recognition model) put
 * two photos of one person at a Euclidean distance below 0.6 ("a distance threshold of 0.6
 * works well", face-api README, "Face Recognition"; dlib reports 99.38% on LFW at that
 * threshold). Score = 1 - d / 1.2, so d = 0.6 maps to 0.5, d = 0 to 1, and d >= 1.2 to 0.
 */
export const FACE_MATCH_DISTANCE = 0.6;
export function faceScore(distance: number): number {
  return clamp01(1 - distance / (2 * FACE_MATCH_DISTANCE));
}

/**
 * The image measure (similarity.ts) is calibrated on the fixtures in test/fixtures/continuity:
 * matching pairs scored raw >= IMAGE_MATCH_LOW, non-matching <= IMAGE_MISMATCH_HIGH; the boundary
 * is their midpoint and IMAGE_SPREAD stretches the raw range around it to 0..1.
 */
export const IMAGE_BOUNDARY = 0.545;
export const IMAGE_SPREAD = 0.4;
export function imageScore(raw: number): number {
  return clamp01(0.5 + (raw - IMAGE_BOUNDARY) / IMAGE_SPREAD);
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

export type CheckMethod = 'face' | 'image';

/**
 * A take's score for one element from its per-frame scores (each already the best over the
 * element's pictures): the median, so one frame with a turned head or motion blur neither
 * condemns nor rescues the take. Null when no frame was measured.
 */
export function takeScore(frameScores: readonly number[]): number | null {
  if (!frameScores.length) return null;
  const s = [...frameScores].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function isDrift(score: number, kind: CheckedKind, thresholds: DriftThresholds): boolean {
  return score < thresholds[kind];
}

export const ContinuityResultSchema = z.object({
  shotId: z.string(),
  takeId: z.string(),
  elementId: z.string(),
  kind: z.enum(CHECKED_KINDS),
  /** 0..1, higher = closer to the element's pictures; rounded to 3 decimals. */
  score: z.number().min(0).max(1),
  drift: z.boolean(),
  method: z.enum(['face', 'image']),
  /** Frames sampled, and how many of them the method measured (a face found, for 'face'). */
  frames: z.number().int().nonnegative(),
  measured: z.number().int().nonnegative(),
});
export type ContinuityResult = z.infer<typeof ContinuityResultSchema>;

export const ContinuityReportSchema = z.object({
  checkedAt: z.string(),
  thresholds: DriftThresholdsSchema,
  results: z.array(ContinuityResultSchema),
  /** Takes with elements to check whose frames or pictures could not be read, with why. */
  skipped: z.array(z.object({ shotId: z.string(), takeId: z.string(), reason: z.string() })),
});
export type ContinuityReport = z.infer<typeof ContinuityReportSchema>;

/** The shots to redo: those whose selected take drifts on any element, in the given order. */
export function driftingShotIds(
  report: Pick<ContinuityReport, 'results'>,
  shots: readonly { id: string; selectedTakeId: string | null }[],
): string[] {
  const drifting = new Set(report.results.filter((r) => r.drift).map((r) => r.takeId));
  return shots.filter((s) => s.selectedTakeId !== null && drifting.has(s.selectedTakeId)).map((s) => s.id);
}

/** Per take: its lowest score and whether anything drifts (a badge shows this). */
export interface TakeVerdict {
  score: number;
  drift: boolean;
}
export function takeVerdicts(report: Pick<ContinuityReport, 'results'>): Map<string, TakeVerdict> {
  const out = new Map<string, TakeVerdict>();
  for (const r of report.results) {
    const v = out.get(r.takeId);
    out.set(
      r.takeId,
      v ? { score: Math.min(v.score, r.score), drift: v.drift || r.drift } : { score: r.score, drift: r.drift },
    );
  }
  return out;
}
