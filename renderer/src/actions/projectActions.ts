/** Loading the app, creating, opening and closing projects, and undo/redo (owned by the services). */
import { AppError } from '../../../shared/errors';
import { resetRecoveryUi, setRecoveryUi } from '../store/recoveryUi';
import { showMissingMedia } from './recoveryActions';
import type { Action } from './registry';
import { applyCall, reloadSnapshot } from './snapshotCall';

export const appLoad: Action<'app.load'> = {
  id: 'app.load',
  labelKey: 'app.retry',
  place: 'app',
  tracks: 'none',
  async perform(ctx) {
    const { api, store } = ctx;
    const info = await api.call('app.info', {});
    store.getState().setAppInfo(info);
    await reloadSnapshot(ctx);
  },
};

export const projectCreate: Action<'project.create'> = {
  id: 'project.create',
  labelKey: 'start.create.submit',
  place: 'start.create',
  tracks: 'none',
  predicate: (_s, p) => p.dir.trim() !== '' && p.name.trim() !== '',
  async perform(ctx, p) {
    await applyCall(ctx, 'project.create', { ...p, dir: p.dir.trim(), name: p.name.trim(), fps: p.fps.trim() });
  },
};

export const projectOpen: Action<'project.open'> = {
  id: 'project.open',
  labelKey: 'start.open.submit',
  place: 'start.open',
  tracks: 'none',
  predicate: (_s, p) => p.dir.trim() !== '',
  async perform(ctx, p) {
    const dir = p.dir.trim();
    setRecoveryUi({ repairOffer: null });
    try {
      await applyCall(ctx, 'project.open', { dir });
    } catch (err) {
      // Refused as foreign or damaged: offer a repaired copy (the original stays untouched).
      if (err instanceof AppError && (err.code === 'PROJECT_FOREIGN' || err.code === 'PROJECT_DAMAGED'))
        setRecoveryUi({ repairOffer: { dir, code: err.code } });
      throw err;
    }
    // Missing media is listed at once, per shot, with a way to relink it.
    await showMissingMedia(ctx, false);
  },
};

export const projectClose: Action<'project.close'> = {
  id: 'project.close',
  labelKey: 'header.close',
  place: 'app',
  tracks: 'none',
  predicate: (s) => s.snapshot !== null,
  async perform({ api, store }) {
    await api.call('project.close', {});
    resetRecoveryUi();
    store.getState().setSnapshot(null);
  },
};

export const historyUndo: Action<'history.undo'> = {
  id: 'history.undo',
  labelKey: 'header.undo',
  shortcuts: ['Mod+Z'],
  place: 'history',
  tracks: 'none',
  predicate: (s) => s.snapshot?.history.canUndo === true,
  async perform(ctx) {
    await applyCall(ctx, 'history.undo', {});
  },
};

export const historyRedo: Action<'history.redo'> = {
  id: 'history.redo',
  labelKey: 'header.redo',
  shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
  place: 'history',
  tracks: 'none',
  predicate: (s) => s.snapshot?.history.canRedo === true,
  async perform(ctx) {
    await applyCall(ctx, 'history.redo', {});
  },
};
