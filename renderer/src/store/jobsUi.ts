/**
 * Window UI state of the generation panels (never part of a document): which overlay is open,
 * the jobs filter, and a paid retry waiting for the user's consent.
 */
import { createStore } from 'zustand/vanilla';
import type { BatchEstimate } from '../../../shared/api/contract';

export type GenerateScope = 'missing' | 'selected' | 'regenerate';

export interface RetryRequest {
  jobId: string;
  shotId: string;
  provider: string;
  model: string | null;
}

export interface JobsUiState {
  generateOpen: boolean;
  /** The scope the dialog opens with (the inspector's "regenerate" opens it on the selection). */
  generateScope: GenerateScope;
  settingsOpen: boolean;
  jobsFilter: 'active' | 'all';
  /** A retry shown with its cost, run only when the user confirms. */
  retry: RetryRequest | null;
  /** The retry's estimate (null while it is asked for). */
  retryEstimate: BatchEstimate | null;
  /** providers.test answers by provider; null while a test runs. */
  tests: Record<string, { ok: boolean; message: string } | null>;
}

const initial: JobsUiState = {
  generateOpen: false,
  generateScope: 'missing',
  settingsOpen: false,
  jobsFilter: 'all',
  retry: null,
  retryEstimate: null,
  tests: {},
};

export const jobsUi = createStore<JobsUiState>()(() => ({ ...initial }));

export function setJobsUi(patch: Partial<JobsUiState>): void {
  jobsUi.setState(patch);
}

export function resetJobsUi(): void {
  jobsUi.setState({ ...initial });
}
