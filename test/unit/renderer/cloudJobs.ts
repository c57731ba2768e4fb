/**
 * The generation UI tests' project: shots a and b, one cloud provider (`cloud`, model m1, 4 or
 * 8 s), its ledger ($5 cap, $1.25 committed) and the estimate of a 2-job batch ($0.80).
 */
import type { BatchEstimate, Ledger } from '../../../shared/api/contract';
import type { ProviderInfo } from '../../../renderer/src/store/jobs';
import type { AppStore } from '../../../renderer/src/store/store';
import { makeEstimate, makeLedger, makeProvider, makeShot, makeSnapshot, makeStore } from './fixtures';

export const cloud: ProviderInfo = makeProvider('cloud', 'Cloud Video', {
  textToVideo: true,
  imageToVideo: false,
  lastFrame: false,
  durations: { kind: 'set', values: [4, 8] },
  models: [{ id: 'm1', label: 'Model One' }],
});

export const cloudEstimate = (over: Partial<BatchEstimate> = {}): BatchEstimate => makeEstimate('cloud', 2, 0.8, over);

export const cloudLedger = (over: Partial<Ledger> = {}): Ledger =>
  makeLedger({ budgetCap: 5, totals: { estimated: 1.5, actual: 1, committed: 1.25, unpriced: 0 }, ...over });

/** A store with shots a and b open and `cloud` listed. */
export function cloudStore(): AppStore {
  return makeStore(makeSnapshot([makeShot('a'), makeShot('b')]), [cloud]);
}
