/**
 * Contract handlers of the `elements.*` namespace (shared/api/elements.ts). Pictures given as
 * files are imported (probed and content-addressed by the media store) before the edit, so a
 * broken picture is refused with its own error and the document is left untouched.
 */
import { picturesToAssetIds } from './media.js';
import type { NamespaceHandlers, Session } from './session.js';

export function elementHandlers(session: Session): NamespaceHandlers<'elements'> {
  return {
    'elements.create': async ({ picturePaths, ...input }) => {
      const store = session.require();
      const ids = await picturesToAssetIds(
        session,
        store,
        (picturePaths ?? []).map((path) => ({ path })),
        'the pictures were added',
      );
      const element = store.elements.create({ ...input, refAssetIds: [...(input.refAssetIds ?? []), ...ids] });
      return { element, snapshot: session.changed() };
    },
    'elements.update': ({ elementId, patch }) => session.edit((s) => s.elements.update(elementId, patch)),
    'elements.remove': ({ elementId }) => session.edit((s) => s.elements.remove(elementId)),
    'elements.addPictures': async ({ elementId, pictures }) => {
      const store = session.require();
      const assetIds = await picturesToAssetIds(session, store, pictures, 'the pictures were added');
      store.elements.addRefs(elementId, assetIds);
      return session.changed();
    },
    'elements.removePicture': ({ elementId, assetId }) => session.edit((s) => s.elements.removeRef(elementId, assetId)),
  };
}
