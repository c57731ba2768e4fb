/**
 * The generation UI's logic: job rows with live progress, budget totals, the Generate dialog's
 * batch and its over-budget block (rendered to markup), paid retries only after consent, and
 * settings that never show a key.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BatchEstimate, Ledger } from '../../../../shared/api/contract';
import type { SettingsView } from '../../../../shared/generation/settings';
import { actions, runAction } from '../../../../renderer/src/actions';
import { initI18n } from '../../../../renderer/src/i18n';
import { GenerateDialog } from '../../../../renderer/src/panels/GenerateDialog';
import { batchFor, shotsInScope, unsupportedShots } from '../../../../renderer/src/panels/generateModel';
import { JobsPanel } from '../../../../renderer/src/panels/JobsPanel';
import { SettingsPanel } from '../../../../renderer/src/panels/SettingsPanel';
import { budgetStatus, jobRows, type ProviderInfo } from '../../../../renderer/src/store/jobs';
import { jobsUi, resetJobsUi, setJobsUi } from '../../../../renderer/src/store/jobsUi';
import { createAppStore, type AppStore } from '../../../../renderer/src/store/store';
import { resetEditorUi } from '../../../../renderer/src/store/uiEditor';
import { plainCapabilities } from '../../../fakes/capabilities';
import {
  fakeApi,
  makeEstimate,
  makeJob,
  makeLedger,
  makeProvider,
  makeShot,
  makeSnapshot,
  makeTake,
  renderInApp,
} from '../fixtures';

const estimate = (over: Partial<BatchEstimate> = {}): BatchEstimate => makeEstimate('cloud', 2, 0.8, over);
const ledger = (over: Partial<Ledger> = {}): Ledger =>
  makeLedger({ budgetCap: 5, totals: { estimated: 1.5, actual: 1, committed: 1.25, unpriced: 0 }, ...over });
const cloud: ProviderInfo = makeProvider('cloud', 'Cloud Video', {
  textToVideo: true,
  imageToVideo: false,
  lastFrame: false,
  durations: { kind: 'set', values: [4, 8] },
  models: [{ id: 'm1', label: 'Model One' }],
});

function ready(): AppStore {
  const store = createAppStore();
  store.getState().setSnapshot(makeSnapshot([makeShot('a'), makeShot('b')]));
  store.getState().setProviders([cloud]);
  return store;
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
  resetJobsUi();
  resetEditorUi();
});

describe('job rows', () => {
  it('lays live progress over a job still under way, never over a finished one, newest first', () => {
    const store = ready();
    store
      .getState()
      .setJobList([
        makeJob('old', 'a', { state: 'succeeded', progress: 1, createdAt: '2025-01-01T00:00:00Z' }),
        makeJob('new', 'b', { state: 'queued', createdAt: '2025-01-02T00:00:00Z' }),
      ]);
    store.getState().applyJobProgress({ jobId: 'new', shotId: 'b', state: 'running', progress: 0.5, error: null });
    store.getState().applyJobProgress({ jobId: 'old', shotId: 'a', state: 'running', progress: 0.2, error: null });
    const rows = jobRows(store.getState(), 'all');
    expect(rows.map((r) => [r.job.id, r.state, r.progress])).toEqual([
      ['new', 'running', 0.5],
      ['old', 'succeeded', 1],
    ]);
    expect(jobRows(store.getState(), 'active').map((r) => r.job.id)).toEqual(['new']);
  });

  it('keeps failed and unknown jobs in the active filter (they need the user)', () => {
    const store = ready();
    store
      .getState()
      .setJobList([
        makeJob('f', 'a', { state: 'failed' }),
        makeJob('u', 'b', { state: 'unknown' }),
        makeJob('c', 'b', { state: 'canceled' }),
      ]);
    expect(
      jobRows(store.getState(), 'active')
        .map((r) => r.job.id)
        .sort(),
    ).toEqual(['f', 'u']);
  });

  it('forgets the jobs and ledger of a project the user switched away from', () => {
    const store = ready();
    store.getState().setJobList([makeJob('j', 'a')]);
    store.getState().setLedger(ledger());
    store
      .getState()
      .setSnapshot({ ...makeSnapshot([makeShot('x')]), project: { ...makeSnapshot([]).project, id: 'p2' } });
    expect(store.getState().jobList).toBeNull();
    expect(store.getState().ledger).toBeNull();
  });

  it('budget status: committed against the cap, none without a cap', () => {
    expect(budgetStatus(ledger())).toMatchObject({ cap: 5, committed: 1.25, actual: 1, estimated: 1.5, used: 0.25 });
    expect(budgetStatus(ledger({ budgetCap: null }))?.used).toBeNull();
    expect(budgetStatus(null)).toBeNull();
  });
});

describe('generate dialog', () => {
  it('makes the batch from its choices', () => {
    const c = { provider: 'cloud', model: '', variations: 9, scope: 'missing', seed: 'new' } as const;
    expect(batchFor(c, ['a'])).toEqual({ provider: 'cloud', variations: 4 });
    expect(batchFor({ ...c, scope: 'selected', model: 'm1', variations: 2 }, ['b', 'a'])).toEqual({
      provider: 'cloud',
      model: 'm1',
      variations: 2,
      shotIds: ['b', 'a'],
    });
    expect(batchFor({ ...c, scope: 'regenerate', seed: 'same', variations: 1 }, ['a'])).toEqual({
      provider: 'cloud',
      variations: 1,
      shotIds: ['a'],
      seed: 'same',
    });
  });

  it('scopes shots without a take, and names shots the provider cannot take', () => {
    const snap = makeSnapshot(
      [makeShot('a'), makeShot('b', { selectedTakeId: 't' }), makeShot('c', { firstFrameAssetId: 'img' })],
      { takes: [makeTake('t', 'b')] },
    );
    expect(shotsInScope(snap, 'missing', []).map((s) => s.id)).toEqual(['a', 'c']);
    expect(shotsInScope(snap, 'selected', ['b']).map((s) => s.id)).toEqual(['b']);
    const caps = plainCapabilities({ imageToVideo: false, durations: { kind: 'range', min: 1, max: 5 } });
    expect(unsupportedShots(snap.shots, caps).map((s) => s.id)).toEqual(['c']);
  });

  function renderDialog(store: AppStore) {
    const { api } = fakeApi({});
    setJobsUi({ generateOpen: true });
    return renderInApp(store, <GenerateDialog />, [jobsUi], api);
  }

  it('shows the estimate before anything starts and blocks a batch over the budget', () => {
    const store = ready();
    store.getState().setEstimate(estimate({ total: 6, committed: 1, budgetCap: 5, overBudget: true }));
    const html = renderDialog(store);
    expect(html).toContain('data-testid="over-budget"');
    expect(html).toContain('Over the project budget');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*data-testid="gen-start"/);
    expect(html).toContain('$6.00');
  });

  it('a job with no known price says "price unknown" (never $0.00) and blocks a batch under a cap', () => {
    const store = ready();
    const perProvider = [{ provider: 'cloud', jobs: 2, total: 0.4, unpriced: 1 }];
    store.getState().setEstimate(estimate({ total: 0.4, perProvider, unpriced: 1, budgetCap: 5, overBudget: true }));
    const html = renderDialog(store);
    expect(html).toContain('1 with price unknown');
    expect(html).toContain('data-testid="over-budget"');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*data-testid="gen-start"/);
  });

  it('lets a batch within the budget start, naming the jobs and the cost', () => {
    const store = ready();
    store.getState().setEstimate(estimate({ budgetCap: 5 }));
    const html = renderDialog(store);
    expect(html).not.toContain('data-testid="over-budget"');
    expect(html).toMatch(
      /<button type="submit" class="btn btn-primary" data-testid="gen-start">Start 2 jobs · \$0.80<\/button>/,
    );
    expect(html).toContain('Model One');
  });

  it('generate.run asks for the estimate again and sends nothing when it is over the budget', async () => {
    const store = ready();
    const { api, calls } = fakeApi({ 'generate.estimate': () => estimate({ overBudget: true, budgetCap: 0.5 }) });
    const ok = await runAction({ api, store }, actions['generate.run'], { provider: 'cloud', variations: 2 });
    expect(ok).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['generate.estimate']);
    expect(store.getState().errors.generateDialog?.message).toContain('budget');
  });

  it('generate.run starts exactly the estimated batch, then closes and refreshes', async () => {
    const store = ready();
    setJobsUi({ generateOpen: true });
    const { api, calls } = fakeApi({
      'generate.estimate': () => estimate(),
      'generate.start': () => ({ jobIds: ['j1', 'j2'] }),
      'project.current': () => store.getState().snapshot,
      'jobs.list': () => [makeJob('j1', 'a'), makeJob('j2', 'b')],
      'jobs.ledger': () => ledger(),
    });
    const batch = { provider: 'cloud', variations: 2 };
    expect(await runAction({ api, store }, actions['generate.run'], batch)).toBe(true);
    expect(calls.find((c) => c.method === 'generate.start')?.input).toEqual(batch);
    expect(jobsUi.getState().generateOpen).toBe(false);
    expect(store.getState().jobList?.map((j) => j.id)).toEqual(['j1', 'j2']);
  });

  it('the one-click Generate opens the dialog instead of starting anything that costs money', async () => {
    const store = ready();
    const { api, calls } = fakeApi({
      'generate.estimate': () => estimate(),
      'providers.list': () => [cloud],
      'jobs.list': () => [],
      'jobs.ledger': () => ledger(),
    });
    expect(await runAction({ api, store }, actions['generate.all'], undefined)).toBe(true);
    expect(calls.some((c) => c.method === 'generate.start')).toBe(false);
    expect(jobsUi.getState().generateOpen).toBe(true);
  });
});

describe('retry with consent', () => {
  it('asks with the cost first; only the confirmation starts one more take on the same provider', async () => {
    const store = ready();
    store.getState().setJobList([makeJob('f', 'b', { provider: 'cloud', model: 'm1', state: 'unknown' })]);
    const { api, calls } = fakeApi({
      'generate.estimate': () => estimate({ jobs: 1, total: 0.4 }),
      'generate.start': () => ({ jobIds: ['n'] }),
      'project.current': () => store.getState().snapshot,
      'jobs.list': () => [],
      'jobs.ledger': () => ledger(),
    });
    await runAction({ api, store }, actions['jobs.retryAsk'], { jobId: 'f' });
    expect(calls.map((c) => c.method)).toEqual(['generate.estimate']);
    expect(jobsUi.getState().retry).toMatchObject({ shotId: 'b', provider: 'cloud' });
    const { api: a2 } = fakeApi({});
    setJobsUi({ jobsFilter: 'all' });
    const html = renderInApp(store, <JobsPanel />, [jobsUi], a2);
    expect(html).toContain('Retry shot 2 on Cloud Video?');
    expect(html).toContain('Retry for $0.40');
    expect(html).toContain('Outcome unknown');

    await runAction({ api, store }, actions['jobs.retry'], undefined);
    const start = calls.find((c) => c.method === 'generate.start');
    expect(start?.input).toEqual({ shotIds: ['b'], provider: 'cloud', model: 'm1', variations: 1, seed: 'same' });
    expect(jobsUi.getState().retry).toBeNull();
  });

  it('dismissing sends nothing, and an over-budget retry is refused', async () => {
    const store = ready();
    store.getState().setJobList([makeJob('f', 'a', { state: 'failed' })]);
    const { api, calls } = fakeApi({
      'generate.estimate': () => estimate({ jobs: 1, overBudget: true, budgetCap: 0 }),
    });
    await runAction({ api, store }, actions['jobs.retryAsk'], { jobId: 'f' });
    expect(await runAction({ api, store }, actions['jobs.retry'], undefined)).toBe(false);
    await runAction({ api, store }, actions['jobs.retryDismiss'], undefined);
    expect(jobsUi.getState().retry).toBeNull();
    expect(calls.some((c) => c.method === 'generate.start')).toBe(false);
  });
});

describe('settings', () => {
  const view = (canStoreKeys: boolean): SettingsView => ({
    providers: [
      {
        id: 'cloud',
        label: 'Cloud Video',
        offline: false,
        enabled: true,
        baseUrl: null,
        baseUrlFromEnv: false,
        hasKey: true,
        keySource: canStoreKeys ? 'store' : 'env',
      },
    ],
    priceOverrides: [],
    defaultProvider: null,
    defaultModel: null,
    canStoreKeys,
    keyStoreProblem: null,
  });
  function renderSettings(canStoreKeys: boolean) {
    const store = ready();
    store.getState().setSettings(view(canStoreKeys));
    setJobsUi({ settingsOpen: true, tests: { cloud: { ok: false, message: 'HTTP 401: invalid key' } } });
    const { api } = fakeApi({});
    return renderInApp(store, <SettingsPanel />, [jobsUi], api);
  }

  it('in the browser host: keys come from the environment, no key field', () => {
    const html = renderSettings(false);
    expect(html).toContain('STORYBOARD_CLOUD_API_KEY');
    expect(html).not.toContain('type="password"');
    expect(html).toContain('HTTP 401: invalid key');
  });

  it('in Electron: a password field that never holds the saved key', () => {
    const html = renderSettings(true);
    expect(html).toMatch(/<input[^>]*type="password"[^>]*value=""/);
    expect(html).toContain('A key is saved (hidden)');
    expect(html).not.toContain('STORYBOARD_CLOUD_API_KEY');
  });

  it('saves a key through settings.update and tests a connection', async () => {
    const store = ready();
    const { api, calls } = fakeApi({
      'settings.update': () => view(true),
      'providers.list': () => [cloud],
      'providers.test': () => ({ ok: true, message: 'Connected.' }),
    });
    await runAction({ api, store }, actions['settings.update'], {
      patch: { providers: { cloud: { apiKey: 'sk-secret' } } },
    });
    expect(calls[0]?.input).toEqual({ providers: { cloud: { apiKey: 'sk-secret' } } });
    expect(JSON.stringify(store.getState().settings)).not.toContain('sk-secret');
    await runAction({ api, store }, actions['providers.test'], { provider: 'cloud' });
    expect(jobsUi.getState().tests.cloud).toEqual({ ok: true, message: 'Connected.' });
  });

  it('sets and removes the budget cap', async () => {
    const store = ready();
    const { api, calls } = fakeApi({
      'project.setBudget': (i) => i as { budgetCap: number | null },
      'jobs.ledger': () => ledger({ budgetCap: 2 }),
    });
    await runAction({ api, store }, actions['budget.set'], { budgetCap: 2 });
    await runAction({ api, store }, actions['budget.set'], { budgetCap: null });
    expect(calls.filter((c) => c.method === 'project.setBudget').map((c) => c.input)).toEqual([
      { budgetCap: 2 },
      { budgetCap: null },
    ]);
    expect(store.getState().ledger?.budgetCap).toBe(2);
  });
});
