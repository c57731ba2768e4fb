/**
 * A shot's framing for the project's aspect (fit / fill / crop position): one contract call,
 * one undo step. The viewer's drag runs it once, when the pointer is released.
 */
import type { Action, ActionMap } from './registry';
import { applyCall } from './snapshotCall';

const shotSetFraming: Action<'shot.setFraming'> = {
  id: 'shot.setFraming',
  labelKey: 'framing.action',
  place: 'shot',
  tracks: 'none',
  predicate: (s, p) => !!s.snapshot?.shots.some((shot) => shot.id === p.shotId),
  async perform(ctx, p) {
    const { store } = ctx;
    const aspect = p.aspect ?? store.getState().snapshot?.project.aspect;
    if (!aspect) return;
    await applyCall(ctx, 'shots.setFraming', { shotId: p.shotId, aspect, framing: p.framing });
  },
};

export const framingActions: Pick<ActionMap, 'shot.setFraming'> = {
  'shot.setFraming': shotSetFraming,
};
