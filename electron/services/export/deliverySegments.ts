/**
 * The encode step of a delivery run (deliveryRun.ts): per segment of the cut, what the cache
 * already has is reused; for the rest ONE ffmpeg decodes the segment's sources once and encodes
 * a branch per deliverable that lacks it (shared/export/segments.ts). A segment enters the cache
 * only by rename after a successful encode (segmentCache.ts commit).
 */
import { randomUUID } from 'node:crypto';
import { isCanceled } from '../../../shared/errors.js';
import { segmentInvocation, type SegmentGroup, type SegmentTarget } from '../../../shared/export/segments.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import type { RunContext, Target } from './deliveryTargets.js';

/** A segment to encode: for the deliverables in `need`; `twins` ask for the same key and share it. */
export interface SegmentWork {
  g: number;
  need: Target[];
  twins: Target[];
}

/** Looks every segment of every deliverable up in the cache; counts the hits, lists the rest. */
export async function segmentWork(ctx: RunContext, targets: readonly Target[]): Promise<SegmentWork[]> {
  const work: SegmentWork[] = [];
  for (const [g, group] of ctx.groups.entries()) {
    const missing: Target[] = [];
    for (const t of targets) {
      if (await ctx.cache.lookup(t.keys[g] ?? '')) {
        t.reused += 1;
        t.doneFrames += group.frames;
      } else {
        missing.push(t);
      }
    }
    // Two deliverables asking for the same pixels (same key) share one encode.
    const need = missing.filter((t, i) => missing.findIndex((m) => m.keys[g] === t.keys[g]) === i);
    const twins = missing.filter((t) => !need.includes(t));
    if (need.length > 0) work.push({ g, need, twins });
  }
  return work;
}

/**
 * Encodes one segment for its deliverables into cache temps (added to `temps` while they exist,
 * so a failed run deletes them), then commits them to the cache.
 */
export async function renderSegment(
  ctx: RunContext,
  { g, need, twins }: SegmentWork,
  temps: Set<string>,
  showProgress: () => void,
): Promise<void> {
  const { store, cache } = ctx;
  const group = ctx.groups[g] as SegmentGroup;
  const keys = need.map((t) => t.keys[g] ?? '');
  const paths = keys.map((k) => cache.tempPath(k, ctx.runId));
  paths.forEach((x) => temps.add(x));
  const inv = segmentInvocation(
    ctx.plan,
    group,
    need.map((t) => t.segment[g] as SegmentTarget),
    paths,
    ctx.resolveAbs,
  );
  // The segment's ffmpeg is recorded as a run of its own (its first temp in the cache): after a
  // crash the sweep kills it by that temp (it names none of the deliverables' temps) and deletes it.
  const segRun = { id: randomUUID(), outPath: cache.segmentPath(keys[0] ?? ''), tempPath: paths[0] ?? '', pid: null };
  store.recordExportStart(segRun);
  try {
    await runFfmpeg(inv, {
      signal: ctx.signal,
      onSpawn: (pid) => ctx.record(() => store.updateExport(segRun.id, { state: 'running', pid })),
      onProgress: (f) => {
        for (const t of [...need, ...twins]) t.partial.set(g, f * group.frames);
        showProgress();
      },
    });
  } catch (err) {
    ctx.record(() => store.updateExport(segRun.id, { state: isCanceled(err) ? 'canceled' : 'failed' }));
    throw err;
  }
  ctx.record(() => store.updateExport(segRun.id, { state: 'succeeded' }));
  ctx.throwIfRecordFailed();
  for (const [j, key] of keys.entries()) {
    await cache.commit(key, paths[j] ?? '', group.frames);
    temps.delete(paths[j] ?? '');
  }
  for (const t of [...need, ...twins]) {
    t.partial.delete(g);
    t.doneFrames += group.frames;
  }
  for (const t of need) t.encoded += 1;
  for (const t of twins) t.reused += 1;
  showProgress();
}
