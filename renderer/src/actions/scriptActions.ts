/** Script import: the accepted proposal applied by the services as ONE undo step (script.apply). */
import type { Action } from './registry';

export const scriptApply: Action<'script.apply'> = {
  id: 'script.apply',
  labelKey: 'scriptImport.acceptAll',
  place: 'script',
  predicate: (s, p) =>
    s.snapshot !== null &&
    p.proposal !== null &&
    p.proposal.scenes.some((sc) => sc.shots.length > 0) &&
    !p.proposal.issues.some((i) => i.severity === 'error'),
  async perform({ api, store }, p) {
    if (!p.proposal) return;
    store.getState().setSnapshot(await api.call('script.apply', { proposal: p.proposal }));
  },
};
