/**
 * New footage from a take, from the app. Chain extend and the long-take builder: "Extend from
 * last frame…" on a take continues it on any model that starts from a picture (no extend
 * endpoint needed): links generated from the exact frame at its trim out, joined at that frame,
 * until the chain reaches the target length. The plan (links x price against the budget) shows
 * before anything is sent; the run adds one link at a time (each ONE undo step, then one
 * durable generation job, waited for on its events) and reports its progress; "Stop" ends it
 * after the link in flight. Upscale: a take made larger by the offline fallback or a provider,
 * estimate first, as a new take of its shot.
 */
import { AppError } from '../../../shared/errors';
import type { AppState } from '../store/state';
import { closeTakeRun, openTakeRun, setTakeRunsUi, takeRunsUi } from '../store/takeRunsUi';
import { refreshJobs } from './generationActions';
import { waitForJob } from './jobWait';
import type { Action } from './registry';
import { applyCallWith, reloadSnapshot } from './snapshotCall';

export interface ChainChoice {
  takeId: string;
  toSec: number;
  provider?: string;
  model?: string;
  linkSec?: number;
}

const clipTake = (s: AppState, takeId: string) => {
  const take = s.snapshot?.takes.find((t) => t.id === takeId);
  return take && (take.kind ?? 'video') === 'video' ? take : null;
};

/** Chains continue the take the cut shows: the selected clip of its shot. */
export function canChain(s: AppState, takeId: string): boolean {
  const take = clipTake(s, takeId);
  return take !== null && s.snapshot?.shots.find((x) => x.id === take.shotId)?.selectedTakeId === takeId;
}

const overBudget = (what: string, key: string) =>
  new AppError('INVALID_INPUT', `${what} is over the project budget (or has unpriced parts). Nothing was sent.`, {
    messageKey: key,
  });

export const chainOpen: Action<'chain.open'> = {
  id: 'chain.open',
  labelKey: 'chain.open',
  place: 'longTake',
  tracks: 'none',
  predicate: (s, p) => canChain(s, p.takeId),
  async perform({ api, store }, p) {
    openTakeRun({ kind: 'chain', takeId: p.takeId, long: p.long === true });
    if (!store.getState().providers) store.getState().setProviders(await api.call('providers.list', {}));
  },
};

export const chainPlan: Action<'chain.plan'> = {
  id: 'chain.plan',
  labelKey: 'chain.planLabel',
  place: 'longTake',
  tracks: 'none',
  async perform({ api }, p) {
    setTakeRunsUi({ chain: null, askedFor: JSON.stringify(p) });
    setTakeRunsUi({ chain: await api.call('bridges.chainPlan', p) });
  },
};

export const chainRun: Action<'chain.run'> = {
  id: 'chain.run',
  labelKey: 'chain.run',
  place: 'longTake',
  tracks: 'none',
  predicate: (s, p) => canChain(s, p.takeId),
  async perform(ctx, p) {
    const { api, store } = ctx;
    const plan = await api.call('bridges.chainPlan', p);
    setTakeRunsUi({ chain: plan });
    if (plan.estimate.overBudget) throw overBudget('This long take', 'chain.overBudget');
    if (plan.links === 0) return;
    const pick = {
      ...(p.provider ? { provider: p.provider } : {}),
      ...(p.model ? { model: p.model } : {}),
      linkSec: p.linkSec ?? plan.linkSec,
    };
    const progress = (patch: Partial<NonNullable<ReturnType<typeof takeRunsUi.getState>['run']>>) => {
      const run = takeRunsUi.getState().run;
      if (run) setTakeRunsUi({ run: { ...run, ...patch } });
    };
    setTakeRunsUi({ run: { links: plan.links, done: 0, state: 'running', jobId: null, takeIds: [] } });
    let last = p.takeId;
    for (let i = 0; i < plan.links; i++) {
      if (takeRunsUi.getState().run?.state === 'stopping') return progress({ state: 'stopped', jobId: null });
      const { shotId } = await applyCallWith(ctx, 'bridges.chainLink', { takeId: last, ...pick });
      const { jobIds } = await api.call('generate.start', { shotIds: [shotId] });
      const jobId = jobIds[0];
      if (!jobId) return progress({ state: 'failed', jobId: null });
      progress({ jobId });
      void refreshJobs(api, store);
      const end = await waitForJob(ctx, jobId);
      if (end.state !== 'succeeded' || !end.takeId) {
        progress({ state: 'failed', jobId: null });
        throw new AppError('PROVIDER_FAILED', end.error ?? `Link ${i + 1} did not finish (${end.state}).`, {
          messageKey: 'chain.linkFailed',
          link: i + 1,
          links: plan.links,
        });
      }
      last = end.takeId;
      const run = takeRunsUi.getState().run;
      progress({ done: i + 1, takeIds: [...(run?.takeIds ?? []), end.takeId], jobId: null });
    }
    progress({ state: 'succeeded' });
    await reloadSnapshot(ctx);
  },
};

export const chainStop: Action<'chain.stop'> = {
  id: 'chain.stop',
  labelKey: 'chain.stop',
  place: 'app',
  tracks: 'none',
  predicate: () => takeRunsUi.getState().run?.state === 'running',
  async perform() {
    const run = takeRunsUi.getState().run;
    if (run) setTakeRunsUi({ run: { ...run, state: 'stopping' } });
  },
};

export const upscaleOpen: Action<'upscale.open'> = {
  id: 'upscale.open',
  labelKey: 'upscale.open',
  place: 'upscale',
  tracks: 'none',
  predicate: (s, p) => clipTake(s, p.takeId) !== null,
  async perform({ api }, p) {
    openTakeRun({ kind: 'upscale', takeId: p.takeId });
    setTakeRunsUi({ upscalePlan: await api.call('upscale.plan', { takeId: p.takeId }) });
  },
};

export const upscaleEstimate: Action<'upscale.estimate'> = {
  id: 'upscale.estimate',
  labelKey: 'upscale.estimate',
  place: 'upscale',
  tracks: 'none',
  async perform({ api }, p) {
    setTakeRunsUi({ upscale: null, askedFor: JSON.stringify(p) });
    setTakeRunsUi({ upscale: await api.call('upscale.estimate', p) });
  },
};

export const upscaleRun: Action<'upscale.run'> = {
  id: 'upscale.run',
  labelKey: 'upscale.run',
  place: 'upscale',
  tracks: 'none',
  predicate: (s, p) => clipTake(s, p.takeId) !== null && takeRunsUi.getState().upscaleJobId === null,
  async perform(ctx, p) {
    const { api, store } = ctx;
    const estimate = await api.call('upscale.estimate', p);
    setTakeRunsUi({ upscale: estimate });
    if (estimate.overBudget) throw overBudget('This upscale', 'upscale.overBudget');
    const { jobIds } = await api.call('upscale.start', p);
    const jobId = jobIds[0] ?? null;
    setTakeRunsUi({ upscaleJobId: jobId });
    void refreshJobs(api, store);
    if (!jobId) return;
    const end = await waitForJob(ctx, jobId);
    await reloadSnapshot(ctx);
    if (end.state !== 'succeeded')
      throw new AppError('PROVIDER_FAILED', end.error ?? `The upscale did not finish (${end.state}).`);
  },
};

export const takeRunClose: Action<'takeRun.close'> = {
  id: 'takeRun.close',
  labelKey: 'editor.overlay.close',
  place: 'app',
  tracks: 'none',
  async perform({ store }) {
    closeTakeRun();
    store.getState().setError('bridge', null);
    store.getState().setError('longTake', null);
    store.getState().setError('upscale', null);
  },
};

export const takeRunActions = {
  'chain.open': chainOpen,
  'chain.plan': chainPlan,
  'chain.run': chainRun,
  'chain.stop': chainStop,
  'upscale.open': upscaleOpen,
  'upscale.estimate': upscaleEstimate,
  'upscale.run': upscaleRun,
  'takeRun.close': takeRunClose,
};
