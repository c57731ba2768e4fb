/**
 * The consistency check from the UI: run it (all shots, or one shot from the takes gallery),
 * open and close the continuity report, and "Regenerate only the drifting shots": it selects
 * just those shots and opens the Generate dialog on them, which shows the estimate first; the
 * user starts the batch there (nothing is sent from here). In Settings: the drift threshold per
 * element kind (app-wide), read and saved; a save re-reads the open project's report so the
 * badges and the report flag drift against the new thresholds at once.
 */
import { AppError } from '../../../shared/errors';
import { driftingShotIds, type DriftThresholds } from '../../../shared/continuity/score';
import { continuityUi, setContinuityUi } from '../store/continuityUi';
import { setJobsUi } from '../store/jobsUi';
import { selection } from '../store/uiEditor';
import { generationActions } from './generationActions';
import { runAction, type Action } from './registry';

const hasProject = (s: { snapshot: unknown }) => s.snapshot !== null;

export const continuityCheck: Action<'continuity.check'> = {
  id: 'continuity.check',
  labelKey: 'consistency.check',
  place: 'generate',
  tracks: 'none',
  global: true,
  group: 'file',
  predicate: (s) => (s.snapshot?.takes.length ?? 0) > 0,
  async perform({ api }, p) {
    const report = await api.call('continuity.check', p?.shotIds ? { shotIds: p.shotIds } : {});
    setContinuityUi({ report, ...(p?.shotIds ? {} : { reportOpen: true }) });
  },
};

export const continuityOpen: Action<'continuity.open'> = {
  id: 'continuity.open',
  labelKey: 'consistency.open',
  place: 'generate',
  tracks: 'none',
  global: true,
  group: 'view',
  predicate: hasProject,
  async perform({ api }) {
    setContinuityUi({ reportOpen: true, report: await api.call('continuity.report', {}) });
  },
};

export const continuityClose: Action<'continuity.close'> = {
  id: 'continuity.close',
  labelKey: 'consistency.close',
  place: 'generate',
  tracks: 'none',
  async perform() {
    setContinuityUi({ reportOpen: false });
  },
};

export const continuityRegenerate: Action<'continuity.regenerateDrifting'> = {
  id: 'continuity.regenerateDrifting',
  labelKey: 'consistency.regenerate',
  place: 'generate',
  tracks: 'none',
  global: true,
  group: 'file',
  predicate: (s) => {
    const report = continuityUi.getState().report;
    return report !== null && s.snapshot !== null && driftingShotIds(report, s.snapshot.shots).length > 0;
  },
  async perform(ctx) {
    const report = continuityUi.getState().report;
    const shots = ctx.store.getState().snapshot?.shots ?? [];
    const ids = report ? driftingShotIds(report, shots) : [];
    if (!ids.length) throw new AppError('INVALID_INPUT', 'No shot drifts: there is nothing to regenerate.');
    selection.getState().select(ids, 'replace', ids);
    setJobsUi({ generateScope: 'regenerate' });
    setContinuityUi({ reportOpen: false });
    await runAction(ctx, generationActions['generate.open'], undefined);
  },
};

export interface ThresholdsPayload {
  onDone?: (thresholds: DriftThresholds) => void;
}

export const continuityThresholds: Action<'continuity.thresholds'> = {
  id: 'continuity.thresholds',
  labelKey: 'consistency.settings.title',
  place: 'settings',
  tracks: 'none',
  async perform({ api }, p) {
    const thresholds = await api.call('continuity.thresholds', {});
    p.onDone?.(thresholds);
  },
};

export const continuitySetThresholds: Action<'continuity.setThresholds'> = {
  id: 'continuity.setThresholds',
  labelKey: 'consistency.settings.save',
  place: 'settings',
  tracks: 'none',
  async perform({ api, store }, p) {
    const thresholds = await api.call('continuity.setThresholds', p.thresholds);
    if (store.getState().snapshot !== null) setContinuityUi({ report: await api.call('continuity.report', {}) });
    p.onDone?.(thresholds);
  },
};

export const continuityActions = {
  'continuity.check': continuityCheck,
  'continuity.open': continuityOpen,
  'continuity.close': continuityClose,
  'continuity.regenerateDrifting': continuityRegenerate,
  'continuity.thresholds': continuityThresholds,
  'continuity.setThresholds': continuitySetThresholds,
};
