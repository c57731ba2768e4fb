/** Contract handlers of the `variants.*` namespace (shared/api/variants.ts): the variant review grid's folder and marks. */
import { estimateMatrix } from '../variants/matrixEstimate.js';
import { readRows } from '../variants/rows.js';
import type { FacadeServices } from './services.js';
import type { NamespaceHandlers, Session } from './session.js';

export function variantHandlers(
  session: Session,
  { variants, generation }: FacadeServices,
): NamespaceHandlers<'variants'> {
  return {
    'variants.estimate': async ({ data, aspects, name, budget }) => {
      const store = session.require();
      const rows = await readRows(data);
      return estimateMatrix(
        store.snapshot(),
        rows,
        { aspects, ...(name ? { name } : {}), budgetCap: budget ?? generation.ledger(store).budgetCap },
        {
          // What each shot's Generate would use, planned as generate.start plans it (nothing written).
          preview: async (shotId) => {
            const planned = (await generation.plan(store, { shotIds: [shotId] }))[0];
            return { provider: planned?.provider.id ?? 'animatic', model: planned?.request?.model ?? null };
          },
          estimate: (input) => generation.estimate(store, input),
        },
      );
    },
    'variants.open': ({ dir }) => variants.open(dir, session.current()?.dir ?? null),
    'variants.review': ({ file, review }) => variants.review(file, review),
  };
}
