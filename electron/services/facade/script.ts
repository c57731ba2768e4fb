/** Contract handlers of the `script.*` namespace: a proposal (nothing written), then one undo step. */
import { proposeScript } from '../../../shared/script/index.js';
import type { NamespaceHandlers, Session } from './session.js';

export function scriptHandlers(session: Session): NamespaceHandlers<'script'> {
  return {
    'script.propose': ({ text, fileName }) =>
      Promise.resolve(proposeScript(text, { fileName, elements: session.require().snapshot().elements })),
    'script.apply': ({ proposal }) => session.edit((s) => s.script.apply(proposal)),
  };
}
