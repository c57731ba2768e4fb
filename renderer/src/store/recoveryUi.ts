/**
 * Window UI state of getting a project back (never part of a document): the Relink dialog and
 * its list of missing media, the Save-a-copy dialog, and the offer of a repaired copy after an
 * open was refused. Actions (actions/recoveryActions.ts) write it; the dialogs read it.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { MissingMediaItem } from '../../../shared/api/recovery';

/** A relink refused because the bytes differ; the user may confirm it with the same file. */
export interface RelinkMismatch {
  assetId: string;
  file: File;
}

export interface RecoveryUiState {
  relinkOpen: boolean;
  /** media.missing's answer (null while it is asked for). */
  missing: MissingMediaItem[] | null;
  /** Original names of the assets relinked while the dialog is open (shown as done). */
  relinked: readonly string[];
  mismatch: RelinkMismatch | null;
  saveCopyOpen: boolean;
  /** Where the last copy was saved (shown in the dialog). */
  savedTo: string | null;
  /** An open refused as foreign or damaged: the folder, and why (the error code). */
  repairOffer: { dir: string; code: 'PROJECT_FOREIGN' | 'PROJECT_DAMAGED' } | null;
}

const initial: RecoveryUiState = {
  relinkOpen: false,
  missing: null,
  relinked: [],
  mismatch: null,
  saveCopyOpen: false,
  savedTo: null,
  repairOffer: null,
};

export const recoveryUi = createStore<RecoveryUiState>()(() => ({ ...initial }));

export function setRecoveryUi(patch: Partial<RecoveryUiState>): void {
  recoveryUi.setState(patch);
}

export function resetRecoveryUi(): void {
  recoveryUi.setState({ ...initial });
}

export function useRecoveryUi<T>(selector: (s: RecoveryUiState) => T): T {
  return useStore(recoveryUi, selector);
}
