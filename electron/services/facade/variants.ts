/** Contract handlers of the `variants.*` namespace (shared/api/variants.ts): the variant review grid's folder and marks. */
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

export function variantHandlers(session: Session, { variants }: FacadeServices): NamespaceHandlers<'variants'> {
  return {
    'variants.open': ({ dir }) => variants.open(dir, session.current()?.dir ?? null),
    'variants.review': ({ file, review }) => variants.review(file, review),
  };
}
