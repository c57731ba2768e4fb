/**
 * A pane divider: drag to resize, arrow keys nudge by 16 px, double-click collapses or opens
 * the pane. `grow` says which way makes the pane bigger (+1: right/down, -1: left/up).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { layout, LIMITS, type Pane } from '../store/layout';

const sizeOf = (pane: Pane) => {
  const s = layout.getState();
  return pane === 'library' ? s.libraryWidth : pane === 'inspector' ? s.inspectorWidth : s.timelineHeight;
};

export function Splitter({ pane, grow }: { pane: Pane; grow: 1 | -1 }) {
  const { t } = useTranslation();
  const vertical = pane !== 'timeline';
  const size = useStore(layout, () => sizeOf(pane));
  const drag = useRef<{ start: number; size: number } | null>(null);
  const pos = (e: PointerEvent) => (vertical ? e.clientX : e.clientY);
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: pos(e), size: sizeOf(pane) };
  };
  const move = (e: PointerEvent) => {
    if (!drag.current) return;
    layout.getState().resize(pane, drag.current.size + grow * (pos(e) - drag.current.start));
  };
  const key = (e: KeyboardEvent) => {
    const forward = vertical ? e.key === 'ArrowRight' : e.key === 'ArrowDown';
    const back = vertical ? e.key === 'ArrowLeft' : e.key === 'ArrowUp';
    if (!forward && !back) return;
    e.preventDefault();
    e.stopPropagation();
    layout.getState().resize(pane, sizeOf(pane) + (forward ? 16 : -16) * grow);
  };
  return (
    <div
      className={`splitter ${vertical ? 'splitter-v' : 'splitter-h'}`}
      role="separator"
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-label={t('workspace.resize', { pane: t(`workspace.regions.${pane}`) })}
      aria-valuenow={size}
      aria-valuemin={LIMITS[pane].min}
      aria-valuemax={LIMITS[pane].max}
      tabIndex={0}
      data-testid={`splitter-${pane}`}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={() => {
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onDoubleClick={() => layout.getState().toggle(pane)}
      onKeyDown={key}
    />
  );
}

/** The header of a pane: its title, extra tools, and the collapse button. */
export function PaneHeader({ pane, title, children }: { pane: Pane; title: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="pane-head">
      <h2 className="pane-title">{title}</h2>
      <div className="pane-tools">{children}</div>
      <button
        type="button"
        className="btn btn-ghost btn-icon btn-tiny"
        onClick={() => layout.getState().toggle(pane)}
        aria-label={t('workspace.collapse', { pane: title })}
        title={t('workspace.collapse', { pane: title })}
        data-testid={`collapse-${pane}`}
      >
        {pane === 'timeline' ? '▾' : pane === 'library' ? '‹' : '›'}
      </button>
    </div>
  );
}

/** A collapsed pane: a thin rail with the pane's name that opens it again. */
export function PaneRail({ pane }: { pane: Pane }) {
  const { t } = useTranslation();
  const name = t(`workspace.regions.${pane}`);
  return (
    <button
      type="button"
      className={`pane-rail pane-rail-${pane}`}
      onClick={() => layout.getState().toggle(pane)}
      aria-label={t('workspace.expand', { pane: name })}
      title={t('workspace.expand', { pane: name })}
      data-testid={`expand-${pane}`}
    >
      <span>{name}</span>
    </button>
  );
}
