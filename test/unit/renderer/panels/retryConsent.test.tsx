/**
 * A paid retry only after consent: the jobs panel asks with the cost first, only the
 * confirmation starts one more take on the same provider, dismissing sends nothing and an
 * over-budget retry is refused.
 */
import { describe, expect, it } from 'vitest';
import { actions, runAction } from '../../../../renderer/src/actions';
import { JobsPanel } from '../../../../renderer/src/panels/JobsPanel';
import { jobsUi, setJobsUi } from '../../../../renderer/src/store/jobsUi';
import { cloudEstimate, cloudLedger, cloudStore } from '../cloudJobs';
import { fakeApi, makeJob, renderInApp } from '../fixtures';
import { panelTestHooks } from './openPanels';

panelTestHooks();

describe('retry with consent', () => {
  it('asks with the cost first; only the confirmation starts one more take on the same provider', async () => {
    const store = cloudStore();
    store.getState().setJobList([makeJob('f', 'b', { provider: 'cloud', model: 'm1', state: 'unknown' })]);
    const { api, calls } = fakeApi({
      'generate.estimate': () => cloudEstimate({ jobs: 1, total: 0.4 }),
      'generate.start': () => ({ jobIds: ['n'] }),
      'project.current': () => store.getState().snapshot,
      'jobs.list': () => [],
      'jobs.ledger': () => cloudLedger(),
    });
    await runAction({ api, store }, actions['jobs.retryAsk'], { jobId: 'f' });
    expect(calls.map((c) => c.method)).toEqual(['generate.estimate']);
    expect(jobsUi.getState().retry).toMatchObject({ shotId: 'b', provider: 'cloud' });
    const { api: a2 } = fakeApi({});
    setJobsUi({ jobsFilter: 'all' });
    const html = renderInApp(store, <JobsPanel />, [jobsUi], a2);
    expect(html).toContain('Retry shot 2 on Cloud Video?');
    expect(html).toContain('Retry for $0.40');
    expect(html).toContain('Outcome unknown');

    await runAction({ api, store }, actions['jobs.retry'], undefined);
    const start = calls.find((c) => c.method === 'generate.start');
    expect(start?.input).toEqual({ shotIds: ['b'], provider: 'cloud', model: 'm1', variations: 1, seed: 'same' });
    expect(jobsUi.getState().retry).toBeNull();
  });

  it('dismissing sends nothing, and an over-budget retry is refused', async () => {
    const store = cloudStore();
    store.getState().setJobList([makeJob('f', 'a', { state: 'failed' })]);
    const { api, calls } = fakeApi({
      'generate.estimate': () => cloudEstimate({ jobs: 1, overBudget: true, budgetCap: 0 }),
    });
    await runAction({ api, store }, actions['jobs.retryAsk'], { jobId: 'f' });
    expect(await runAction({ api, store }, actions['jobs.retry'], undefined)).toBe(false);
    await runAction({ api, store }, actions['jobs.retryDismiss'], undefined);
    expect(jobsUi.getState().retry).toBeNull();
    expect(calls.some((c) => c.method === 'generate.start')).toBe(false);
  });
});
