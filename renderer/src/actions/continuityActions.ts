/**
 * The consistency check from the UI: run it (all shots, or one shot from the takes gallery),
 * open and close the continuity report, and "Regenerate only the drifting shots": it selects
 * just those shots and opens the Generate dialog on them, which shows the estimate first; the
 * user starts the batch there (nothing is sent from here).
 */
import { AppError } from '../../../shared/errors';
import { driftingShotIds } from '../../../shared/continuity/score';
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
  async perform() {
    setContinuityUi({ reportOpen: false });
  },
};

export const continuityRegenerate: Action<'continuity.regenerateDrifting'> = {
  id: 'continuity.regenerateDrifting',
  labelKey: 'consistency.regenerate',
  place: 'generate',
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

export const continuityActions = {
  'continuity.check': continuityCheck,
  'continuity.open': continuityOpen,
  'continuity.close': continuityClose,
  'continuity.regenerateDrifting': continuityRegenerate,
};
