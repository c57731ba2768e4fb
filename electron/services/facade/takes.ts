/** Contract handlers of the `takes.*` namespace: rating and removing takes, their own sound (one undo step each). */
import type { NamespaceHandlers, Session } from './session.js';

export function takeHandlers(session: Session): NamespaceHandlers<'takes'> {
  return {
    'takes.rate': ({ takeId, rating }) => session.edit((s) => s.takes.rate(takeId, rating)),
    'takes.remove': ({ takeId }) => session.edit((s) => s.takes.remove(takeId)),
    'takes.setAudio': ({ takeId, gainDb, muted }) =>
      session.edit((s) =>
        s.dialogue.setTakeAudio(takeId, {
          ...(gainDb !== undefined ? { gainDb } : {}),
          ...(muted !== undefined ? { muted } : {}),
        }),
      ),
  };
}
