/** Long work: generation and export. They answer at once and report through events. */
import { isExporting, shotsToGenerate } from '../store/selectors';
import { generationActions } from './jobActions';
import { runAction, type Action } from './registry';

export const generateAll: Action<'generate.all'> = {
  id: 'generate.all',
  labelKey: 'generate.all',
  place: 'generate',
  predicate: (s) => shotsToGenerate(s).length > 0,
  async perform(ctx) {
    const { api, store } = ctx;
    const shotIds = shotsToGenerate(store.getState()).map((s) => s.id);
    // One click starts only what is free and within the budget; anything that costs money
    // (or has no known price) opens the Generate dialog, which shows the estimate first.
    const est = await api.call('generate.estimate', { shotIds });
    if (est.total > 0 || est.unpriced > 0 || est.overBudget) {
      await runAction(ctx, generationActions['generate.open'], undefined);
      return;
    }
    await api.call('generate.start', { shotIds });
    // The job rows exist now: show every shot as queued without waiting for the first event.
    store.getState().setSnapshot(await api.call('project.current', {}));
  },
};

export const exportStart: Action<'export.start'> = {
  id: 'export.start',
  labelKey: 'export.start',
  place: 'export',
  predicate: (s, p) => (s.snapshot?.shots.length ?? 0) > 0 && !isExporting(s) && p.outPath.trim() !== '',
  async perform({ api, store }, p) {
    const outPath = p.outPath.trim();
    store.getState().setExportRun({ exportId: null, state: 'starting', progress: 0, outPath, error: null });
    try {
      const { exportId } = await api.call('export.start', { outPath, quality: p.quality });
      const run = store.getState().exportRun;
      if (run && run.exportId === null) store.getState().setExportRun({ ...run, exportId, state: run.state === 'starting' ? 'running' : run.state });
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
