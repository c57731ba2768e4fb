/**
 * Getting a project back (issue: hardening): relink missing media by picking a file or
 * searching a folder, save a copy of the open project, and open a repaired copy of a project
 * that was refused as foreign or damaged. The services do the work (shared/api/recovery.ts);
 * these actions hand them the user's choices and keep the dialogs' state (store/recoveryUi.ts).
 */
import { AppError } from '../../../shared/errors';
import { recoveryUi, setRecoveryUi } from '../store/recoveryUi';
import type { AppState } from '../store/state';
import { applyCall, applyCallWith } from './snapshotCall';
import type { ActionContext, ActionMap } from './registry';

const hasProject = (s: AppState): boolean => s.snapshot !== null;

/** The asset's original file name, from the list the dialog shows. */
function nameOf(assetId: string): string {
  return recoveryUi.getState().missing?.find((m) => m.assetId === assetId)?.originalName ?? assetId;
}

async function refreshMissing({ api }: ActionContext): Promise<void> {
  setRecoveryUi({ missing: await api.call('media.missing', {}) });
}

/** Opens the Relink dialog with the project's missing media; true when there is some. */
export async function showMissingMedia(ctx: ActionContext, openWhenNone: boolean): Promise<boolean> {
  const missing = await ctx.api.call('media.missing', {});
  if (missing.length === 0 && !openWhenNone) return false;
  setRecoveryUi({ relinkOpen: true, missing, relinked: [], mismatch: null });
  return missing.length > 0;
}

export interface RelinkPayload {
  assetId: string;
  file: File | null;
  /** The user accepted other bytes (after a MEDIA_MISMATCH). */
  confirm: boolean;
}

export const recoveryActions: Pick<
  ActionMap,
  | 'relink.open'
  | 'media.relink'
  | 'media.relinkFolder'
  | 'saveCopy.open'
  | 'project.saveCopy'
  | 'project.openRepaired'
  | 'repair.dismiss'
> = {
  'relink.open': {
    id: 'relink.open',
    labelKey: 'recovery.actions.relink',
    place: 'app',
    tracks: 'none',
    global: true,
    group: 'file',
    predicate: hasProject,
    async perform(ctx) {
      await showMissingMedia(ctx, true);
    },
  },
  'media.relink': {
    id: 'media.relink',
    labelKey: 'recovery.relink.chooseFile',
    place: 'relink',
    tracks: 'none',
    predicate: (s, p) => hasProject(s) && p.file !== null,
    async perform(ctx, p) {
      if (!p.file) return;
      const path = await ctx.api.importFile(p.file);
      try {
        await applyCallWith(ctx, 'media.relink', { assetId: p.assetId, path, confirm: p.confirm });
      } catch (err) {
        // Other bytes of the same kind: the user may relink them anyway, with the same file.
        const canConfirm = err instanceof AppError && err.code === 'MEDIA_MISMATCH' && err.details?.canConfirm === true;
        setRecoveryUi({ mismatch: canConfirm ? { assetId: p.assetId, file: p.file } : null });
        throw err;
      }
      setRecoveryUi({ relinked: [...recoveryUi.getState().relinked, nameOf(p.assetId)], mismatch: null });
      await refreshMissing(ctx);
    },
  },
  'media.relinkFolder': {
    id: 'media.relinkFolder',
    labelKey: 'recovery.relink.searchFolder',
    place: 'relink',
    tracks: 'none',
    predicate: (s, p) => hasProject(s) && p.folder.trim() !== '',
    async perform(ctx, p) {
      const { relinked } = await applyCallWith(ctx, 'media.relinkFolder', { folder: p.folder.trim() });
      setRecoveryUi({ relinked: [...recoveryUi.getState().relinked, ...relinked.map((x) => nameOf(x.assetId))] });
      await refreshMissing(ctx);
    },
  },
  'saveCopy.open': {
    id: 'saveCopy.open',
    labelKey: 'recovery.actions.saveCopy',
    place: 'app',
    tracks: 'none',
    global: true,
    group: 'file',
    predicate: hasProject,
    async perform() {
      setRecoveryUi({ saveCopyOpen: true, savedTo: null });
    },
  },
  'project.saveCopy': {
    id: 'project.saveCopy',
    labelKey: 'recovery.saveCopy.save',
    place: 'saveCopy',
    tracks: 'none',
    predicate: (s, p) => hasProject(s) && p.dir.trim() !== '',
    async perform({ api }, p) {
      setRecoveryUi({ savedTo: null });
      const r = await api.call('project.saveCopy', { dir: p.dir.trim() });
      setRecoveryUi({ savedTo: r.dir });
    },
  },
  'project.openRepaired': {
    id: 'project.openRepaired',
    labelKey: 'recovery.repair.open',
    place: 'start.open',
    tracks: 'none',
    predicate: (_s, p) => p.dir.trim() !== '',
    async perform(ctx, p) {
      await applyCall(ctx, 'project.openRepaired', { dir: p.dir.trim() });
      setRecoveryUi({ repairOffer: null });
      ctx.store.getState().setError('start.open', null);
      await showMissingMedia(ctx, false);
    },
  },
  'repair.dismiss': {
    id: 'repair.dismiss',
    labelKey: 'recovery.repair.cancel',
    place: 'start.open',
    tracks: 'none',
    async perform({ store }) {
      setRecoveryUi({ repairOffer: null });
      store.getState().setError('start.open', null);
    },
  },
};
