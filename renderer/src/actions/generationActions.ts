/**
 * Generation with consent: the Generate dialog's estimate and start, the jobs panel (refresh,
 * cancel, retry — a retry is paid, so it runs only after the user confirmed its cost), the
 * project budget, and the provider settings. Nothing here retries on its own.
 */
import type { MethodInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors';
import { jobsUi, setJobsUi } from '../store/jobsUi';
import type { AppStore } from '../store/store';
import type { ApiClient } from '../api/client';
import { shotsToGenerate } from '../store/selectors';
import { runAction, type Action, type ActionMap } from './registry';
import { reloadSnapshot } from './snapshotCall';

type Batch = MethodInput<'generate.start'>;

const hasShots = (s: { snapshot: { shots: unknown[] } | null }) => (s.snapshot?.shots.length ?? 0) > 0;

/** Jobs and ledger as the services have them now (both change whenever a job moves). */
export async function refreshJobs(api: ApiClient, store: AppStore): Promise<void> {
  const [list, ledger] = await Promise.all([api.call('jobs.list', {}), api.call('jobs.ledger', {})]);
  store.getState().setJobList(list);
  store.getState().setLedger(ledger);
}

async function loadProviders(api: ApiClient, store: AppStore): Promise<void> {
  store.getState().setProviders(await api.call('providers.list', {}));
}

export const generationActions = {
  'generate.open': {
    id: 'generate.open',
    labelKey: 'generate.open',
    place: 'generateDialog',
    tracks: 'none',
    global: true,
    group: 'file',
    predicate: hasShots,
    async perform({ api, store }) {
      store.getState().setEstimate(null);
      setJobsUi({ generateOpen: true });
      await Promise.all([loadProviders(api, store), refreshJobs(api, store)]);
    },
  },
  'generate.run': {
    id: 'generate.run',
    labelKey: 'generate.start',
    place: 'generateDialog',
    tracks: 'none',
    async perform(ctx, p) {
      const { api, store } = ctx;
      // Ask again right before starting: a job may have finished or the budget changed since.
      const est = await api.call('generate.estimate', p);
      store.getState().setEstimate(est);
      if (est.jobs === 0) throw new AppError('INVALID_INPUT', 'There is nothing to generate for this choice.');
      if (est.overBudget)
        throw new AppError('INVALID_INPUT', 'This batch is over the project budget. Nothing was sent.');
      await api.call('generate.start', p);
      await reloadSnapshot(ctx);
      setJobsUi({ generateOpen: false });
      store.getState().setEstimate(null);
      await refreshJobs(api, store);
    },
  },
  'generate.close': {
    id: 'generate.close',
    labelKey: 'generate.cancel',
    place: 'generateDialog',
    tracks: 'none',
    async perform({ store }) {
      setJobsUi({ generateOpen: false });
      store.getState().setEstimate(null);
      store.getState().setError('generateDialog', null);
    },
  },
  'jobs.refresh': {
    id: 'jobs.refresh',
    labelKey: 'jobs.refresh',
    place: 'jobs',
    tracks: 'none',
    predicate: (s) => s.snapshot !== null,
    async perform({ api, store }) {
      await refreshJobs(api, store);
    },
  },
  'jobs.cancel': {
    id: 'jobs.cancel',
    labelKey: 'jobs.cancel',
    place: 'jobs',
    tracks: 'none',
    async perform(ctx, p) {
      const { api, store } = ctx;
      await api.call('jobs.cancel', { jobId: p.jobId });
      await refreshJobs(api, store);
      await reloadSnapshot(ctx);
    },
  },
  'jobs.retryAsk': {
    id: 'jobs.retryAsk',
    labelKey: 'jobs.retry',
    place: 'jobs',
    tracks: 'none',
    async perform({ api, store }, p) {
      const job =
        store.getState().jobList?.find((j) => j.id === p.jobId) ??
        store.getState().snapshot?.jobs.find((j) => j.id === p.jobId);
      if (!job) throw new AppError('NOT_FOUND', `Job ${p.jobId} is not in this project.`);
      setJobsUi({
        retry: { jobId: job.id, shotId: job.shotId, provider: job.provider, model: job.model },
        retryEstimate: null,
      });
      setJobsUi({ retryEstimate: await api.call('generate.estimate', retryBatch(job)) });
    },
  },
  'jobs.retry': {
    id: 'jobs.retry',
    labelKey: 'jobs.retryConfirm',
    place: 'jobs',
    tracks: 'none',
    predicate: () => jobsUi.getState().retryEstimate !== null,
    async perform(ctx) {
      const { api, store } = ctx;
      const { retry, retryEstimate } = jobsUi.getState();
      if (!retry || !retryEstimate) return;
      if (retryEstimate.overBudget)
        throw new AppError('INVALID_INPUT', 'This retry is over the project budget. Nothing was sent.');
      setJobsUi({ retry: null, retryEstimate: null });
      await api.call('generate.start', retryBatch(retry));
      await reloadSnapshot(ctx);
      await refreshJobs(api, store);
    },
  },
  'jobs.retryDismiss': {
    id: 'jobs.retryDismiss',
    labelKey: 'jobs.keep',
    place: 'jobs',
    tracks: 'none',
    async perform() {
      setJobsUi({ retry: null, retryEstimate: null });
    },
  },
  'budget.set': {
    id: 'budget.set',
    labelKey: 'budget.set',
    place: 'budget',
    tracks: 'none',
    predicate: (s) => s.snapshot !== null,
    async perform({ api, store }, p) {
      await api.call('project.setBudget', { budgetCap: p.budgetCap });
      store.getState().setLedger(await api.call('jobs.ledger', {}));
    },
  },
  'settings.open': {
    id: 'settings.open',
    labelKey: 'settings.open',
    place: 'settings',
    tracks: 'none',
    global: true,
    group: 'file',
    async perform({ api, store }) {
      setJobsUi({ settingsOpen: true, tests: {} });
      const [settings] = await Promise.all([api.call('settings.get', {}), loadProviders(api, store)]);
      store.getState().setSettings(settings);
    },
  },
  'settings.update': {
    id: 'settings.update',
    labelKey: 'settings.save',
    place: 'settings',
    tracks: 'none',
    async perform({ api, store }, p) {
      store.getState().setSettings(await api.call('settings.update', p.patch));
      await loadProviders(api, store);
    },
  },
  'providers.test': {
    id: 'providers.test',
    labelKey: 'settings.test',
    place: 'settings',
    tracks: 'none',
    async perform({ api }, p) {
      setJobsUi({ tests: { ...jobsUi.getState().tests, [p.provider]: null } });
      const result = await api.call('providers.test', { provider: p.provider });
      setJobsUi({ tests: { ...jobsUi.getState().tests, [p.provider]: result } });
    },
  },
} satisfies Partial<ActionMap> & Record<string, Action>;

/** One more take of the job's shot, on the same provider and model, with the same seed. */
function retryBatch(job: { shotId: string; provider: string; model: string | null }): Batch {
  return {
    shotIds: [job.shotId],
    provider: job.provider,
    ...(job.model ? { model: job.model } : {}),
    variations: 1,
    seed: 'same',
  };
}

export const generateAll: Action<'generate.all'> = {
  id: 'generate.all',
  labelKey: 'generate.all',
  place: 'generate',
  tracks: 'none',
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
    await reloadSnapshot(ctx);
  },
};
