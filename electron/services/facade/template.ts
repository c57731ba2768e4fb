/**
 * Contract handlers of the `template.*` namespace (shared/api/template.ts). Pictures given as
 * files are imported (probed, content-addressed) before the edit, so a broken picture is refused
 * with its own error and the document is left untouched; the edit itself is one undo step.
 */
import { picturesToAssetIds } from './media.js';
import type { NamespaceHandlers, Session } from './session.js';

export function templateHandlers(session: Session): NamespaceHandlers<'template'> {
  return {
    'template.set': async ({ picture, ...input }) => {
      const store = session.require();
      const existing = store.template.list().find((v) => v.name === input.name);
      const [assetId] = picture ? await picturesToAssetIds(session, store, [picture], 'the picture was set') : [];
      store.template.set({
        ...input,
        assetId: input.kind === 'picture' ? (assetId ?? (picture === null ? null : (existing?.assetId ?? null))) : null,
      });
      return session.changed();
    },
    'template.remove': ({ name }) => session.edit((s) => s.template.remove(name)),
    'template.setValues': async ({ text, pictures }) => {
      const store = session.require();
      const names = Object.keys(pictures);
      const ids = await picturesToAssetIds(session, store, Object.values(pictures), 'the pictures were set');
      store.template.setValues({ text, pictures: Object.fromEntries(names.map((n, i) => [n, ids[i] as string])) });
      return session.changed();
    },
  };
}
