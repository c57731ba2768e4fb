/**
 * Asks for an estimate (or plan) once per choice: when the choice changes and its place is free
 * (an action never runs while its place is busy, so a request made while the dialog was still
 * opening is made again once it is free). The action records what it was asked for, answered or
 * refused, so a refusal is not asked again in a loop.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { actions, runAction } from '../../actions';
import { useAppContext, useAppState } from '../../app/context';
import { takeRunsUi } from '../../store/takeRunsUi';
import type { ActionPayloads } from '../../actions/payloads';

type AskId = 'bridge.estimate' | 'chain.plan' | 'upscale.estimate';

export function useAskOnce<Id extends AskId>(id: Id, choice: ActionPayloads[Id] | null): void {
  const ctx = useAppContext();
  const busy = useAppState((s) => s.busy[actions[id].place] === true);
  const askedFor = useStore(takeRunsUi, (s) => s.askedFor);
  const want = choice ? JSON.stringify(choice) : null;
  useEffect(() => {
    if (want === null || busy || askedFor === want) return;
    void runAction(ctx, actions[id], JSON.parse(want) as ActionPayloads[Id]);
  }, [ctx, id, want, busy, askedFor]);
}
