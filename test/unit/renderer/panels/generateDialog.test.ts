/**
 * The Generate dialog: the batch it makes from its choices, the shots in scope, its estimate
 * and over-budget block (rendered to markup), and generate.run sending exactly the estimated
 * batch, never one over the budget; the one-click Generate only opens it.
 */
import { describe, expect, it } from 'vitest';
import { actions, runAction } from '../../../../renderer/src/actions';
import { batchFor, shotsInScope, unsupportedShots } from '../../../../renderer/src/panels/generateModel';
import { jobsUi, setJobsUi } from '../../../../renderer/src/store/jobsUi';
import { plainCapabilities } from '../../../fakes/capabilities';
import { cloud, cloudEstimate, cloudLedger, cloudStore } from '../cloudJobs';
import { fakeApi, makeJob, makeShot, makeSnapshot, makeTake } from '../fixtures';
import { panelTestHooks, renderGenerateDialog } from './openPanels';

panelTestHooks();

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

  it('shows the estimate before anything starts and blocks a batch over the budget', () => {
    const store = cloudStore();
    store.getState().setEstimate(cloudEstimate({ total: 6, committed: 1, budgetCap: 5, overBudget: true }));
    const html = renderGenerateDialog(store);
    expect(html).toContain('data-testid="over-budget"');
    expect(html).toContain('Over the project budget');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*data-testid="gen-start"/);
    expect(html).toContain('$6.00');
  });

  it('a job with no known price says "price unknown" (never $0.00) and blocks a batch under a cap', () => {
    const store = cloudStore();
    const perProvider = [{ provider: 'cloud', jobs: 2, total: 0.4, unpriced: 1 }];
    store
      .getState()
      .setEstimate(cloudEstimate({ total: 0.4, perProvider, unpriced: 1, budgetCap: 5, overBudget: true }));
    const html = renderGenerateDialog(store);
    expect(html).toContain('1 with price unknown');
    expect(html).toContain('data-testid="over-budget"');
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*data-testid="gen-start"/);
  });

  it('lets a batch within the budget start, naming the jobs and the cost', () => {
    const store = cloudStore();
    store.getState().setEstimate(cloudEstimate({ budgetCap: 5 }));
    const html = renderGenerateDialog(store);
    expect(html).not.toContain('data-testid="over-budget"');
    expect(html).toMatch(
      /<button type="submit" class="btn btn-primary" data-testid="gen-start">Start 2 jobs · \$0.80<\/button>/,
    );
    expect(html).toContain('Model One');
  });

  it('generate.run asks for the estimate again and sends nothing when it is over the budget', async () => {
    const store = cloudStore();
    const { api, calls } = fakeApi({ 'generate.estimate': () => cloudEstimate({ overBudget: true, budgetCap: 0.5 }) });
    const ok = await runAction({ api, store }, actions['generate.run'], { provider: 'cloud', variations: 2 });
    expect(ok).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['generate.estimate']);
    expect(store.getState().errors.generateDialog?.message).toContain('budget');
  });

  it('generate.run starts exactly the estimated batch, then closes and refreshes', async () => {
    const store = cloudStore();
    setJobsUi({ generateOpen: true });
    const { api, calls } = fakeApi({
      'generate.estimate': () => cloudEstimate(),
      'generate.start': () => ({ jobIds: ['j1', 'j2'] }),
      'project.current': () => store.getState().snapshot,
      'jobs.list': () => [makeJob('j1', 'a'), makeJob('j2', 'b')],
      'jobs.ledger': () => cloudLedger(),
    });
    const batch = { provider: 'cloud', variations: 2 };
    expect(await runAction({ api, store }, actions['generate.run'], batch)).toBe(true);
    expect(calls.find((c) => c.method === 'generate.start')?.input).toEqual(batch);
    expect(jobsUi.getState().generateOpen).toBe(false);
    expect(store.getState().jobList?.map((j) => j.id)).toEqual(['j1', 'j2']);
  });

  it('the one-click Generate opens the dialog instead of starting anything that costs money', async () => {
    const store = cloudStore();
    const { api, calls } = fakeApi({
      'generate.estimate': () => cloudEstimate(),
      'providers.list': () => [cloud],
      'jobs.list': () => [],
      'jobs.ledger': () => cloudLedger(),
    });
    expect(await runAction({ api, store }, actions['generate.all'], undefined)).toBe(true);
    expect(calls.some((c) => c.method === 'generate.start')).toBe(false);
    expect(jobsUi.getState().generateOpen).toBe(true);
  });
});
