/**
 * Window UI state of the variant review (never part of a document): whether the review is open,
 * the folder's review as the services last answered it, the status filter and the focused cell.
 */
import { createStore } from 'zustand/vanilla';
import type { VariantReview, VariantsReview } from '../../../shared/api/variants';

export type VariantFilter = 'all' | VariantReview;

export interface VariantsUiState {
  open: boolean;
  review: VariantsReview | null;
  filter: VariantFilter;
  /** The focused variant's file (keyboard: arrows move it, A / R mark it). */
  focused: string | null;
}

const initial: VariantsUiState = { open: false, review: null, filter: 'all', focused: null };

export const variantsUi = createStore<VariantsUiState>()(() => ({ ...initial }));

export function setVariantsUi(patch: Partial<VariantsUiState>): void {
  variantsUi.setState(patch);
}

export function resetVariantsUi(): void {
  variantsUi.setState({ ...initial });
}
