/** Contract handlers of the `history.*` namespace: undo, redo and what they would do. */
import type { NamespaceHandlers, Session } from './session.js';

export function historyHandlers(session: Session): NamespaceHandlers<'history'> {
  return {
    'history.undo': () => session.edit((s) => void s.undo()),
    'history.redo': () => session.edit((s) => void s.redo()),
    'history.state': async () => session.require().historyState(),
  };
}
