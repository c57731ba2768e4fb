/**
 * The storyboard's cards as rows, for a list that renders only the rows near view
 * (panels/VirtualCardRows.tsx): each scene group is its heading row, then its cards cut into
 * rows of `columns` (or one "no shots" row). Pure.
 */
import type { SceneGroup } from './gridModel';

export type CardRow =
  | { key: string; kind: 'heading'; group: SceneGroup }
  | { key: string; kind: 'empty'; group: SceneGroup }
  /** `startIndex`: the cut index of the row's first card; `lastOfGroup`: the group's last row. */
  | { key: string; kind: 'cards'; group: SceneGroup; ids: string[]; startIndex: number; lastOfGroup: boolean };

/** How many cards of at least `basis` px fit side by side in `width` px with `gap` px between them. */
export function columnsFor(width: number, basis: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (basis + gap)));
}

export function cardRows(groups: readonly SceneGroup[], columns: number): CardRow[] {
  const per = Math.max(1, Math.floor(columns));
  const rows: CardRow[] = [];
  for (const group of groups) {
    rows.push({ key: `h:${group.key}`, kind: 'heading', group });
    if (group.shotIds.length === 0) {
      rows.push({ key: `e:${group.key}`, kind: 'empty', group });
      continue;
    }
    for (let at = 0; at < group.shotIds.length; at += per) {
      const ids = group.shotIds.slice(at, at + per);
      rows.push({
        // Keyed by the row's place in its group: a reorder updates rows instead of remounting them.
        key: `r:${group.key}:${at / per}`,
        kind: 'cards',
        group,
        ids,
        startIndex: group.startIndex + at,
        lastOfGroup: at + per >= group.shotIds.length,
      });
    }
  }
  return rows;
}
