/**
 * A delivery run where shots have takes made for one aspect (shared/model/aspectTakes.ts):
 * each deliverable's cut uses, per shot, the take nearest its aspect. Deliverables whose cuts
 * use the same takes share one run (deliveryRun.ts: their segments decoded once); when the
 * cuts differ, one run per group, one after the other under the same run id, the progress and
 * the report merged. Without aspect takes this is exactly runDelivery.
 */
import type { DeliverableReport, DeliveryProgress, DeliveryReport } from '../../../shared/api/delivery.js';
import type { Deliverable } from '../../../shared/export/deliverable.js';
import { aspectTakeKey, snapshotForAspect } from '../../../shared/model/aspectTakes.js';
import type { Aspect } from '../../../shared/model/format.js';
import { runDelivery, type DeliveryRunOptions } from './deliveryRun.js';
import type { SegmentCache } from './segmentCache.js';
import type { ExportStorePort } from './storePort.js';

/** The store as an export at `aspect` reads it: the document with that aspect's takes chosen. */
export function storeAtAspect(store: ExportStorePort, aspect: Aspect): ExportStorePort {
  return {
    dir: store.dir,
    snapshot: () => snapshotForAspect(store.snapshot(), aspect),
    clipFacts: (ids) => store.clipFacts(ids),
    recordExportStart: (run) => store.recordExportStart(run),
    updateExport: (id, update) => store.updateExport(id, update),
    unfinishedExports: () => store.unfinishedExports(),
  };
}

export async function runDeliveryByAspect(
  store: ExportStorePort,
  cache: SegmentCache,
  opts: DeliveryRunOptions & { runId: string },
): Promise<DeliveryReport> {
  const doc = store.snapshot();
  const groups = new Map<string, Deliverable[]>();
  for (const dv of opts.deliverables) {
    const key = aspectTakeKey(doc, dv.aspect);
    groups.set(key, [...(groups.get(key) ?? []), dv]);
  }
  const list = [...groups.entries()];
  const storeFor = (key: string, dvs: readonly Deliverable[]): ExportStorePort =>
    key === '' || !dvs[0] ? store : storeAtAspect(store, dvs[0].aspect);
  if (list.length <= 1) {
    const [key, dvs] = list[0] ?? ['', opts.deliverables];
    return runDelivery(storeFor(key, dvs), cache, opts);
  }
  // Several cuts: one run each, reported as one run (later groups queued until their turn).
  const latest: DeliveryProgress['deliverables'][] = list.map(([, dvs]) =>
    dvs.map((dv) => ({ id: dv.id, name: dv.name, outPath: '', state: 'queued' as const, progress: 0 })),
  );
  const reports: DeliveryReport[] = [];
  for (const [i, [key, dvs]] of list.entries()) {
    const last = i === list.length - 1;
    reports.push(
      await runDelivery(storeFor(key, dvs), cache, {
        ...opts,
        deliverables: dvs,
        onProgress: (p) => {
          latest[i] = p.deliverables;
          const done = p.state === 'succeeded' && !last;
          opts.onProgress?.({
            ...p,
            state: done ? 'running' : p.state,
            deliverables: latest.flat(),
            report: done ? null : p.report && merged([...reports, p.report], opts.runId),
          });
        },
      }),
    );
  }
  return merged(reports, opts.runId);
}

function merged(reports: readonly DeliveryReport[], runId: string): DeliveryReport {
  const deliverables: DeliverableReport[] = reports.flatMap((r) => r.deliverables);
  return {
    runId,
    deliverables,
    digitalSourceType: reports.find((r) => r.digitalSourceType)?.digitalSourceType ?? null,
    authorshipReport: reports.at(-1)?.authorshipReport ?? null,
    notes: [...new Set(reports.flatMap((r) => r.notes))],
  };
}
