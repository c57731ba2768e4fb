/** Contract handlers of the `scenes.*` namespace (one undo step each). */
import type { NamespaceHandlers, Session } from './session.js';

export function sceneHandlers(session: Session): NamespaceHandlers<'scenes'> {
  return {
    'scenes.add': ({ heading, index }) => session.edit((s) => s.scenes.add(heading, index)),
    'scenes.update': ({ sceneId, patch }) => session.edit((s) => s.scenes.update(sceneId, patch)),
    'scenes.remove': ({ sceneId }) => session.edit((s) => s.scenes.remove(sceneId)),
  };
}
