/**
 * The project's cost ledger: per job, what was estimated before sending and what it actually
 * cost (design.md §5). The job table is the ledger's only source, so it cannot drift from
 * what was sent; totals say what counts against the budget cap.
 */
import type { Ledger } from '../../../shared/api/contract.js';
import { roundCents } from '../../../shared/generation/prices.js';
import { CURRENCY } from '../../../shared/generation/priceList.js';
import { budgetCapOf, committedSpend } from './cost.js';
import type { GenerationStore } from './ports.js';

export function projectLedger(store: GenerationStore): Ledger {
  const jobs = store.listJobs();
  const rows = jobs.map((j) => ({
    jobId: j.id,
    shotId: j.shotId,
    provider: j.provider,
    model: j.model,
    state: j.state,
    estimated: j.costEstimate,
    actual: j.costActual,
    createdAt: j.createdAt,
  }));
  const sum = (f: (j: (typeof jobs)[number]) => number): number => roundCents(jobs.reduce((t, j) => t + f(j), 0));
  const spend = committedSpend(jobs);
  return {
    currency: CURRENCY,
    budgetCap: budgetCapOf(store),
    rows,
    totals: {
      estimated: sum((j) => j.costEstimate ?? 0),
      actual: sum((j) => j.costActual ?? 0),
      committed: roundCents(spend.committed),
      unpriced: spend.unpriced,
    },
  };
}
