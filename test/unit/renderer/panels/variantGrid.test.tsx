/**
 * The variant review grid's pure layout (renderer/src/panels/variants/variantsModel.ts):
 * variants grouped by data row with one column per aspect, the status filter (a row with no
 * visible cell disappears) and where the arrow keys move the focus (visible cells only).
 */
import { describe, expect, it } from 'vitest';
import type { VariantItem, VariantReview } from '../../../../shared/api/variants';
import { gridLayout, moveFocus, reviewCounts } from '../../../../renderer/src/panels/variants/variantsModel';

const item = (row: number, id: string, aspect: string, review: VariantReview): VariantItem => ({
  file: `${id}_${aspect.replace(':', 'x')}.mp4`,
  path: `/out/${id}_${aspect.replace(':', 'x')}.mp4`,
  exists: true,
  row,
  id,
  aspect,
  values: { product: id },
  review,
});

const items = [
  item(1, 'a', '16:9', 'pending'),
  item(1, 'a', '9:16', 'approved'),
  item(2, 'b', '16:9', 'rejected'),
  item(2, 'b', '9:16', 'pending'),
];
const files = (l: ReturnType<typeof gridLayout>) => l.rows.map((r) => r.cells.map((c) => c?.file ?? null));

describe('variant grid layout', () => {
  it('groups by row, one column per aspect', () => {
    const all = gridLayout(items, 'all');
    expect(all.aspects).toEqual(['16:9', '9:16']);
    expect(files(all)).toEqual([
      ['a_16x9.mp4', 'a_9x16.mp4'],
      ['b_16x9.mp4', 'b_9x16.mp4'],
    ]);
    expect(all.rows.map((r) => [r.row, r.id, r.values.product])).toEqual([
      [1, 'a', 'a'],
      [2, 'b', 'b'],
    ]);
    expect(reviewCounts(items)).toEqual({ all: 4, pending: 2, approved: 1, rejected: 1 });
  });

  it('filters by mark: hidden cells are empty, rows without a visible cell go', () => {
    expect(files(gridLayout(items, 'pending'))).toEqual([
      ['a_16x9.mp4', null],
      [null, 'b_9x16.mp4'],
    ]);
    expect(files(gridLayout(items, 'rejected'))).toEqual([['b_16x9.mp4', null]]);
  });

  it('arrow keys move over visible cells, row by row, and stop at the edges', () => {
    const all = gridLayout(items, 'all');
    expect(moveFocus(all, null, 'right')).toBe('a_16x9.mp4');
    expect(moveFocus(all, 'a_16x9.mp4', 'right')).toBe('a_9x16.mp4');
    expect(moveFocus(all, 'a_9x16.mp4', 'right')).toBe('b_16x9.mp4');
    expect(moveFocus(all, 'b_16x9.mp4', 'left')).toBe('a_9x16.mp4');
    expect(moveFocus(all, 'a_9x16.mp4', 'down')).toBe('b_9x16.mp4');
    expect(moveFocus(all, 'b_9x16.mp4', 'down')).toBe('b_9x16.mp4');
    expect(moveFocus(all, 'a_16x9.mp4', 'up')).toBe('a_16x9.mp4');
    const pending = gridLayout(items, 'pending');
    expect(moveFocus(pending, 'a_16x9.mp4', 'down')).toBe('b_9x16.mp4');
    expect(moveFocus(pending, 'a_16x9.mp4', 'right')).toBe('b_9x16.mp4');
    // A focused file that the filter hides: the first visible cell.
    expect(moveFocus(pending, 'b_16x9.mp4', 'left')).toBe('a_16x9.mp4');
  });
});
