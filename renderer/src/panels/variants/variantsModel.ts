/**
 * The review grid's layout (pure): variants grouped by data row, one column per aspect, the
 * status filter, and where the arrow keys move the focus (visible cells only, row by row).
 */
import type { VariantItem } from '../../../../shared/api/variants';
import type { VariantFilter } from '../../store/variantsUi';

export interface GridRow {
  row: number;
  id: string;
  values: Record<string, string>;
  /** One cell per column (aspect); null where that row has no file of that aspect or it is filtered out. */
  cells: (VariantItem | null)[];
}

export interface GridLayout {
  aspects: string[];
  rows: GridRow[];
}

export function gridLayout(items: readonly VariantItem[], filter: VariantFilter): GridLayout {
  const aspects = [...new Set(items.map((i) => i.aspect))];
  const byRow = new Map<string, GridRow>();
  for (const item of items) {
    const key = `${item.row}\u0000${item.id}`;
    let row = byRow.get(key);
    if (!row) {
      row = { row: item.row, id: item.id, values: item.values, cells: aspects.map(() => null) };
      byRow.set(key, row);
    }
    if (filter === 'all' || item.review === filter) row.cells[aspects.indexOf(item.aspect)] = item;
  }
  const rows = [...byRow.values()].filter((r) => r.cells.some((c) => c !== null)).sort((a, b) => a.row - b.row);
  return { aspects, rows };
}

export type Move = 'left' | 'right' | 'up' | 'down';

/** The file the focus moves to from `focused` (the first visible cell when none is focused or it is hidden). */
export function moveFocus(layout: GridLayout, focused: string | null, move: Move): string | null {
  const at = (r: number, c: number) => layout.rows[r]?.cells[c] ?? null;
  const width = layout.aspects.length;
  const flat = layout.rows.flatMap((r) => r.cells);
  const index = flat.findIndex((c) => c !== null && c.file === focused);
  if (index < 0) return flat.find((c) => c !== null)?.file ?? null;
  const r0 = Math.floor(index / width);
  const c0 = index % width;
  if (move === 'left' || move === 'right') {
    const step = move === 'left' ? -1 : 1;
    for (let i = r0 * width + c0 + step; i >= 0 && i < layout.rows.length * width; i += step) {
      const cell = at(Math.floor(i / width), i % width);
      if (cell) return cell.file;
    }
    return focused;
  }
  const step = move === 'up' ? -1 : 1;
  for (let r = r0 + step; r >= 0 && r < layout.rows.length; r += step) {
    const same = at(r, c0);
    if (same) return same.file;
    const any = layout.rows[r]?.cells.find((c) => c !== null);
    if (any) return any.file;
  }
  return focused;
}

/** Counts per review mark (for the filter's labels). */
export function reviewCounts(items: readonly VariantItem[]): Record<VariantFilter, number> {
  const counts = { all: items.length, pending: 0, approved: 0, rejected: 0 };
  for (const i of items) counts[i.review]++;
  return counts;
}
