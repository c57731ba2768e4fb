/**
 * "One multi-shot generation" from the Generate dialog: consecutive selected shots sent as ONE
 * request (shared/api/multiShot.ts). Asks the estimate again right before starting, like every
 * paid batch; nothing is sent over the budget.
 */
import type { MethodInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { setJobsUi } from '../store/jobsUi';
import { refreshJobs } from './generationActions';
import type { Action } from './registry';
import { reloadSnapshot } from './snapshotCall';

export type MultiShotBatch = MethodInput<'multiShot.start'>;

export const generateRunMultiShot: Action<'generate.runMultiShot'> = {
  id: 'generate.runMultiShot',
  labelKey: 'multiShot.start',
  place: 'generateDialog',
  tracks: 'none',
  async perform(ctx, p) {
    const { api, store } = ctx;
    const est = await api.call('multiShot.estimate', p);
    store.getState().setEstimate(est);
    if (est.overBudget) throw new AppError('INVALID_INPUT', 'This batch is over the project budget. Nothing was sent.');
    await api.call('multiShot.start', p);
    await reloadSnapshot(ctx);
    setJobsUi({ generateOpen: false });
    store.getState().setEstimate(null);
    await refreshJobs(api, store);
  },
};
