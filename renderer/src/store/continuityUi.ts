/**
 * Window UI state of the consistency check (never part of a document): the last report as the
 * services answered it, and whether the report view is open.
 */
import { createStore } from 'zustand/vanilla';
import type { ContinuityReport } from '../../../shared/continuity/score';

export interface ContinuityUiState {
  report: ContinuityReport | null;
  reportOpen: boolean;
}

export const continuityUi = createStore<ContinuityUiState>()(() => ({ report: null, reportOpen: false }));

export function setContinuityUi(patch: Partial<ContinuityUiState>): void {
  continuityUi.setState(patch);
}
