/**
 * The Generate dialog's "one multi-shot generation": offered for two or more chosen shots,
 * enabled only on a model that can and for consecutive shots (else it says why); its action
 * asks the one-job estimate again, then starts exactly that.
 */
import { describe, expect, it } from 'vitest';
import { actions, runAction } from '../../../../renderer/src/actions';
import type { ProviderInfo } from '../../../../renderer/src/store/jobs';
import { createAppStore } from '../../../../renderer/src/store/store';
import { fakeApi, makeEstimate, makeLedger, makeProvider, makeShot, makeSnapshot, makeStore } from '../fixtures';
import { panelTestHooks, renderGenerateDialog } from './openPanels';

const estimate = makeEstimate('kling', 1, 1.2);
const caps = (multi: boolean) => ({
  textToVideo: true,
  imageToVideo: true,
  lastFrame: false,
  durations: { kind: 'range', min: 3, max: 15 },
  models: [{ id: 'kling-v3', label: 'Kling 3.0' }],
  ...(multi ? { multiShot: { maxShots: 6, minTotalSec: 3, maxTotalSec: 15, cuts: 'planned' } } : {}),
});
const provider = (multi: boolean): ProviderInfo => makeProvider('kling', 'Kling AI', caps(multi));

function render(multi: boolean, picked: string[]): string {
  const store = makeStore(makeSnapshot([makeShot('a'), makeShot('b'), makeShot('c')]), [provider(multi)]);
  return renderGenerateDialog(store, { picked, scope: 'selected' });
}

panelTestHooks();

describe('one multi-shot generation in the Generate dialog', () => {
  it('is offered and enabled for consecutive shots on a model that can', () => {
    const html = render(true, ['a', 'b']);
    expect(html).toContain('One multi-shot generation: 2 shots in one clip');
    expect(html).toMatch(/<input type="checkbox"(?![^>]*disabled)[^>]*data-testid="gen-multishot-toggle"/);
    expect(html).not.toContain('gen-multishot-why');
  });

  it('says why not: shots that are not consecutive', () => {
    const html = render(true, ['a', 'c']);
    expect(html).toMatch(/<input type="checkbox"[^>]*disabled=""[^>]*data-testid="gen-multishot-toggle"/);
    expect(html).toContain('must be consecutive on the timeline; the selection skips the shot after shot 1');
  });

  it('says why not: a model that cannot', () => {
    const html = render(false, ['a', 'b']);
    expect(html).toMatch(/Kling[^<]* cannot make several shots in one generation \(Kling 3.0 can\)/);
  });

  it('is not offered for one shot', () => {
    expect(render(true, ['a'])).not.toContain('gen-multishot');
  });

  it('generate.runMultiShot asks the one-job estimate again, then starts exactly it', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('a'), makeShot('b')]));
    const { api, calls } = fakeApi({
      'multiShot.estimate': () => estimate,
      'multiShot.start': () => ({ jobIds: ['j1'] }),
      'project.current': () => store.getState().snapshot,
      'jobs.list': () => [],
      'jobs.ledger': () => makeLedger(),
    });
    const batch = { shotIds: ['a', 'b'], provider: 'kling', model: 'kling-v3' };
    expect(await runAction({ api, store }, actions['generate.runMultiShot'], batch)).toBe(true);
    expect(calls.slice(0, 2).map((c) => [c.method, c.input])).toEqual([
      ['multiShot.estimate', batch],
      ['multiShot.start', batch],
    ]);
  });

  it('sends nothing over the budget', async () => {
    const store = createAppStore();
    const { api, calls } = fakeApi({ 'multiShot.estimate': () => ({ ...estimate, overBudget: true, budgetCap: 0.5 }) });
    const ok = await runAction({ api, store }, actions['generate.runMultiShot'], { shotIds: ['a', 'b'] });
    expect(ok).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['multiShot.estimate']);
  });
});
