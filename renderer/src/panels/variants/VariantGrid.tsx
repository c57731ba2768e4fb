/**
 * The variants as a grid: one line per data row (its number, id and values), one column per
 * aspect; each cell plays its exported MP4 (the browser shows its first frame as the poster)
 * with its review mark and Approve / Reject (pressing the active one again sets it back to
 * pending). Keyboard: the arrow keys move the focused cell, A approves and R rejects it.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { VariantItem, VariantReview } from '../../../../shared/api/variants';
import { actions, runAction } from '../../actions';
import { useAppContext } from '../../app/context';
import { setVariantsUi, variantsUi } from '../../store/variantsUi';
import { gridLayout, moveFocus, type Move } from './variantsModel';

const MOVES: Record<string, Move> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
/** The two buttons of a cell: the mark each sets, and its label key. */
const DECISIONS = [
  ['approved', 'approve'],
  ['rejected', 'reject'],
] as const;
const cellId = (file: string) => `variant-cell-${encodeURIComponent(file).replace(/%/g, '_')}`;

function VariantCell({ item, focused, mark }: { item: VariantItem; focused: boolean; mark(r: VariantReview): void }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  return (
    <div
      role="gridcell"
      id={cellId(item.file)}
      aria-selected={focused}
      className={`variant-cell variant-${item.review}${focused ? ' variant-focused' : ''}`}
      data-testid="variant-cell"
      data-file={item.file}
      data-review={item.review}
      onMouseDown={() => setVariantsUi({ focused: item.file })}
    >
      {item.exists ? (
        <video
          className="variant-video"
          src={`${ctx.api.mediaUrl(item.path)}#t=0.5`}
          preload="metadata"
          controls
          muted
          playsInline
          aria-label={item.file}
        />
      ) : (
        <div className="variant-missing muted small">{t('variants.missing')}</div>
      )}
      <div className="variant-foot">
        <span className="variant-file small" title={item.file}>
          {item.file}
        </span>
        <span className={`variant-badge variant-badge-${item.review}`} data-testid="variant-status">
          {t(`variants.status.${item.review}`)}
        </span>
      </div>
      <div className="variant-buttons">
        {DECISIONS.map(([review, verb]) => (
          <button
            key={verb}
            type="button"
            className={verb === 'approve' ? 'btn btn-small' : 'btn btn-small btn-secondary'}
            aria-pressed={item.review === review}
            data-testid={`variant-${verb}`}
            onClick={() => mark(item.review === review ? 'pending' : review)}
          >
            {t(`variants.${verb}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function VariantGrid({ items }: { items: readonly VariantItem[] }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const filter = useStore(variantsUi, (s) => s.filter);
  const focused = useStore(variantsUi, (s) => s.focused);
  const layout = useMemo(() => gridLayout(items, filter), [items, filter]);
  const ref = useRef<HTMLDivElement>(null);
  const mark = (file: string, review: VariantReview) => void runAction(ctx, actions['variants.mark'], { file, review });

  useEffect(() => {
    if (focused) document.getElementById(cellId(focused))?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[e.key];
    const key = e.key.toLowerCase();
    if (move) {
      setVariantsUi({ focused: moveFocus(layout, focused, move) });
    } else if ((key === 'a' || key === 'r') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const target = layout.rows.flatMap((r) => r.cells).find((c) => c?.file === focused);
      if (target) mark(target.file, key === 'a' ? 'approved' : 'rejected');
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  if (layout.rows.length === 0) return <p className="muted">{t('variants.none')}</p>;
  return (
    <div
      ref={ref}
      role="grid"
      tabIndex={0}
      className="variant-grid"
      aria-label={t('variants.gridLabel')}
      aria-activedescendant={focused ? cellId(focused) : undefined}
      data-testid="variant-grid"
      onKeyDown={onKey}
      style={{ gridTemplateColumns: `minmax(10rem, 14rem) repeat(${layout.aspects.length}, minmax(12rem, 1fr))` }}
    >
      <div role="row" className="variant-line variant-head">
        <div role="columnheader" className="small muted">
          {t('variants.row')}
        </div>
        {layout.aspects.map((a) => (
          <div role="columnheader" key={a} className="small muted">
            {a}
          </div>
        ))}
      </div>
      {layout.rows.map((row) => (
        <div role="row" key={`${row.row}-${row.id}`} className="variant-line" data-testid="variant-row">
          <div role="rowheader" className="variant-values">
            <strong>{t('variants.rowLabel', { row: row.row, id: row.id })}</strong>
            <dl className="small">
              {Object.entries(row.values).map(([k, v]) => (
                <div key={k}>
                  <dt>{`{{${k}}}`}</dt>
                  <dd title={v}>{v}</dd>
                </div>
              ))}
            </dl>
          </div>
          {row.cells.map((cell, i) =>
            cell ? (
              <VariantCell
                key={cell.file}
                item={cell}
                focused={cell.file === focused}
                mark={(r) => mark(cell.file, r)}
              />
            ) : (
              <div role="gridcell" key={layout.aspects[i]} className="variant-cell variant-empty" />
            ),
          )}
        </div>
      ))}
    </div>
  );
}
