/**
 * Runs a loading action once, as soon as its place is free. Two panels that load under the same
 * place in one commit (Settings: the export cache and the consistency thresholds) would refuse
 * each other once and never ask again; each waits for the next idle render instead.
 */
import { useEffect, useRef } from 'react';
import { canRun, runAction } from '../actions';
import type { Action, ActionId } from '../actions/registry';
import type { ActionPayloads } from '../actions/payloads';
import { useAppContext, useAppState } from './context';

export function useLoadWhenIdle<Id extends ActionId>(action: Action<Id>, payload: ActionPayloads[Id]): void {
  const ctx = useAppContext();
  const busy = useAppState((s) => s.busy[action.place] === true);
  const asked = useRef(false);
  const latest = useRef(payload);
  useEffect(() => {
    latest.current = payload;
  });
  useEffect(() => {
    if (busy || asked.current) return;
    // Another panel may have taken the place in this same commit (its effect ran first).
    if (!canRun(action, ctx.store.getState(), latest.current)) return;
    asked.current = true;
    void runAction(ctx, action, latest.current);
  }, [ctx, busy, action]);
}
