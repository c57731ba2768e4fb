/**
 * Contract handlers of the `export.*` namespace. An export returns at once with its id and
 * reports through export.progress events; a failure or cancel is reported the same way.
 */
import { randomUUID } from 'node:crypto';
import { AppError, isCanceled, toSerializedError } from '../../../shared/errors.js';
import { runExport } from '../export/exportJob.js';
import type { NamespaceHandlers, Session } from './session.js';

export function exportHandlers(session: Session): NamespaceHandlers<'export'> {
  return {
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
