/**
 * Contract handler of a pasted shot list (part of the shots.* namespace, shots.ts) (shared/api/shotList.ts): every shot of the list
 * inserted in order in ONE undoable edit, so one undo removes the whole paste.
 */
import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/api/contract.js';
import { secondsToFrames } from '../../../shared/model/time.js';
import * as shots from '../project/shots.js';
import type { Session } from './session.js';

/** `defaultSeconds`: a listed shot without a duration lasts as long as a new shot does (shots.ts). */
export function shotListHandlers(session: Session, defaultSeconds: number): Pick<Handlers, 'shots.addMany'> {
  return {
    'shots.addMany': ({ shots: list, index }) => {
      const store = session.require();
      const fps = store.project().fps;
      const ids = list.map(() => randomUUID());
      store.runEdit(
        {
          action: 'shots.addMany',
          subjectType: 'shot',
          subjectId: ids[0] ?? '',
          details: { count: list.length, index: index ?? null },
        },
        (db, r) => {
          list.forEach((s, i) => {
            const durationFrames = Math.max(1, secondsToFrames(s.durationSec ?? defaultSeconds, fps));
            const init: shots.AddShotInit = {
              prompt: s.prompt,
              durationFrames,
              camera: s.camera ?? 'static',
              ...(index !== undefined ? { index: index + i } : {}),
            };
            shots.addShot(db, r, init, ids[i] as string, randomUUID());
          });
        },
      );
      return Promise.resolve({ shotIds: ids, snapshot: session.changed() });
    },
  };
}
