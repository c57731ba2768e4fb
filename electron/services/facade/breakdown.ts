/** Contract handlers of the `breakdown.*` namespace: AI breakdown proposals, prompt suggestions, one undo step to apply. */
import { keyedError } from '../../../shared/errors.js';
import { listProviders } from '../generation/providers/index.js';
import { applyPrompts } from '../breakdown/applyPrompts.js';
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

export function breakdownHandlers(session: Session, { breakdown }: FacadeServices): NamespaceHandlers<'breakdown'> {
  return {
    'breakdown.settings': () => breakdown.settings.view(),
    'breakdown.updateSettings': (patch) => breakdown.settings.update(patch),
    'breakdown.propose': (input) => breakdown.propose(session.require(), input),
    'breakdown.enhance': async ({ shotIds, provider }) => {
      const known = listProviders();
      const p = known.find((x) => x.id === provider);
      if (!p)
        throw keyedError(
          'INVALID_INPUT',
          'svc.settings.unknownProvider',
          { provider, known: known.map((x) => x.id).join(', ') },
          `Unknown provider "${provider}". Available: ${known.map((x) => x.id).join(', ')}`,
        );
      const store = session.require();
      return { suggestions: await breakdown.enhance(store, { shotIds, provider, providerLabel: p.label }) };
    },
    'breakdown.applyPrompts': ({ prompts }) => session.edit((s) => applyPrompts(s, prompts)),
  };
}
