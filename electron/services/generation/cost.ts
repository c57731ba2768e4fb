/**
 * The estimate shown before a batch, and the budget check that blocks it before any submit
 * (design.md §5, JOB-10). The cap is the batch's own (`--budget`) or the project's; what the
 * project already spent or has under way counts against it.
 */
import { AppError } from '../../../shared/errors.js';
import { CURRENCY, roundCents } from '../../../shared/generation/prices.js';
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
  /** Jobs with no known price: the batch is refused under a cap, since they may cost anything. */
  unpriced: number;
}

/** The cap in force: the project's budgetCap (set with project.setBudget or --budget). */
export function budgetCapOf(store: GenerationStore): number | null {
  return store.project().budgetCap;
}

/** Money a job has spent or may spend: actual when known, else the estimate while it may bill. */
export function committedCost(job: Job): number {
  if (job.costActual !== null) return job.costActual;
  if (job.state === 'failed' || job.state === 'canceled') return 0;
  return job.costEstimate ?? 0;
}

export function estimateBatch(
  store: GenerationStore,
  planned: Planned[],
  cap: number | null = budgetCapOf(store),
): BatchEstimate {
  const per = new Map<string, { provider: string; jobs: number; total: number; unpriced: number }>();
  let total = 0;
  let unpriced = 0;
  for (const p of planned) {
    const row = per.get(p.provider.id) ?? { provider: p.provider.id, jobs: 0, total: 0, unpriced: 0 };
    row.jobs++;
    if (!p.problem) {
      if (p.cost === null) {
        row.unpriced++;
        unpriced++;
      } else {
        row.total = roundCents(row.total + p.cost);
        total += p.cost;
      }
    }
    per.set(p.provider.id, row);
  }
  const committed = roundCents(store.listJobs().reduce((sum, j) => sum + committedCost(j), 0));
  total = roundCents(total);
  const overBudget = cap !== null && (committed + total > cap + 1e-9 || unpriced > 0);
  return {
    jobs: planned.length,
    total,
    currency: CURRENCY,
    perProvider: [...per.values()],
    committed,
    budgetCap: cap,
    overBudget,
    unpriced,
  };
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
