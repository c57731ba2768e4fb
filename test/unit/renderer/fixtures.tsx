/** Small documents, a store holding one, a scripted API and a server render in the app's context for the renderer's unit tests. */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { vi } from 'vitest';
import type { BatchEstimate, Ledger, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { Job, ProjectSnapshot, Shot, Take } from '../../../shared/model/entities';
import { newJob, newShot, newTake } from '../../../shared/model/factories';
import { projectSnapshot } from '../../helpers/projectSnapshot';
import type { ApiClient } from '../../../renderer/src/api/client';
import { AppProvider } from '../../../renderer/src/app/context';
import type { ProviderInfo } from '../../../renderer/src/store/jobs';
import { createAppStore, type AppStore } from '../../../renderer/src/store/store';

export function makeShot(id: string, over: Partial<Shot> = {}): Shot {
  return newShot({ id, prompt: `prompt ${id}`, durationFrames: 96, ...over });
}

export function makeJob(id: string, shotId: string, over: Partial<Job> = {}): Job {
  return newJob({
    id,
    shotId,
    provider: 'animatic',
    request: {},
    costEstimate: null,
    createdAt: '2025-01-01T00:00:00Z',
    ...over,
  });
}

export function makeTake(id: string, shotId: string): Take {
  return newTake({
    id,
    shotId,
    assetId: `a-${id}`,
    provider: 'animatic',
  });
}

/** A provider as `providers.list` answers it: online, enabled, with a key and a test; `over` changes any field. */
export function makeProvider(
  id: string,
  label: string,
  capabilities: ProviderInfo['capabilities'],
  over: Partial<ProviderInfo> = {},
): ProviderInfo {
  return { id, label, offline: false, enabled: true, hasKey: true, canTest: true, capabilities, ...over };
}

/** A `jobs.ledger` answer: nothing spent or under way, no budget cap; `over` changes any field. */
export function makeLedger(over: Partial<Ledger> = {}): Ledger {
  return {
    currency: 'USD',
    budgetCap: null,
    rows: [],
    totals: { estimated: 0, actual: 0, committed: 0, unpriced: 0 },
    ...over,
  };
}

/** A `generate.estimate` answer: `jobs` jobs on one provider for `total` USD, no budget cap; `over` changes any field. */
export function makeEstimate(
  provider: string,
  jobs: number,
  total: number,
  over: Partial<BatchEstimate> = {},
): BatchEstimate {
  return {
    jobs,
    total,
    currency: 'USD',
    perProvider: [{ provider, jobs, total, unpriced: 0 }],
    committed: 0,
    budgetCap: null,
    overBudget: false,
    unpriced: 0,
    ...over,
  };
}

export function makeSnapshot(shots: Shot[], over: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  return projectSnapshot({ shots: shots.map((s, i) => ({ ...s, position: i })), ...over });
}

/** An app store showing `snapshot`, with `providers` as `providers.list` answered them (null: not asked yet). */
export function makeStore(snapshot: ProjectSnapshot, providers: ProviderInfo[] | null = null): AppStore {
  const store = createAppStore();
  store.getState().setSnapshot(snapshot);
  if (providers) store.getState().setProviders(providers);
  return store;
}

/** `provider` with its model `id` moved first: a form starts on a provider's first (default) model. */
export function withFirstModel(provider: ProviderInfo, id: string): ProviderInfo {
  const models = provider.capabilities.models as { id: string }[];
  const ordered = [...models.filter((m) => m.id === id), ...models.filter((m) => m.id !== id)];
  return { ...provider, capabilities: { ...provider.capabilities, models: ordered } };
}

/** A key press as the shortcut matcher reads it: no modifier unless `mods` holds one. */
export const keyPress = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

type Impl = { [M in MethodName]?: (input: unknown) => Promise<MethodOutput<M>> | MethodOutput<M> };

/** An ApiClient whose methods are scripted per test; every call is recorded. */
export function fakeApi(impl: Impl, importFile: (f: File) => Promise<string> = async (f) => `/staged/${f.name}`) {
  const calls: { method: MethodName; input: unknown }[] = [];
  const api: ApiClient = {
    kind: 'browser',
    status: 'open',
    async call(method, input) {
      calls.push({ method, input });
      const fn = impl[method] as ((i: unknown) => unknown) | undefined;
      if (!fn) throw new Error(`unexpected call ${method}`);
      return (await fn(input)) as never;
    },
    on: () => () => undefined,
    onStatus: () => () => undefined,
    mediaUrl: (p) => `/media/${encodeURIComponent(p)}`,
    importFile,
  };
  return { api, calls };
}

/** A store server rendering reads through its initial state (Zustand's server snapshot). */
interface LiveStore {
  getState(): unknown;
  getInitialState(): unknown;
}

/**
 * Server-renders `node` in the app's context. Server rendering reads each store's initial
 * state (useSyncExternalStore's server snapshot): the app store and the UI stores in `live`
 * are pointed at their current state, so the markup shows what the test set up.
 */
export function renderInApp(
  store: AppStore,
  node: ReactNode,
  live: readonly LiveStore[] = [],
  api: ApiClient = fakeApi({}).api,
): string {
  for (const s of [store, ...live]) vi.spyOn(s, 'getInitialState').mockImplementation(() => s.getState());
  return renderToStaticMarkup(<AppProvider value={{ api, store }}>{node}</AppProvider>);
}
