/** Export: start and cancel. It answers at once and reports through export.progress events. */
import { isExporting } from '../store/selectors';
import type { Action } from './registry';

export const exportStart: Action<'export.start'> = {
  id: 'export.start',
  labelKey: 'export.start',
  place: 'export',
  tracks: 'none',
  predicate: (s, p) => (s.snapshot?.shots.length ?? 0) > 0 && !isExporting(s) && p.outPath.trim() !== '',
  async perform({ api, store }, p) {
    const outPath = p.outPath.trim();
    store.getState().setExportRun({ exportId: null, state: 'starting', progress: 0, outPath, error: null });
    try {
      const { exportId } = await api.call('export.start', {
        outPath,
        quality: p.quality,
        ...(p.subtitles ? { subtitles: p.subtitles } : {}),
      });
      const run = store.getState().exportRun;
      if (run && run.exportId === null)
        store.getState().setExportRun({ ...run, exportId, state: run.state === 'starting' ? 'running' : run.state });
    } catch (err) {
      store.getState().setExportRun(null);
      throw err;
    }
  },
};

export const exportCancel: Action<'export.cancel'> = {
  id: 'export.cancel',
  labelKey: 'export.cancel',
  place: 'export',
  tracks: 'none',
  predicate: (s) => s.exportRun?.state === 'running' && s.exportRun.exportId !== null,
  async perform({ api, store }) {
    const run = store.getState().exportRun;
    if (!run?.exportId) return;
    store.getState().setExportRun({ ...run, state: 'canceling' });
    try {
      await api.call('export.cancel', { exportId: run.exportId });
    } catch (err) {
      // It may have finished meanwhile; only undo our 'canceling' if nothing newer arrived.
      const now = store.getState().exportRun;
      if (now?.state === 'canceling') store.getState().setExportRun({ ...now, state: 'running' });
      throw err;
    }
  },
};
