/**
 * The variant review (shared/api/variants.ts): open the review (the open template's last
 * `storyboard variants` run when there is one), open an output folder, and mark a variant
 * approved / rejected / pending — each mark written to the folder's variants.json by the
 * services. Review marks are not document edits: nothing here enters the undo history.
 */
import { AppError } from '../../../shared/errors';
import { setVariantsUi, variantsUi } from '../store/variantsUi';
import type { ActionMap } from './registry';

export const variantActions: Pick<ActionMap, 'variants.showReview' | 'variants.open' | 'variants.mark'> = {
  'variants.showReview': {
    id: 'variants.showReview',
    labelKey: 'variants.menu',
    place: 'variants',
    tracks: 'none',
    global: true,
    group: 'file',
    async perform({ api, store }) {
      setVariantsUi({ open: true });
      if (variantsUi.getState().review || !store.getState().snapshot) return;
      // The template's last run, when it has one; none is no error (the user picks a folder).
      const review = await api.call('variants.open', {}).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
        throw err;
      });
      if (review) setVariantsUi({ review, focused: review.items[0]?.file ?? null });
    },
  },
  'variants.open': {
    id: 'variants.open',
    labelKey: 'variants.open',
    place: 'variants',
    tracks: 'none',
    async perform({ api }, p) {
      const review = await api.call('variants.open', p.dir ? { dir: p.dir } : {});
      setVariantsUi({ review, focused: review.items[0]?.file ?? null });
    },
  },
  'variants.mark': {
    id: 'variants.mark',
    labelKey: 'variants.approve',
    place: 'variants',
    tracks: 'none',
    predicate: () => variantsUi.getState().review !== null,
    async perform({ api }, p) {
      setVariantsUi({ review: await api.call('variants.review', { file: p.file, review: p.review }) });
    },
  },
};
