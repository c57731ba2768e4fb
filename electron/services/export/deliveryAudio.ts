/**
 * The sound of a delivery run (deliveryRun.ts): each deliverable's finished sound (the mix with
 * its loudness pass 2, encoded; shared/export/deliveryAudio.ts) is looked up in the export cache
 * by the key of everything that makes its samples. When every deliverable has it, nothing of the
 * sound runs: no mix, no measuring, no pass 2. Otherwise the mix runs once (measured by pass 1 in
 * the same ffmpeg), then each missing sound is encoded into a cache temp and committed like a
 * segment (fsync, rename, meta with its loudness result), so a kill -9 leaves at most a temp that
 * is never read. All of it runs beside the segment encodes: the join then only copies.
 */
import type { Quality } from '../../../shared/api/contract.js';
import { mixInvocation } from '../../../shared/export/deliveryArgs.js';
import { audioInvocation, audioKeyMaterial } from '../../../shared/export/deliveryAudio.js';
import {
  applyFilter,
  parseEbur128Summary,
  parseLoudnormReports,
  resultOf,
  type LoudnessResult,
} from '../../../shared/export/loudness.js';
import { runRecorded } from './deliverySegments.js';
import type { RunContext, Target } from './deliveryTargets.js';
import { segmentKey } from './segmentCache.js';

/** One sound to encode, for every deliverable that asks for the same key. */
export interface AudioWork {
  key: string;
  targets: Target[];
}

interface AudioData {
  loudness: LoudnessResult | null;
}

/** The loudness result a cached sound was committed with, when it fits the target; else undefined. */
function cachedLoudness(data: unknown, target: number | null): LoudnessResult | null | undefined {
  if (typeof data !== 'object' || data === null || !('loudness' in data)) return undefined;
  const l = (data as AudioData).loudness;
  if (l === null) return target === null ? null : undefined;
  return typeof l === 'object' && l.targetLufs === target && typeof l.mode === 'string' ? l : undefined;
}

/** Sets each target's sound key; a whole cached sound is taken (with its loudness); the rest is listed. */
export async function audioWork(
  ctx: RunContext,
  targets: readonly Target[],
  quality: Quality,
  ffmpegVersion: string,
  sourceOf: (relPath: string) => string,
): Promise<AudioWork[]> {
  const work = new Map<string, AudioWork>();
  for (const t of targets) {
    t.audioKey = segmentKey(audioKeyMaterial(ctx.plan, t.dv, quality, ffmpegVersion, sourceOf));
    if (await ctx.cache.lookup(t.audioKey)) {
      const loudness = cachedLoudness(await ctx.cache.data(t.audioKey), t.dv.loudnessLufs);
      if (loudness !== undefined) {
        t.loudness = loudness;
        t.audioReused = true;
        continue;
      }
      await ctx.cache.remove(t.audioKey);
    }
    const w = work.get(t.audioKey) ?? { key: t.audioKey, targets: [] };
    w.targets.push(t);
    work.set(t.audioKey, w);
  }
  return [...work.values()];
}

/** The mix (into `mixPath`, measured), then each listed sound encoded and committed to the cache. */
export async function renderAudio(
  ctx: RunContext,
  work: readonly AudioWork[],
  mixPath: string,
  quality: Quality,
  temps: Set<string>,
): Promise<void> {
  if (work.length === 0) return;
  const { plan, cache } = ctx;
  // Recorded like every encode of the run (its pid, its temp): after a kill -9 the sweep stops
  // this ffmpeg too, or it goes on writing the mix temp after the sweep (CI stop 23 caught it).
  const mix = await runRecorded(ctx, mixInvocation(plan, mixPath, ctx.resolveAbs), mixPath, mixPath, {
    stderrTailLines: 60,
  });
  const measured = parseEbur128Summary(mix.stderrTail);
  for (const w of work) {
    const dv = w.targets[0]?.dv;
    if (!dv) continue;
    const temp = cache.tempPath(w.key, ctx.runId);
    temps.add(temp);
    const target = dv.loudnessLufs;
    const inv = audioInvocation({
      mixPath,
      loudnessFilter: target === null ? null : applyFilter(measured, target),
      deliverable: dv,
      quality,
      tempPath: temp,
      durationSec: plan.durationSec,
    });
    const result = await runRecorded(ctx, inv, cache.segmentPath(w.key), temp, { stderrTailLines: 200 });
    const loudness = target === null ? null : resultOf(target, measured, parseLoudnormReports(result.stderrTail)[0]);
    await cache.commit(w.key, temp, plan.totalFrames, { loudness } satisfies AudioData);
    temps.delete(temp);
    for (const t of w.targets) t.loudness = loudness;
  }
}
