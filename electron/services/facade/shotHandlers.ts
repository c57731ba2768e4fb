/** Contract handlers for document edits. Each edit is one undoable, immediately committed step. */
import type { Handlers } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import { floorFrames, secondsToFrames } from '../../../shared/model/time.js';
import { extensionShot } from '../generation/extend.js';
import { importFile } from '../media/mediaStore.js';
import { importOfKind } from '../media/importOfKind.js';
import type { ProjectStore } from '../project/store.js';
import { addShotWith, shotDialogue } from './dialogueHandlers.js';
import { editorHandlers, type EditorMethod } from './editorHandlers.js';
import type { Session } from './session.js';

type ShotHandlers = Pick<
  Handlers,
  'shots.add' | 'shots.extendTake' | 'shots.update' | 'shots.remove' | 'shots.move' | 'shots.selectTake' | 'shots.setTrim' | 'history.undo' | 'history.redo' | 'media.import'
  | EditorMethod
>;

/** A text or first-frame shot without an explicit duration lasts this long (seconds). */
export const DEFAULT_SHOT_SECONDS = 4;

export function shotHandlers(session: Session): ShotHandlers {
  const edit = (fn: (store: ProjectStore) => void) => {
    fn(session.require());
    return Promise.resolve(session.changed());
  };
  return {
    ...editorHandlers(session),
    'shots.add': async (input) => {
      const store = session.require();
      if (input.firstFramePath && input.videoPath) {
        throw new AppError('INVALID_INPUT', 'A shot takes either a first frame or a clip, not both.');
      }
      // Spoken lines are checked (speakers, lengths) before any file is imported or anything written.
      const lines = shotDialogue(store, input.dialogue);
      // Import (and so validate) every file before the shot exists: a rejected file leaves
      // the document untouched.
      let firstFrame: Asset | null;
      let clip: Asset | null;
      try {
        firstFrame = input.firstFramePath ? await importOfKind(store, input.firstFramePath, 'image') : null;
        clip = input.videoPath ? await importOfKind(store, input.videoPath, 'video') : null;
      } finally {
        for (const p of [input.firstFramePath, input.videoPath]) if (p) await session.discardUpload(p);
      }
      const fps = store.project().fps;
      const clipFrames = clip ? floorFrames(clip.info.durationSec, fps) : null;
      const wanted = input.durationSec !== undefined ? Math.max(1, secondsToFrames(input.durationSec, fps)) : null;
      const durationFrames = clipFrames !== null ? Math.max(1, Math.min(wanted ?? clipFrames, clipFrames)) : (wanted ?? secondsToFrames(DEFAULT_SHOT_SECONDS, fps));
      const shot = addShotWith(store, lines, {
        prompt: input.prompt ?? '',
        title: input.title ?? '',
        durationFrames,
        camera: input.camera ?? 'static',
        firstFrameAssetId: firstFrame?.id ?? null,
        ...(input.index !== undefined ? { index: input.index } : {}),
        ...(clip
          ? {
              importedTake: {
                assetId: clip.id,
                request: { source: 'import', originalName: clip.originalName },
                trimOutFrames: wanted !== null && clipFrames !== null && wanted < clipFrames ? wanted : null,
              },
            }
          : {}),
      });
      return { shotId: shot.id, snapshot: session.changed() };
    },
    'shots.extendTake': ({ takeId, prompt }) => {
      const store = session.require();
      const shot = store.addShot(extensionShot(store, takeId, prompt));
      return Promise.resolve({ shotId: shot.id, snapshot: session.changed() });
    },
    'shots.update': ({ shotId, patch }) => edit((s) => s.updateShot(shotId, patch)),
    'shots.remove': ({ shotId }) => edit((s) => s.removeShot(shotId)),
    'shots.move': ({ shotId, toIndex }) => edit((s) => s.moveShot(shotId, toIndex)),
    'shots.selectTake': ({ shotId, takeId }) => edit((s) => s.selectTake(shotId, takeId)),
    'shots.setTrim': ({ shotId, inFrames, outFrames }) => edit((s) => s.setTrim(shotId, inFrames, outFrames)),
    'history.undo': () => edit((s) => void s.undo()),
    'history.redo': () => edit((s) => void s.redo()),
    'media.import': async ({ path }) => importFile(session.require(), path, 'imported'),
  };
}
