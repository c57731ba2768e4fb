/**
 * What the project's jobs commit against a budget cap. A job that may still bill (or billed)
 * with no known price is "price unknown": never counted as 0, so a cap refuses the next batch
 * until the user decides, and the ledger says how many such jobs there are.
 */
import { describe, expect, it } from 'vitest';
import {
  assertWithinBudget,
  committedCost,
  committedSpend,
  estimateJobs,
} from '../../../electron/services/generation/cost.js';
import { projectLedger } from '../../../electron/services/generation/ledger.js';
import type { GenerationStore } from '../../../electron/services/generation/ports.js';
import type { Job, JobState } from '../../../shared/model/entities.js';

let n = 0;
function job(state: JobState, costEstimate: number | null, costActual: number | null = null): Job {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    shotId: '00000000-0000-4000-8000-000000000000',
    provider: 'cloud',
    model: null,
    state,
    request: {},
    taskId: null,
    progress: 0,
    error: null,
    costEstimate,
    costActual,
    resultAssetId: null,
    takeId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function storeOf(jobs: Job[], budgetCap: number | null): GenerationStore {
  return { listJobs: () => jobs, project: () => ({ budgetCap }) } as unknown as GenerationStore;
}

describe('committed cost: no price is unknown, never free', () => {
  it('a job under way with no known price commits an unknown amount (null), not 0', () => {
    expect(committedCost(job('running', null))).toBeNull();
    expect(committedCost(job('unknown', null))).toBeNull();
    expect(committedCost(job('succeeded', null))).toBeNull();
    expect(committedCost(job('running', 0.4))).toBe(0.4);
    expect(committedCost(job('succeeded', 0.4, 0.5))).toBe(0.5);
    expect(committedCost(job('failed', null))).toBe(0);
    expect(committedCost(job('canceled', 0.4))).toBe(0);
  });

  it('committedSpend sums the known amounts and counts the unknown ones apart', () => {
    const jobs = [job('running', null), job('submitted', 0.25), job('succeeded', 0.3, 0.3), job('failed', 1)];
    expect(committedSpend(jobs)).toEqual({ committed: 0.55, unpriced: 1 });
  });

  it('under a cap, an unpriced job in flight refuses the next batch even when the sums fit', () => {
    const store = storeOf([job('running', null)], 10);
    const est = estimateJobs(store, 'cloud', [0.5], 10);
    expect(est).toMatchObject({ committed: 0, total: 0.5, overBudget: true, unpriced: 1 });
    // The provider row counts only the batch's own jobs.
    expect(est.perProvider).toEqual([{ provider: 'cloud', jobs: 1, total: 0.5, unpriced: 0 }]);
    expect(() => assertWithinBudget(est)).toThrow(/no known price/);
  });

  it('without a cap the same batch is allowed; with only priced jobs the sums decide', () => {
    expect(estimateJobs(storeOf([job('running', null)], null), 'cloud', [0.5], null).overBudget).toBe(false);
    expect(estimateJobs(storeOf([job('running', 9)], 10), 'cloud', [0.5], 10).overBudget).toBe(false);
    expect(estimateJobs(storeOf([job('running', 9.6)], 10), 'cloud', [0.5], 10).overBudget).toBe(true);
  });

  it('the ledger leaves unknown prices out of committed and says how many there are', () => {
    const ledger = projectLedger(storeOf([job('running', null), job('queued', 1.2)], 5));
    expect(ledger.totals).toEqual({ estimated: 1.2, actual: 0, committed: 1.2, unpriced: 1 });
  });
});
