/**
 * The jobs slice: live progress (per shot for the cards, per job for the jobs panel), the job
 * list and the cost ledger as the services last answered, and the providers and settings the
 * generation UI offers. Setters only; talking to the services is the actions' job.
 */
import type { BatchEstimate, JobProgress, Ledger, MethodOutput } from '../../../shared/api/contract';
import type { SettingsView } from '../../../shared/generation/settings';
import type { Job, JobState } from '../../../shared/model/entities';
import type { JobErrorInfo } from '../../../shared/generation/jobErrors';
import type { StateCreator } from 'zustand';
import type { AppState } from './state';
import { isInFlight } from '../../../shared/model/entities';

export type ProviderInfo = MethodOutput<'providers.list'>[number];

export interface JobsSlice {
  /** The latest progress event per shot id, for this session's generation. */
  jobs: Record<string, JobProgress>;
  /** The latest progress event per job id (a shot with 2 variations has 2 jobs). */
  jobProgress: Record<string, JobProgress>;
  /** jobs.list's answer, newest fetch; null before the first. */
  jobList: Job[] | null;
  ledger: Ledger | null;
  providers: ProviderInfo[] | null;
  settings: SettingsView | null;
  /** The Generate dialog's estimate for its current choices (null while choosing or fetching). */
  estimate: BatchEstimate | null;
  applyJobProgress(p: JobProgress): void;
  setJobList(jobs: Job[]): void;
  setLedger(ledger: Ledger): void;
  setProviders(providers: ProviderInfo[]): void;
  setSettings(settings: SettingsView): void;
  setEstimate(estimate: BatchEstimate | null): void;
}

/** What a new project starts with (nothing of the previous project's jobs survives a switch). */
export const emptyJobs = {
  jobs: {},
  jobProgress: {},
  jobList: null,
  ledger: null,
  estimate: null,
} satisfies Partial<JobsSlice>;

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set) => ({
  ...emptyJobs,
  providers: null,
  settings: null,
  applyJobProgress: (p) =>
    set((s) => ({ jobs: { ...s.jobs, [p.shotId]: p }, jobProgress: { ...s.jobProgress, [p.jobId]: p } })),
  setJobList: (jobList) => set({ jobList }),
  setLedger: (ledger) => set({ ledger }),
  setProviders: (providers) => set({ providers }),
  setSettings: (settings) => set({ settings }),
  setEstimate: (estimate) => set({ estimate }),
});

/** In flight: may still cost or deliver (shared/model/entities.ts is the one list). */
export function isActive(state: JobState): boolean {
  return isInFlight(state);
}

/** A job as the panel shows it: the stored row with any newer live progress laid over it. */
export interface JobRowModel {
  job: Job;
  state: JobState;
  progress: number;
  error: string | null;
  /** The error as a code and parameters (absent on rows written before codes). */
  errorInfo: JobErrorInfo | null;
}

/**
 * The jobs panel's rows, newest first. The list comes from jobs.list (or the snapshot's jobs
 * before the first fetch); live events win while they are newer than the list's row.
 */
export function jobRows(
  state: Pick<AppState, 'jobList' | 'jobProgress' | 'snapshot'>,
  filter: 'active' | 'all',
): JobRowModel[] {
  const list = state.jobList ?? state.snapshot?.jobs ?? [];
  const rows = list.map((job): JobRowModel => {
    const live = state.jobProgress[job.id];
    // A terminal stored state is final; a live event only refines a job still under way.
    const useLive = live !== undefined && isActive(job.state);
    return {
      job,
      state: useLive ? live.state : job.state,
      progress: useLive ? live.progress : job.progress,
      error: useLive ? live.error : job.error,
      errorInfo: (useLive ? live.errorInfo : job.errorInfo) ?? null,
    };
  });
  rows.sort((a, b) =>
    a.job.createdAt < b.job.createdAt ? 1 : a.job.createdAt > b.job.createdAt ? -1 : a.job.id < b.job.id ? 1 : -1,
  );
  return filter === 'all'
    ? rows
    : rows.filter((r) => isActive(r.state) || r.state === 'unknown' || r.state === 'failed');
}

/** The ledger's running totals against the cap, for the header. */
export interface BudgetStatus {
  currency: string;
  cap: number | null;
  estimated: number;
  actual: number;
  committed: number;
  /** Jobs spent or under way whose price is unknown: `committed` leaves them out, never counts them free. */
  unpriced: number;
  /** committed / cap, or null without a cap. */
  used: number | null;
}

export function budgetStatus(ledger: Ledger | null): BudgetStatus | null {
  if (!ledger) return null;
  const { estimated, actual, committed, unpriced } = ledger.totals;
  const cap = ledger.budgetCap;
  return {
    currency: ledger.currency,
    cap,
    estimated,
    actual,
    committed,
    unpriced,
    used: cap === null ? null : cap === 0 ? (committed > 0 ? 1 : 0) : committed / cap,
  };
}

/** Money as the UI shows it: 2 decimals and the ledger's currency (USD today). */
export function formatMoney(amount: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
