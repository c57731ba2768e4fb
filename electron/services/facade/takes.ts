/** Contract handlers of the `takes.*` namespace: rating and removing takes, their own sound (one undo step each). */
import { DialogueOps } from '../project/dialogueOps.js';
import type { NamespaceHandlers, Session } from './session.js';

export function takeHandlers(session: Session): NamespaceHandlers<'takes'> {
  return {
    'takes.rate': ({ takeId, rating }) => session.edit((s) => s.editor.rateTake(takeId, rating)),
    'takes.remove': ({ takeId }) => session.edit((s) => s.editor.removeTake(takeId)),
    'takes.setAudio': ({ takeId, gainDb, muted }) => session.edit((s) => new DialogueOps(s).setTakeAudio(takeId, {
      ...(gainDb !== undefined ? { gainDb } : {}), ...(muted !== undefined ? { muted } : {}),
    })),
  };
}
