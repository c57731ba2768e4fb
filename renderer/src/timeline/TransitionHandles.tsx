/**
 * Transitions edited on the timeline: a small handle over each cut between two shots (on the
 * shot lane's top edge, centred on the overlap when there is one); clicking it opens the
 * transition into the right-hand shot (kind, direction, length: TransitionFields, one undo step
 * per change through the action registry). DOM over the canvas, so the Konva layers and the
 * gesture controller stay as they are; only cuts in view are drawn. The popover is portalled to
 * the page and placed beside its handle in the window (popoverPlace.ts: below, or flipped above),
 * so the timeline's own box (short at 1280x720) never clips it.
 */
import { useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useAppState } from '../app/context';
import { selection, setEditorUi } from '../store/uiEditor';
import { kindFamily, TransitionFields } from '../panels/TransitionFields';
import { TimelineEnv } from './env';
import type { CutShot } from '../../../shared/model/timeline';
import { frameToX, LAYOUT, type View } from './geometry';
import { timelineModel } from './model';
import { popoverPlace } from './popoverPlace';

/** Closer than this (px) to the next handle, a handle is not drawn (a fitted long film). */
const MIN_GAP_PX = 20;

/** The cuts in view (index >= 1: the cut before shot i), at least MIN_GAP_PX apart. */
export function visibleHandles<C extends Pick<CutShot, 'startFrame' | 'overlap'>>(
  cut: readonly C[],
  view: View,
  width: number,
): { c: C; i: number; x: number }[] {
  const out: { c: C; i: number; x: number }[] = [];
  let lastX = -Infinity;
  cut.forEach((c, i) => {
    if (i === 0) return;
    const x = LAYOUT.gutter + frameToX(c.startFrame + c.overlap / 2, view);
    if (x < LAYOUT.gutter || x > width || x - lastX < MIN_GAP_PX) return;
    lastX = x;
    out.push({ c, i, x });
  });
  return out;
}

/** The popover in the page's top layer, placed by its anchor's box; re-placed on resize. */
function AnchoredPopover({
  anchor,
  anchorX,
  label,
  children,
}: {
  anchor: HTMLElement | null;
  /** The handle's x on the timeline: the popover follows when an edit moves the cut. */
  anchorX: number;
  label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number; side: string } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !anchor) return;
    const update = () => {
      const a = anchor.getBoundingClientRect();
      setPlace(
        popoverPlace(
          { left: a.left, top: a.top, width: a.width, height: a.height },
          { width: el.offsetWidth, height: el.offsetHeight },
          { width: window.innerWidth, height: window.innerHeight },
        ),
      );
    };
    update();
    const size = new ResizeObserver(update);
    size.observe(el);
    window.addEventListener('resize', update);
    return () => {
      size.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [anchor, anchorX]);
  return createPortal(
    <div
      ref={ref}
      className="transition-popover"
      role="dialog"
      aria-label={label}
      data-testid="transition-popover"
      data-side={place?.side}
      // Measured first (hidden), then shown where it fits.
      style={place ? { left: place.left, top: place.top } : { left: 0, top: 0, visibility: 'hidden' }}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {children}
    </div>,
    document.body,
  );
}

export function TransitionHandles({ width }: { width: number }) {
  const { t } = useTranslation();
  const env = useContext(TimelineEnv);
  const snapshot = useAppState((s) => s.snapshot);
  const pxPerFrame = useStore(env.viewport, (s) => s.pxPerFrame);
  const scrollFrame = useStore(env.viewport, (s) => s.scrollFrame);
  const [open, setOpen] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [open]);
  if (!snapshot) return null;
  const cut = timelineModel(snapshot).cut;
  const view = { pxPerFrame, scrollFrame };
  const kindLabel = (kind: Parameters<typeof kindFamily>[0]) => {
    const { family, direction } = kindFamily(kind);
    const name = t(`editor.inspector.transitions.${family}`);
    return direction ? `${name} · ${t(`editor.inspector.directions.${direction}`)}` : name;
  };
  const handles = visibleHandles(cut, view, width);
  const current = open ? cut.find((c) => c.shot.id === open) : undefined;
  const currentIndex = current ? cut.indexOf(current) : -1;
  const currentX = handles.find((h) => h.c.shot.id === open)?.x ?? null;
  return (
    <>
      {handles.map(({ c, i, x }) => {
        const kind = c.shot.transitionIn.kind;
        return (
          <button
            key={c.shot.id}
            type="button"
            className={`transition-handle${kind === 'cut' ? '' : ' has-transition'}`}
            data-testid={`transition-handle-${i}`}
            aria-label={t('delivery.transitionHandle.open', { a: i, b: i + 1, kind: kindLabel(kind) })}
            title={t('delivery.transitionHandle.open', { a: i, b: i + 1, kind: kindLabel(kind) })}
            aria-expanded={open === c.shot.id}
            ref={open === c.shot.id ? setAnchor : undefined}
            style={{ left: x, top: LAYOUT.shotTop - 7 }}
            // The timeline box turns presses into gestures: this one is the handle's own.
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => setOpen(open === c.shot.id ? null : c.shot.id)}
            onContextMenu={(e) => {
              e.preventDefault();
              e.stopPropagation();
              selection.getState().focus({ kind: 'transition', shotId: c.shot.id });
              setEditorUi({
                contextMenu: {
                  x: e.clientX,
                  y: e.clientY,
                  shotId: c.shot.id,
                  target: { kind: 'transition', shotId: c.shot.id },
                },
              });
            }}
          />
        );
      })}
      {current && currentX !== null && (
        <AnchoredPopover
          anchor={anchor}
          anchorX={currentX}
          label={t('delivery.transitionHandle.title', { b: currentIndex + 1 })}
        >
          <div className="transition-popover-head">
            <strong>{t('delivery.transitionHandle.title', { b: currentIndex + 1 })}</strong>
            <button
              type="button"
              className="ghost"
              onClick={() => setOpen(null)}
              data-testid="transition-popover-close"
            >
              {t('delivery.transitionHandle.close')}
            </button>
          </div>
          <TransitionFields shot={current.shot} snapshot={snapshot} />
        </AnchoredPopover>
      )}
    </>
  );
}
