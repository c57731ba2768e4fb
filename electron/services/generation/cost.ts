/**
 * The estimate shown before a batch, and the budget check that blocks it before any submit
 * (design.md §5, JOB-10). The cap is the batch's own (`--budget`) or the project's; what the
 * project already spent or has under way counts against it.
 */
import { AppError } from '../../../shared/errors.js';
import { roundCents } from '../../../shared/generation/prices.js';
import { CURRENCY } from '../../../shared/generation/priceList.js';
import type { Job } from '../../../shared/model/entities.js';
import type { Planned } from './plan.js';
import type { GenerationStore } from './ports.js';

export interface BatchEstimate {
  /** Jobs the batch would create (including ones refused for a capability problem). */
  jobs: number;
  /** Estimated cost of the jobs that would be sent. */
  total: number;
  currency: string;
  perProvider: { provider: string; jobs: number; total: number; unpriced: number }[];
  /** Spent (succeeded jobs) plus reserved (jobs under way or unknown) so far in this project. */
  committed: number;
  budgetCap: number | null;
  overBudget: boolean;
  /**
   * Jobs with no known price, the batch's own and those already spent or under way: the batch is
   * refused under a cap, since they may cost anything.
   */
  unpriced: number;
}

/** The cap in force: the project's budgetCap (set with project.setBudget or --budget). */
export function budgetCapOf(store: GenerationStore): number | null {
  return store.project().budgetCap;
}

/**
 * Money a job has spent or may spend: actual when known, nothing once it failed or was canceled
 * unbilled, else the estimate while it may bill. `null` is the one meaning of "no price": the
 * amount is unknown, and it is never counted as free.
 */
export function committedCost(job: Job): number | null {
  if (job.costActual !== null) return job.costActual;
  if (job.state === 'failed' || job.state === 'canceled') return 0;
  return job.costEstimate;
}

/** What the project's jobs commit against a cap: the known sum, and how many have no known price. */
export function committedSpend(jobs: readonly Job[]): { committed: number; unpriced: number } {
  let committed = 0;
  let unpriced = 0;
  for (const j of jobs) {
    const c = committedCost(j);
    if (c === null) unpriced++;
    else committed += c;
  }
  return { committed, unpriced };
}

/**
 * The budget side of an estimate: jobs costing `costs` (null: price unknown) against what the
 * project's jobs already committed. Compared unrounded: a spoken line costs fractions of a cent,
 * and any spending is over a cap of 0.
 */
export function budgetOf(
  projectJobs: readonly Job[],
  costs: readonly (number | null)[],
  cap: number | null,
): Pick<BatchEstimate, 'total' | 'currency' | 'committed' | 'budgetCap' | 'overBudget' | 'unpriced'> {
  const exact = costs.reduce<number>((t, c) => t + (c ?? 0), 0);
  const spend = committedSpend(projectJobs);
  const unpriced = costs.filter((c) => c === null).length + spend.unpriced;
  return {
    total: roundCents(exact),
    currency: CURRENCY,
    committed: roundCents(spend.committed),
    budgetCap: cap,
    overBudget: cap !== null && (spend.committed + exact > cap + 1e-12 || unpriced > 0),
    unpriced,
  };
}

/** The estimate of N jobs on one provider, against what the project already spent or has under way. */
export function estimateJobs(
  store: Pick<GenerationStore, 'listJobs'>,
  provider: string,
  costs: readonly (number | null)[],
  cap: number | null,
): BatchEstimate {
  const own = budgetOf([], costs, cap);
  return {
    jobs: costs.length,
    perProvider: costs.length ? [{ provider, jobs: costs.length, total: own.total, unpriced: own.unpriced }] : [],
    ...budgetOf(store.listJobs(), costs, cap),
  };
}

export function estimateBatch(
  store: GenerationStore,
  planned: Planned[],
  cap: number | null = budgetCapOf(store),
): BatchEstimate {
  const per = new Map<string, { provider: string; jobs: number; total: number; unpriced: number }>();
  const costs: (number | null)[] = [];
  for (const p of planned) {
    const row = per.get(p.provider.id) ?? { provider: p.provider.id, jobs: 0, total: 0, unpriced: 0 };
    row.jobs++;
    if (!p.problem) {
      costs.push(p.cost);
      if (p.cost === null) row.unpriced++;
      else row.total = roundCents(row.total + p.cost);
    }
    per.set(p.provider.id, row);
  }
  return { jobs: planned.length, perProvider: [...per.values()], ...budgetOf(store.listJobs(), costs, cap) };
}

/** Throws INVALID_INPUT, naming the numbers, when the batch must not start. */
export function assertWithinBudget(est: BatchEstimate): void {
  if (!est.overBudget || est.budgetCap === null) return;
  const cap = est.budgetCap.toFixed(2);
  const why =
    est.unpriced > 0
      ? `${est.unpriced} job(s) have no known price, so the batch could exceed the budget cap of ${cap} ${est.currency}.`
      : `This batch would cost about ${est.total.toFixed(2)} ${est.currency}; with ${est.committed.toFixed(2)} already spent or under way ` +
        `that is over the budget cap of ${cap} ${est.currency}.`;
  throw new AppError('INVALID_INPUT', `${why} Nothing was sent.`, {
    estimate: est.total,
    committed: est.committed,
    budgetCap: est.budgetCap,
    currency: est.currency,
  });
}
