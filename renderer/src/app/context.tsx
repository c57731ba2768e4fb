/** Hooks that adapt the store and the action registry to components (no logic of their own). */
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { actions, canRun, runAction, type ActionContext, type ActionId } from '../actions';
import type { ActionPayloads } from '../actions/payloads';
import { formatShortcut } from '../actions/shortcuts';
import type { AppState } from '../store/state';

const Ctx = createContext<ActionContext | null>(null);

export function AppProvider({ value, children }: { value: ActionContext; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAppContext(): ActionContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('AppProvider missing');
  return ctx;
}

/** Select primitives or stable references only (a new object per call re-renders forever). */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export interface BoundAction {
  run(): Promise<boolean>;
  enabled: boolean;
  busy: boolean;
  label: string;
  /** Label plus the shortcut, for a tooltip. */
  title: string;
}

export function useAction<Id extends ActionId>(id: Id, payload: ActionPayloads[Id]): BoundAction {
  const ctx = useAppContext();
  const { t } = useTranslation();
  const action = actions[id];
  const enabled = useAppState((s) => canRun(action, s, payload));
  const busy = useAppState((s) => s.busy[action.place] === true);
  const run = useCallback(() => runAction(ctx, action, payload), [ctx, action, payload]);
  const label = t(action.labelKey);
  const shortcut = action.shortcuts?.[0];
  return { run, enabled, busy, label, title: shortcut ? `${label} (${formatShortcut(shortcut, isMac)})` : label };
}
