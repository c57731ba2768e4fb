/**
 * Contract handlers for the editor (issue 3). Document edits are one undo step each and answer
 * with the new snapshot (also emitted as project.changed); media requests answer with absolute
 * paths of cached files.
 */
import type { Handlers } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import { previousShotLastFrame } from '../media/continuity.js';
import { makeFilmstrip, thumbnailPath } from '../media/filmstrip.js';
import { collectGarbage } from '../media/gc.js';
import { importOfKind } from '../media/importOfKind.js';
import type { Editor } from '../project/editor.js';
import type { ProjectStore } from '../project/store.js';
import type { Session } from './session.js';

export type EditorMethod =
  | 'shots.split' | 'shots.duplicate' | 'shots.removeMany' | 'shots.moveMany' | 'shots.setFrame' | 'shots.setScene'
  | 'takes.rate' | 'takes.remove' | 'scenes.add' | 'scenes.update' | 'scenes.remove' | 'history.state'
  | 'media.collectGarbage' | 'media.thumbnail' | 'media.filmstrip';

export function editorHandlers(session: Session): Pick<Handlers, EditorMethod> {
  const edit = (fn: (editor: Editor, store: ProjectStore) => unknown) => {
    const store = session.require();
    fn(store.editor, store);
    return Promise.resolve(session.changed());
  };
  return {
    'shots.split': ({ shotId, atFrame }) => edit((e) => e.split(shotId, atFrame)),
    'shots.duplicate': ({ shotIds, toIndex }) => edit((e) => e.duplicate(shotIds, toIndex)),
    'shots.removeMany': ({ shotIds }) => edit((e) => e.removeMany(shotIds)),
    'shots.moveMany': ({ shotIds, toIndex }) => edit((e) => e.moveMany(shotIds, toIndex)),
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
      } else if (source) assetId = (await previousShotLastFrame(store, shotId)).id;
      if (session.current() !== store) throw new AppError('NO_PROJECT', 'The project was closed before the frame was set.');
      return edit((e) => e.setFrame(shotId, which, assetId));
    },
    'shots.setScene': ({ shotIds, sceneId }) => edit((e) => e.setScene(shotIds, sceneId)),
    'takes.rate': ({ takeId, rating }) => edit((e) => e.rateTake(takeId, rating)),
    'takes.remove': ({ takeId }) => edit((e) => e.removeTake(takeId)),
    'scenes.add': ({ heading, index }) => edit((e) => e.addScene(heading, index)),
    'scenes.update': ({ sceneId, patch }) => edit((e) => e.updateScene(sceneId, patch)),
    'scenes.remove': ({ sceneId }) => edit((e) => e.removeScene(sceneId)),
    'history.state': async () => session.require().historyState(),
    'media.collectGarbage': async () => {
      const result = await collectGarbage(session.require());
      session.changed(); // asset rows may be gone from the snapshot
      return result;
    },
    'media.thumbnail': async ({ assetId }) => {
      const store = session.require();
      return { path: await thumbnailPath(store.dir, store.getAsset(assetId)) };
    },
    'media.filmstrip': async ({ assetId, height, count }) => {
      const store = session.require();
      return makeFilmstrip(store.dir, store.getAsset(assetId), { height, count });
    },
  };
}
