/**
 * The bridge shot from the app: "Insert bridge shot after" on a shot (the inspector, the shot's
 * context menu in the grid and the timeline, the command palette) opens a dialog that asks for
 * a model that can end on a frame; its estimate comes first (a model that cannot is refused
 * there, with the translated list of models that can). "Insert and generate" is ONE undo step
 * (bridges.insert: the shot from A's frame at its trim out to B's frame at its trim in) and one
 * generation job for it, after the estimate is asked again (nothing sent over the budget).
 */
import { AppError } from '../../../shared/errors';
import { uiErrorOf } from '../components/serviceText';
import type { AppState } from '../store/state';
import { closeTakeRun, openTakeRun, setTakeRunsUi, takeRunsUi } from '../store/takeRunsUi';
import { selection } from '../store/uiEditor';
import { timelineModel } from '../timeline/model';
import { refreshJobs } from './generationActions';
import type { Action } from './registry';
import { selectedShotId } from './selection';
import { onShots } from './trackScopes';
import { applyCallWith, reloadSnapshot } from './snapshotCall';

export interface BridgeChoice {
  afterShotId: string;
  provider?: string;
  model?: string;
  durationSec?: number;
}

/** The shot a bridge would follow: the one given, else the inspector's, when a shot follows it in the cut. */
export function bridgeAfter(s: AppState, afterShotId?: string): string | null {
  const id = afterShotId ?? selectedShotId(s);
  if (!id || !s.snapshot) return null;
  // The memoised model of this snapshot: this runs as a selector on every store change for each
  // "Insert bridge shot after" button and menu item, so no sort of all shots per call (UI-3).
  const m = timelineModel(s.snapshot);
  const i = m.indexOf.get(id) ?? -1;
  return i >= 0 && i < m.order.length - 1 ? id : null;
}

export const bridgeOpen: Action<'bridge.open'> = {
  id: 'bridge.open',
  labelKey: 'bridges.open',
  place: 'bridge',
  tracks: 'none',
  global: true,
  group: 'edit',
  predicate: (s, p) => bridgeAfter(s, p?.afterShotId) !== null,
  async perform({ api, store }, p) {
    const afterShotId = bridgeAfter(store.getState(), p?.afterShotId);
    if (!afterShotId) return;
    openTakeRun({ kind: 'bridge', afterShotId });
    if (!store.getState().providers) store.getState().setProviders(await api.call('providers.list', {}));
  },
};

export const bridgeEstimate: Action<'bridge.estimate'> = {
  id: 'bridge.estimate',
  labelKey: 'bridges.estimate',
  place: 'bridge',
  tracks: 'none',
  async perform({ api }, p) {
    setTakeRunsUi({ bridge: null, askedFor: JSON.stringify(p) });
    setTakeRunsUi({ bridge: await api.call('bridges.estimate', p) });
  },
};

export const bridgeInsert: Action<'bridge.insert'> = {
  id: 'bridge.insert',
  labelKey: 'bridges.insert',
  place: 'bridge',
  tracks: onShots,
  // Only once this choice has an estimate (a refused model has none).
  predicate: (s, p) => bridgeAfter(s, p.afterShotId) !== null && takeRunsUi.getState().bridge !== null,
  async perform(ctx, p) {
    const { api, store } = ctx;
    // Asked again right before: a job may have finished or the budget changed since.
    const { estimate } = await api.call('bridges.estimate', p);
    setTakeRunsUi({ bridge: null });
    if (estimate.overBudget)
      throw new AppError('INVALID_INPUT', 'This bridge is over the project budget. Nothing was added or sent.', {
        messageKey: 'bridges.overBudget',
      });
    const { shotId } = await applyCallWith(ctx, 'bridges.insert', p);
    selection.getState().select([shotId], 'replace', [shotId]);
    closeTakeRun();
    // The shot is in (one undo step) and selected: a generation that cannot start says so in
    // the inspector, where the new shot and its Generate button are.
    try {
      await api.call('generate.start', { shotIds: [shotId] });
    } catch (err) {
      store.getState().setError('shot', uiErrorOf(err));
    }
    await reloadSnapshot(ctx);
    await refreshJobs(api, store);
  },
};

export const bridgeActions = {
  'bridge.open': bridgeOpen,
  'bridge.estimate': bridgeEstimate,
  'bridge.insert': bridgeInsert,
};
