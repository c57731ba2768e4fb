/**
 * Contract handlers for long work: generation batches and exports. Both return at once and
 * report through events; the CLI awaits the same functions directly (see electron/cli).
 */
import { randomUUID } from 'node:crypto';
import type { EventPayload, Handlers } from '../../../shared/api/contract.js';
import { AppError, isCanceled, toSerializedError } from '../../../shared/errors.js';
import { runExport } from '../export/exportJob.js';
import { generateShots, resumeJobs } from '../generation/jobs.js';
import { importFile } from '../media/mediaStore.js';
import type { ProjectStore } from '../project/store.js';
import type { Session } from './session.js';

type WorkHandlers = Pick<Handlers, 'generate.start' | 'jobs.list' | 'export.start' | 'export.cancel'>;

export function workHandlers(session: Session): WorkHandlers {
  return {
    'generate.start': async ({ shotIds, provider }) => {
      const store = session.require();
      const controller = new AbortController();
      session.batches.add(controller);
      let resolveQueued: (ids: string[]) => void = () => {};
      const queued = new Promise<string[]>((r) => (resolveQueued = r));
      const done = runGeneration(session, store, {
        ...(shotIds ? { shotIds } : {}),
        ...(provider ? { providerId: provider } : {}),
        signal: controller.signal,
        onQueued: (ids) => resolveQueued(ids),
      }).finally(() => session.batches.delete(controller));
      // Answer as soon as the job rows exist (or the batch failed before any did).
      const jobIds = await Promise.race([queued, done.then((r) => r.jobIds)]);
      done.catch(() => {});
      return { jobIds };
    },
    'jobs.list': async () => session.require().listJobs(),
    'export.start': async ({ outPath, quality }) => {
      const store = session.require();
      const exportId = randomUUID();
      const controller = new AbortController();
      session.exports.set(exportId, controller);
      void runExport(store, {
        outPath,
        quality,
        exportId,
        signal: controller.signal,
        onProgress: (p) => session.hub.emit('export.progress', p),
      })
        .catch((err: unknown) => {
          session.hub.emit('export.progress', {
            exportId,
            state: isCanceled(err) ? 'canceled' : 'failed',
            progress: 0,
            outPath,
            error: isCanceled(err) ? null : toSerializedError(err).message,
          });
        })
        .finally(() => session.exports.delete(exportId));
      return { exportId };
    },
    'export.cancel': async ({ exportId }) => {
      const controller = session.exports.get(exportId);
      if (!controller) throw new AppError('NOT_FOUND', `No export ${exportId} is running.`);
      controller.abort();
      return { ok: true as const };
    },
  };
}

/**
 * One generation batch over the open project. Jobs a crash left in flight are resumed first
 * (their task ids polled, never re-created), so a batch never races its own earlier jobs.
 */
async function runGeneration(
  session: Session,
  store: ProjectStore,
  opts: { shotIds?: string[]; providerId?: string; signal: AbortSignal; onQueued: (jobIds: string[]) => void },
): Promise<{ jobIds: string[] }> {
  const deps = { store, importFile: (path: string) => importFile(store, path, 'generated') };
  const onProgress = (p: EventPayload<'job.progress'>): void => {
    session.hub.emit('job.progress', p);
    if (p.state === 'succeeded' || p.state === 'failed') session.changed();
  };
  await resumeJobs(deps, { signal: opts.signal, onProgress });
  return generateShots(deps, { ...opts, onProgress });
}
