/** Contract handlers of the `shots.*` namespace. Each edit is one undoable, immediately committed step. */
import { AppError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import { floorFrames, secondsToFrames } from '../../../shared/model/time.js';
import { extensionShot } from '../generation/extend.js';
import { nextShotFirstFrame, previousShotLastFrame } from '../media/continuity.js';
import { importOfKind } from '../media/importOfKind.js';
import { addShotWith, shotDialogue } from './dialogue.js';
import type { NamespaceHandlers, Session } from './session.js';
import type { AddShotInit } from '../project/newShots.js';

/** A text or first-frame shot without an explicit duration lasts this long (seconds). */
export const DEFAULT_SHOT_SECONDS = 4;

export function shotHandlers(session: Session): NamespaceHandlers<'shots'> {
  const edit = session.edit.bind(session);
  return {
    // A pasted shot list (shared/api/shotList.ts): every shot inserted in order in ONE undoable
    // edit, so one undo removes the whole paste; a listed shot without a duration lasts as long
    // as a new shot does.
    'shots.addMany': ({ shots: list, index }) => {
      const store = session.require();
      const fps = store.project().fps;
      const inits = list.map((s, i): AddShotInit => ({
        prompt: s.prompt,
        durationFrames: Math.max(1, secondsToFrames(s.durationSec ?? DEFAULT_SHOT_SECONDS, fps)),
        camera: s.camera ?? 'static',
        ...(index !== undefined ? { index: index + i } : {}),
      }));
      const shotIds = store.shots.addMany(inits, { count: list.length, index: index ?? null });
      return Promise.resolve({ shotIds, snapshot: session.changed() });
    },
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
      const durationFrames =
        clipFrames !== null
          ? Math.max(1, Math.min(wanted ?? clipFrames, clipFrames))
          : (wanted ?? secondsToFrames(DEFAULT_SHOT_SECONDS, fps));
      const shot = addShotWith(store, lines, {
        prompt: input.prompt ?? '',
        title: input.title ?? '',
        durationFrames,
        camera: input.camera ?? 'static',
        ...(input.provider ? { provider: input.provider } : {}),
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
      const shot = store.shots.add(extensionShot(store, takeId, prompt));
      return Promise.resolve({ shotId: shot.id, snapshot: session.changed() });
    },
    'shots.update': ({ shotId, patch }) => edit((s) => s.shots.update(shotId, patch)),
    'shots.remove': ({ shotId }) => edit((s) => s.shots.remove(shotId)),
    'shots.move': ({ shotId, toIndex }) => edit((s) => s.shots.move(shotId, toIndex)),
    'shots.selectTake': ({ shotId, takeId }) => edit((s) => s.shots.selectTake(shotId, takeId)),
    'shots.setTrim': ({ shotId, inFrames, outFrames }) => edit((s) => s.shots.setTrim(shotId, inFrames, outFrames)),
    'shots.split': ({ shotId, atFrame }) => edit((s) => s.shots.split(shotId, atFrame)),
    'shots.duplicate': ({ shotIds, toIndex }) => edit((s) => s.shots.duplicate(shotIds, toIndex)),
    'shots.removeMany': ({ shotIds }) => edit((s) => s.shots.removeMany(shotIds)),
    'shots.moveMany': ({ shotIds, toIndex }) => edit((s) => s.shots.moveMany(shotIds, toIndex)),
    'shots.setFrame': async ({ shotId, which, source }) => {
      const store = session.require();
      store.getShot(shotId); // NOT_FOUND before any file is imported or grabbed
      let assetId: string | null = null;
      if (source && 'assetId' in source) assetId = source.assetId;
      else if (source && 'path' in source) {
        try {
          assetId = (await importOfKind(store, source.path, 'image')).id;
        } finally {
          await session.discardUpload(source.path);
        }
      } else if (source && 'nextShotFirstFrame' in source) assetId = (await nextShotFirstFrame(store, shotId)).id;
      else if (source) assetId = (await previousShotLastFrame(store, shotId)).id;
      session.requireStill(store, 'the frame was set');
      return edit((s) => s.shots.setFrame(shotId, which, assetId));
    },
    'shots.setScene': ({ shotIds, sceneId }) => edit((s) => s.shots.setScene(shotIds, sceneId)),
    'shots.setElements': ({ shotId, elementIds }) => edit((s) => s.elements.setShotElements(shotId, elementIds)),
    'shots.setFraming': ({ shotId, aspect, framing }) => edit((s) => s.framing.set(shotId, aspect, framing)),
  };
}
