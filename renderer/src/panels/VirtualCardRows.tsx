/**
 * A long storyboard renders only the rows near view (UI-3: a 500-shot project opens in well
 * under a second and a selection change re-lays out a few cards, not 500 placeholders): the
 * cards are cut into rows (cardRows.ts) as many wide as fit the list, and only the rows in the
 * scrolling pane's visible part plus OVERSCAN above and below are in the DOM, each placed at
 * its offset inside a box as tall as all rows (TanStack Virtual: rows measured as they render,
 * the others estimated; `scrollMargin` is where the list starts inside the scrolling pane,
 * below the add-shot form: https://tanstack.com/virtual/latest/docs/api/virtualizer).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { cardRows, columnsFor } from './cardRows';
import type { SceneGroup } from './gridModel';

/** Lists of up to this many cards render whole (every card in the DOM, as small projects always did). */
export const WHOLE = 60;
/** Rows rendered beyond each edge of the visible part. */
const OVERSCAN = 2;
/** Between cards and between rows (`.cards { gap }` in app.css). */
const GAP = 12;

function scrollParent(el: Element): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

interface Props {
  groups: readonly SceneGroup[];
  /** The narrowest a card gets (its flex-basis in the CSS of this list). */
  cardWidth: number;
  /** A first guess of a card row's height (px) before it is measured. */
  rowEstimate: number;
  heading(group: SceneGroup): ReactNode;
  empty(group: SceneGroup): ReactNode;
  /** The card at cut `index`; `lastOfGroup` for the drop-after marker. */
  card(id: string, index: number, lastOfGroup: boolean): ReactNode;
  onDrop(e: DragEvent): void;
  onDragEnd(): void;
}

export function VirtualCardRows({ groups, cardWidth, rowEstimate, heading, empty, card, onDrop, onDragEnd }: Props) {
  const list = useRef<HTMLDivElement | null>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  const [margin, setMargin] = useState(0);
  // The list's width sets the columns; its top inside the pane (below the forms) is the margin.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const pane = scrollParent(el);
    setScroller(pane);
    const measure = () => {
      setWidth(el.clientWidth);
      if (pane) setMargin(el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (pane) for (const child of pane.children) ro.observe(child);
    return () => ro.disconnect();
  }, []);
  const rows = useMemo(() => cardRows(groups, columnsFor(width, cardWidth, GAP)), [groups, width, cardWidth]);
  // The virtualizer is a mutable instance (not memoisable by the React Compiler, which we do not run).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowsAt = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller,
    estimateSize: (i) => (rows[i]?.kind === 'cards' ? rowEstimate : 40),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: OVERSCAN,
    scrollMargin: margin,
  });
  return (
    <div
      ref={list}
      className="scene-groups virtual-rows"
      style={{ height: rowsAt.getTotalSize() }}
      onDrop={onDrop}
      onDragEnd={onDragEnd}
      data-testid="shot-list"
      data-virtual="true"
    >
      {rowsAt.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        return (
          <div
            key={item.key}
            ref={rowsAt.measureElement}
            data-index={item.index}
            className={`card-row card-row-${row.kind}${row.kind === 'cards' && row.lastOfGroup ? ' card-row-last' : ''}`}
            style={{ transform: `translateY(${item.start - margin}px)` }}
          >
            {row.kind === 'heading' ? (
              heading(row.group)
            ) : row.kind === 'empty' ? (
              empty(row.group)
            ) : (
              <ol className="cards">
                {row.ids.map((id, i) => card(id, row.startIndex + i, row.lastOfGroup && i === row.ids.length - 1))}
              </ol>
            )}
          </div>
        );
      })}
    </div>
  );
}
