/**
 * The jobs slice of the app store: job rows with live progress, what a project switch forgets,
 * budget totals, and the budget cap set and removed through the action registry.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { actions, runAction } from '../../../../renderer/src/actions';
import { initI18n } from '../../../../renderer/src/i18n';
import { budgetStatus, jobRows } from '../../../../renderer/src/store/jobs';
import { cloudLedger, cloudStore } from '../cloudJobs';
import { fakeApi, makeJob, makeShot, makeSnapshot } from '../fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('jobs and budget in the store', () => {
  it('lays live progress over a job still under way, never over a finished one, newest first', () => {
    const store = cloudStore();
    store
      .getState()
      .setJobList([
        makeJob('old', 'a', { state: 'succeeded', progress: 1, createdAt: '2025-01-01T00:00:00Z' }),
        makeJob('new', 'b', { state: 'queued', createdAt: '2025-01-02T00:00:00Z' }),
      ]);
    store.getState().applyJobProgress({ jobId: 'new', shotId: 'b', state: 'running', progress: 0.5, error: null });
    store.getState().applyJobProgress({ jobId: 'old', shotId: 'a', state: 'running', progress: 0.2, error: null });
    const rows = jobRows(store.getState(), 'all');
    expect(rows.map((r) => [r.job.id, r.state, r.progress])).toEqual([
      ['new', 'running', 0.5],
      ['old', 'succeeded', 1],
    ]);
    expect(jobRows(store.getState(), 'active').map((r) => r.job.id)).toEqual(['new']);
  });

  it('keeps failed and unknown jobs in the active filter (they need the user)', () => {
    const store = cloudStore();
    store
      .getState()
      .setJobList([
        makeJob('f', 'a', { state: 'failed' }),
        makeJob('u', 'b', { state: 'unknown' }),
        makeJob('c', 'b', { state: 'canceled' }),
      ]);
    expect(
      jobRows(store.getState(), 'active')
        .map((r) => r.job.id)
        .sort(),
    ).toEqual(['f', 'u']);
  });

  it('forgets the jobs and ledger of a project the user switched away from', () => {
    const store = cloudStore();
    store.getState().setJobList([makeJob('j', 'a')]);
    store.getState().setLedger(cloudLedger());
    store
      .getState()
      .setSnapshot({ ...makeSnapshot([makeShot('x')]), project: { ...makeSnapshot([]).project, id: 'p2' } });
    expect(store.getState().jobList).toBeNull();
    expect(store.getState().ledger).toBeNull();
  });

  it('budget status: committed against the cap, none without a cap', () => {
    expect(budgetStatus(cloudLedger())).toMatchObject({
      cap: 5,
      committed: 1.25,
      actual: 1,
      estimated: 1.5,
      used: 0.25,
    });
    expect(budgetStatus(cloudLedger({ budgetCap: null }))?.used).toBeNull();
    expect(budgetStatus(null)).toBeNull();
  });

  it('sets and removes the budget cap', async () => {
    const store = cloudStore();
    const { api, calls } = fakeApi({
      'project.setBudget': (i) => i as { budgetCap: number | null },
      'jobs.ledger': () => cloudLedger({ budgetCap: 2 }),
    });
    await runAction({ api, store }, actions['budget.set'], { budgetCap: 2 });
    await runAction({ api, store }, actions['budget.set'], { budgetCap: null });
    expect(calls.filter((c) => c.method === 'project.setBudget').map((c) => c.input)).toEqual([
      { budgetCap: 2 },
      { budgetCap: null },
    ]);
    expect(store.getState().ledger?.budgetCap).toBe(2);
  });
});
