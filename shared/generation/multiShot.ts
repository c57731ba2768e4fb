/**
 * Multi-shot generation: several consecutive storyboard shots made by ONE provider request (one
 * job, one price), the returned clip then split back onto the shots as takes. Pure: what a
 * model can take, whether a selection can be sent, and where the clip is cut.
 *
 * Which models can (confirmed with sources; MULTI_SHOT_FINDINGS lists the ones that cannot):
 *   - Kling 3.0 (`kling-v3`): `multi_shot` + `multi_prompt`, 2-6 shots with their own prompt and
 *     whole-second duration, 3-15 s in all — @ai-sdk/klingai KlingAIVideoModelOptions
 *     (https://ai-sdk.dev/providers/ai-sdk-providers/klingai, secondary) and Freepik's Kling 3
 *     page ("up to 6 scenes, each with custom prompts and durations (max 15 seconds total)",
 *     https://docs.freepik.com/api-reference/video/kling-v3/overview, secondary). Cut points:
 *     the running sums of the durations sent ('planned').
 *   - Seedance 2.0 and MiniMax: not offered (MULTI_SHOT_FINDINGS says why, with the sources).
 */
import { z } from 'zod';
import { CameraMoveSchema, IdSchema } from '../model/entities.js';

export const MULTI_SHOT_MIN = 2;

export const MultiShotPartSchema = z
  .object({
    shotId: IdSchema,
    shotNumber: z.number().int().positive(),
    title: z.string(),
    prompt: z.string(),
    camera: CameraMoveSchema,
    /** Whole seconds asked for this shot (the planned cut points are their running sums). */
    durationSec: z.number().positive().max(600),
  })
  .strict();
export type MultiShotPart = z.infer<typeof MultiShotPartSchema>;

/** In a GenerationRequest: the shots of a multi-shot job, in timeline order (the first is the job's shot). */
export const MultiShotSchema = z.object({ parts: z.array(MultiShotPartSchema).min(MULTI_SHOT_MIN).max(12) }).strict();
export type MultiShot = z.infer<typeof MultiShotSchema>;

/** What a model declares (ProviderCapabilities.multiShot). */
export interface MultiShotCapability {
  maxShots: number;
  minTotalSec: number;
  maxTotalSec: number;
  /** 'planned': cuts where the per-shot durations sent put them; 'model': the model places them. */
  cuts: 'planned' | 'model';
}

/** Why a selection cannot be one multi-shot generation: a translation key + parameters. */
export type MultiShotProblem =
  | { reason: 'model' }
  | { reason: 'count'; min: number; max: number; count: number }
  | { reason: 'consecutive'; gapAfter: number }
  | { reason: 'length'; min: number; max: number; total: number };

/** The shots' whole-second lengths as sent (at least one second each). */
export function partSeconds(durationsSec: readonly number[]): number[] {
  return durationsSec.map((d) => Math.max(1, Math.round(d)));
}

/**
 * Whether these selected shots can be one generation on a model with `cap` (undefined: the
 * model cannot). `order` is every shot id in timeline order; `durationOf` a shot's seconds.
 */
export function multiShotProblem(
  cap: MultiShotCapability | undefined | null,
  order: readonly string[],
  selected: readonly string[],
  durationOf: (shotId: string) => number,
): MultiShotProblem | null {
  if (!cap) return { reason: 'model' };
  const ids = [...new Set(selected)];
  if (ids.length < MULTI_SHOT_MIN || ids.length > cap.maxShots)
    return { reason: 'count', min: MULTI_SHOT_MIN, max: cap.maxShots, count: ids.length };
  const positions = ids.map((id) => order.indexOf(id)).sort((a, b) => a - b);
  for (let i = 1; i < positions.length; i++) {
    if ((positions[i] ?? 0) !== (positions[i - 1] ?? 0) + 1)
      return { reason: 'consecutive', gapAfter: (positions[i - 1] ?? 0) + 1 };
  }
  const total = partSeconds(ids.map(durationOf)).reduce((a, b) => a + b, 0);
  if (total < cap.minTotalSec || total > cap.maxTotalSec)
    return { reason: 'length', min: cap.minTotalSec, max: cap.maxTotalSec, total };
  return null;
}

/** The problem as an English sentence (service errors; the renderer translates the reason). */
export function multiShotProblemText(p: MultiShotProblem, model: string): string {
  switch (p.reason) {
    case 'model':
      return `${model} cannot make several shots in one generation.`;
    case 'count':
      return `One multi-shot generation takes ${p.min} to ${p.max} shots; ${p.count} were chosen.`;
    case 'consecutive':
      return `The shots must be consecutive on the timeline; the selection skips the shot after shot ${p.gapAfter}.`;
    case 'length':
      return `The shots last ${p.total} s together; one multi-shot clip of this model is ${p.min}-${p.max} s.`;
  }
}

export interface CutSegment {
  shotId: string;
  startSec: number;
  endSec: number;
}

/**
 * Where the returned clip is cut, in order of preference: the cut points the provider reported,
 * else the scene cuts detected in the clip (each planned cut takes the nearest detected one
 * within reach), else the planned cuts. Planned cuts are first scaled onto the clip's real
 * length (a provider may round). `reach`: how far a detected cut may be from a planned one.
 */
export function cutSegments(args: {
  shotIds: readonly string[];
  plannedSec: readonly number[];
  actualSec: number;
  reported?: readonly number[] | null;
  detected?: readonly number[] | null;
  cuts: MultiShotCapability['cuts'];
}): { segments: CutSegment[]; source: 'reported' | 'detected' | 'planned' } {
  const { shotIds, actualSec } = args;
  const plannedTotal = args.plannedSec.reduce((a, b) => a + b, 0);
  const k = plannedTotal > 0 && actualSec > 0 ? actualSec / plannedTotal : 1;
  const planned: number[] = [];
  let at = 0;
  for (const d of args.plannedSec.slice(0, -1)) planned.push((at += d) * k);
  const inside = (c: number): boolean => c > 0.2 && c < actualSec - 0.2;
  let cuts: number[] | null = null;
  let source: 'reported' | 'detected' | 'planned' = 'planned';
  const reported = (args.reported ?? []).filter(inside);
  if (reported.length === planned.length && planned.length > 0) {
    cuts = [...reported].sort((a, b) => a - b);
    source = 'reported';
  } else if (args.detected?.length) {
    const detected = [...args.detected].filter(inside).sort((a, b) => a - b);
    // A model that places its own cuts may be far from the plan: reach half a shot further.
    const share = actualSec / Math.max(1, shotIds.length);
    const reach = args.cuts === 'model' ? share * 0.75 : Math.min(1.5, share * 0.45);
    let prev = 0;
    let matched = 0;
    cuts = planned.map((p) => {
      let best: number | null = null;
      for (const d of detected)
        if (d > prev + 0.2 && Math.abs(d - p) <= reach && (best === null || Math.abs(d - p) < Math.abs(best - p)))
          best = d;
      if (best !== null) matched++;
      prev = best ?? p;
      return prev;
    });
    if (matched > 0) source = 'detected';
  }
  cuts ??= planned;
  const bounds = [0, ...cuts, actualSec];
  const segments = shotIds.map((shotId, i) => ({
    shotId,
    startSec: bounds[i] ?? 0,
    endSec: bounds[i + 1] ?? actualSec,
  }));
  return { segments, source };
}

/** The cut times an ffmpeg `metadata=print` of `select='gt(scene,T)'` wrote (its pts_time lines). */
export function parseSceneCuts(log: string): number[] {
  const out: number[] = [];
  for (const m of log.matchAll(/pts_time:\s*([0-9]+(?:\.[0-9]+)?)/g)) {
    const t = Number(m[1]);
    if (Number.isFinite(t) && !out.includes(t)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Models checked and found NOT to make several cuts in one generation through their API, with
 * the source: shown under the README capability matrix beside the models' rows.
 */
export const MULTI_SHOT_FINDINGS: readonly { provider: string; finding: string; source: string }[] = [
  {
    provider: 'seedance',
    finding:
      "Seedance 2.0 makes several cuts in one clip only from shots numbered in ONE prompt (镜头1, 镜头2 …): no shot-list field and no per-shot seconds (Volcengine's Seedance 2.0 prompt guide, document 82379/2222480, warns that time ranges are unstable), so the cut points are the model's; not offered here until a split by detected cuts alone is validated on real clips.",
    source:
      'https://raw.githubusercontent.com/Emily2040/seedance-2.0/HEAD/references/multishot-grammar.md (summary of the Volcengine guide, secondary)',
  },
  {
    provider: 'minimax',
    finding:
      'Hailuo 2.3 / 02 take one prompt (with [camera] commands) per 6 or 10 s clip; no shot-list or multi-shot field is documented, and the "long-form multi-scene" recipes generate one clip per scene and join them.',
    source:
      'https://replicate.com/minimax/video-01-director (input schema), https://docs.scenario.com/get-started/generation/video-generation/video-generation-minimax/index.md (secondary)',
  },
];
