/**
 * Bridge, chain extend / long take and upscale from the app: the estimate before anything is
 * added or sent, one contract call for the document edit (one undo step) then one job, the
 * chain run link after link from each link's own take (waited for on events), and "Stop".
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchEstimate } from '../../../../shared/api/contract';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import { waitForJob } from '../../../../renderer/src/actions/jobWait';
import { createAppStore } from '../../../../renderer/src/store/store';
import { closeTakeRun, setTakeRunsUi, takeRunsUi } from '../../../../renderer/src/store/takeRunsUi';
import { selection } from '../../../../renderer/src/store/uiEditor';
import { fakeApi, makeEstimate, makeJob, makeLedger, makeShot, makeSnapshot, makeTake } from '../fixtures';

afterEach(() => closeTakeRun());

const estimate = (over: Partial<BatchEstimate> = {}): BatchEstimate => makeEstimate('runway', 1, 0.6, over);

function twoShots() {
  const s = createAppStore();
  s.getState().setSnapshot(
    makeSnapshot([makeShot('a', { selectedTakeId: 't1' }), makeShot('b', { selectedTakeId: 't2' })], {
      takes: [makeTake('t1', 'a'), makeTake('t2', 'b')],
    }),
  );
  selection.getState().select(['a'], 'replace', ['a']);
  return s;
}

describe('bridge shot', () => {
  it('is offered after a shot that has a next one (the palette and menus use the selected shot)', () => {
    const s = twoShots();
    expect(actions['bridge.open'].global).toBe(true);
    expect(canRun(actions['bridge.open'], s.getState(), undefined)).toBe(true);
    expect(canRun(actions['bridge.open'], s.getState(), { afterShotId: 'b' })).toBe(false);
    selection.getState().select(['b'], 'replace', ['b']);
    expect(canRun(actions['bridge.open'], s.getState(), undefined)).toBe(false);
  });

  it('inserts only once the choice has an estimate, and not over the budget: nothing added or sent', async () => {
    const s = twoShots();
    const choice = { afterShotId: 'a', provider: 'runway', model: 'veo3.1' };
    expect(canRun(actions['bridge.insert'], s.getState(), choice)).toBe(false);
    const over = { provider: 'runway', model: 'veo3.1', durationSec: 4, estimate: estimate({ overBudget: true }) };
    const { api, calls } = fakeApi({ 'bridges.estimate': () => over });
    setTakeRunsUi({ bridge: over });
    expect(await runAction({ api, store: s }, actions['bridge.insert'], choice)).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['bridges.estimate']);
    expect(s.getState().errors.bridge?.localized?.key).toBe('bridges.overBudget');
  });

  it('is one insert (one undo step), then one generation job for the new shot, which becomes the selection', async () => {
    const s = twoShots();
    const after = makeSnapshot([makeShot('a'), makeShot('x'), makeShot('b')]);
    const ok = { provider: 'runway', model: 'veo3.1', durationSec: 4, estimate: estimate() };
    const { api, calls } = fakeApi({
      'bridges.estimate': () => ok,
      'bridges.insert': () => ({ shotId: 'x', snapshot: after }),
      'generate.start': () => ({ jobIds: ['j1'] }),
      'project.current': () => after,
      'jobs.list': () => [],
      'jobs.ledger': () => makeLedger(),
    });
    setTakeRunsUi({ dialog: { kind: 'bridge', afterShotId: 'a' }, bridge: ok });
    const choice = { afterShotId: 'a', provider: 'runway', model: 'veo3.1' };
    expect(await runAction({ api, store: s }, actions['bridge.insert'], choice)).toBe(true);
    expect(calls.slice(0, 3)).toEqual([
      { method: 'bridges.estimate', input: choice },
      { method: 'bridges.insert', input: choice },
      { method: 'generate.start', input: { shotIds: ['x'] } },
    ]);
    expect(calls.filter((c) => c.method === 'bridges.insert')).toHaveLength(1);
    expect(selection.getState().ids).toEqual(['x']);
    expect(takeRunsUi.getState().dialog).toBeNull();
  });
});

describe('long take', () => {
  const plan = (links: number) => ({
    provider: 'runway',
    model: 'gen4_turbo',
    fromSec: 4,
    toSec: 12,
    linkSec: 4,
    links,
    estimate: estimate({ jobs: links }),
  });

  /** Each link: a shot `s<n>` and a job `j<n>` that ends with take `k<n>` (read from the jobs list). */
  function chainApi(links: number, onStart: (n: number) => void = () => {}) {
    let n = 0;
    const done = new Map<string, string>();
    return fakeApi({
      'bridges.chainPlan': () => plan(links),
      'bridges.chainLink': () => {
        n += 1;
        return { shotId: `s${n}`, snapshot: makeSnapshot([makeShot('a', { selectedTakeId: 't1' })]) };
      },
      'generate.start': () => {
        onStart(n);
        done.set(`j${n}`, `k${n}`);
        return { jobIds: [`j${n}`] };
      },
      'jobs.list': () => [...done].map(([id, take]) => makeJob(id, 's', { state: 'succeeded', takeId: take })),
      'jobs.ledger': () => makeLedger(),
      'project.current': () => makeSnapshot([makeShot('a', { selectedTakeId: 't1' })]),
    });
  }

  it('shows the plan and sends nothing over the budget', async () => {
    const s = twoShots();
    const { api, calls } = fakeApi({
      'bridges.chainPlan': () => ({ ...plan(3), estimate: estimate({ overBudget: true }) }),
    });
    expect(await runAction({ api, store: s }, actions['chain.run'], { takeId: 't1', toSec: 60 })).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['bridges.chainPlan']);
    expect(takeRunsUi.getState().chain?.links).toBe(3);
    expect(s.getState().errors.longTake?.localized?.key).toBe('chain.overBudget');
  });

  it('makes the links one after another, each from the take the previous link made', async () => {
    const s = twoShots();
    const { api, calls } = chainApi(3);
    expect(await runAction({ api, store: s }, actions['chain.run'], { takeId: 't1', toSec: 12 })).toBe(true);
    const links = calls
      .filter((c) => c.method === 'bridges.chainLink')
      .map((c) => (c.input as { takeId: string }).takeId);
    expect(links).toEqual(['t1', 'k1', 'k2']);
    expect(takeRunsUi.getState().run).toMatchObject({
      state: 'succeeded',
      done: 3,
      links: 3,
      takeIds: ['k1', 'k2', 'k3'],
    });
  });

  it('"Stop" ends the chain after the link in flight', async () => {
    const s = twoShots();
    const ctx = { store: s } as Parameters<typeof runAction>[0];
    const { api, calls } = chainApi(3, (n) => {
      if (n === 1) void runAction({ ...ctx, api }, actions['chain.stop'], undefined);
    });
    expect(await runAction({ api, store: s }, actions['chain.run'], { takeId: 't1', toSec: 12 })).toBe(true);
    expect(calls.filter((c) => c.method === 'bridges.chainLink')).toHaveLength(1);
    expect(takeRunsUi.getState().run).toMatchObject({ state: 'stopped', done: 1, takeIds: ['k1'] });
  });
});

describe('upscale', () => {
  it('sends nothing over the budget', async () => {
    const s = twoShots();
    const { api, calls } = fakeApi({ 'upscale.estimate': () => estimate({ overBudget: true }) });
    expect(await runAction({ api, store: s }, actions['upscale.run'], { takeId: 't1', provider: 'fal-seedvr' })).toBe(
      false,
    );
    expect(calls.map((c) => c.method)).toEqual(['upscale.estimate']);
  });
});

describe('waitForJob', () => {
  it('waits for the job to end on its progress event, then reads its take from the list', async () => {
    const s = twoShots();
    let state: 'running' | 'succeeded' = 'running';
    const { api } = fakeApi({
      'jobs.list': () => [makeJob('j1', 'a', { state, takeId: state === 'succeeded' ? 'k' : null })],
    });
    const ended = waitForJob({ api, store: s }, 'j1');
    let settled = false;
    void ended.then(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    state = 'succeeded';
    s.getState().applyJobProgress({ jobId: 'j1', shotId: 'a', state: 'succeeded', progress: 1, error: null });
    await expect(ended).resolves.toEqual({ state: 'succeeded', takeId: 'k', error: null });
  });
});
