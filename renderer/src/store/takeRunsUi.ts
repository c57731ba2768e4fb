/**
 * Window UI state (never part of a document, never in history) of the dialogs that make new
 * footage from existing footage: the bridge shot between two neighbours, chain extend / the
 * long-take builder, and upscale. Which dialog is open, the estimate the services last
 * answered for it, and the long take's progress while it runs.
 */
import { createStore } from 'zustand/vanilla';
import type { BatchEstimate, MethodOutput } from '../../../shared/api/contract';

export type TakeRunDialog =
  | { kind: 'bridge'; afterShotId: string }
  | { kind: 'chain'; takeId: string; long: boolean }
  | { kind: 'upscale'; takeId: string };

export type BridgeEstimate = MethodOutput<'bridges.estimate'>;
export type ChainPlan = MethodOutput<'bridges.chainPlan'>;
export type UpscalePlan = MethodOutput<'upscale.plan'>;

/** The long take under way: one link at a time, each an ordinary durable generation job. */
export interface LongTakeRun {
  links: number;
  /** Links finished so far (their takes are in `takeIds`). */
  done: number;
  state: 'running' | 'stopping' | 'succeeded' | 'failed' | 'stopped';
  /** The job of the link in flight, for its progress. */
  jobId: string | null;
  takeIds: string[];
}

export interface TakeRunsUiState {
  dialog: TakeRunDialog | null;
  bridge: BridgeEstimate | null;
  chain: ChainPlan | null;
  upscalePlan: UpscalePlan | null;
  upscale: BatchEstimate | null;
  /** The upscale job started from the dialog, for its progress; null before. */
  upscaleJobId: string | null;
  run: LongTakeRun | null;
  /** The choice (as JSON) the last estimate or plan was asked for, answered or refused: asked once. */
  askedFor: string | null;
}

const closed = {
  dialog: null,
  bridge: null,
  chain: null,
  upscalePlan: null,
  upscale: null,
  upscaleJobId: null,
  run: null,
  askedFor: null,
} satisfies TakeRunsUiState;

export const takeRunsUi = createStore<TakeRunsUiState>()(() => ({ ...closed }));

export function setTakeRunsUi(patch: Partial<TakeRunsUiState>): void {
  takeRunsUi.setState(patch);
}

/** A fresh dialog: nothing from the previous one carries over. */
export function openTakeRun(dialog: TakeRunDialog): void {
  takeRunsUi.setState({ ...closed, dialog });
}

export function closeTakeRun(): void {
  takeRunsUi.setState({ ...closed });
}
