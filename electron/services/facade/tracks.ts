/** Contract handlers of the `tracks.*` namespace (shared/api/tracks.ts): one undo step each. */
import type { NamespaceHandlers, Session } from './session.js';

export function trackHandlers(session: Session): NamespaceHandlers<'tracks'> {
  return {
    'tracks.set': ({ track, switch: name, on }) => session.edit((s) => s.tracks.set(track, name, on)),
  };
}
