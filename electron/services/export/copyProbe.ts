/**
 * The stream facts copy.ts needs, one ffprobe per distinct source file, through the runner
 * (the only place that starts ffprobe). Only called when copyPrecheck() passed, so mixed
 * projects never pay for it.
 */
import { isCanceled } from '../../../shared/errors.js';
import { copyPrecheck, copyVerdict, type CopyVerdict } from '../../../shared/export/copy.js';
import { clipFactsArgs, parseClipFacts, type ClipVideoFacts } from '../../../shared/export/copyFacts.js';
import type { ExportPlan } from '../../../shared/export/plan.js';
import { runFfprobe } from '../ffmpeg/runner.js';

/** Two at a time: the machines have two cores, and each probe reads its file once. */
const CONCURRENCY = 2;

/**
 * Facts per clip, in plan order (a file used by several shots is probed once). A probe that
 * fails gives null for its clips (the verdict then names it); a cancel rejects.
 */
export async function probeClipFacts(plan: ExportPlan, resolveAbs: (rel: string) => string, signal?: AbortSignal): Promise<(ClipVideoFacts | null)[]> {
  const files = [...new Set(plan.clips.map((c) => resolveAbs(c.path)))];
  const facts = new Map<string, ClipVideoFacts | null>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      try {
        facts.set(file, parseClipFacts(JSON.parse(await runFfprobe(clipFactsArgs(file), signal ? { signal } : {}))));
      } catch (err) {
        if (isCanceled(err)) throw err;
        facts.set(file, null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return plan.clips.map((c) => facts.get(resolveAbs(c.path)) ?? null);
}

/** Copy or not, and why: the precheck (free), then the probes (only if it passed). */
export async function decideCopy(plan: ExportPlan, resolveAbs: (rel: string) => string, signal?: AbortSignal): Promise<CopyVerdict> {
  const pre = copyPrecheck(plan, resolveAbs);
  if (!pre.eligible) return pre;
  return copyVerdict(plan, await probeClipFacts(plan, resolveAbs, signal), resolveAbs);
}
