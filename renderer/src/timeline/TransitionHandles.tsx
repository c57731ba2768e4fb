/**
 * Transitions edited on the timeline: a small handle over each cut between two shots (on the
 * shot lane's top edge, centred on the overlap when there is one); clicking it opens the
 * transition into the right-hand shot (kind, direction, length: TransitionFields, one undo step
 * per change through the action registry). DOM over the canvas, so the Konva layers and the
 * gesture controller stay as they are; only cuts in view are drawn. The popover is portalled to
 * the page and placed beside its handle in the window (popoverPlace.ts: below, or flipped above),
 * so the timeline's own box (short at 1280x720) never clips it.
 * Handles sit at content x in one scrolled box, mounted per bucketed range (drawWindow.ts): a
 * pan moves that box (scroll.ts) and renders nothing; a zoom step sets one CSS property and the
 * set of handles follows in idle time (useSettledDrawWindow); labels are made once per cut and language.
 */
import { memo, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useAppState } from '../app/context';
import { selection, setEditorUi } from '../store/uiEditor';
import { kindFamily, TransitionFields } from '../panels/TransitionFields';
import { TimelineEnv } from './env';
import type { CutShot } from '../../../shared/model/timeline';
import type { TransitionKind } from '../../../shared/model/transitionKinds';
import { scrollX, type DrawWindow } from './drawWindow';
import { LAYOUT } from './geometry';
import { timelineModel } from './model';
import { popoverPlace } from './popoverPlace';
import { noteRender } from './probe';
import { useSettledDrawWindow, useViewportEffect } from './scroll';

/** Closer than this (px) to the next handle, a handle is not drawn (a fitted long film). */
const MIN_GAP_PX = 20;

/** The box the handles sit in: the shot lane's top edge, tall enough for a rotated, focused handle. */
const BAND_TOP = LAYOUT.shotTop - 16;
const BAND_H = 32;

/**
 * The cuts in the mounted range (index >= 1: the cut before shot i), at least MIN_GAP_PX apart;
 * x is content px (frame * pxPerFrame), before the scroll.
 */
export function visibleHandles<C extends Pick<CutShot, 'startFrame' | 'overlap'>>(
  cut: readonly C[],
  pxPerFrame: number,
  range: DrawWindow,
): { c: C; i: number; x: number }[] {
  const out: { c: C; i: number; x: number }[] = [];
  let lastX = -Infinity;
  cut.forEach((c, i) => {
    if (i === 0) return;
    const frame = c.startFrame + c.overlap / 2;
    const x = frame * pxPerFrame;
    if (frame < range.lo || frame > range.hi || x - lastX < MIN_GAP_PX) return;
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
  // The handle moves with a pan (outside React): the open popover follows it.
  const scrollFrame = useStore(useContext(TimelineEnv).viewport, (s) => s.scrollFrame);
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
  }, [anchor, anchorX, scrollFrame]);
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

/**
 * One label per cut and kind, per language: t is a new function when the language changes, so
 * the labels are made again then. A zoom step re-renders the handles but translates nothing.
 */
const labelsByT = new WeakMap<TFunction, Map<string, string>>();
function handleLabel(t: TFunction, i: number, kind: TransitionKind): string {
  let labels = labelsByT.get(t);
  if (!labels) {
    labels = new Map();
    labelsByT.set(t, labels);
  }
  const key = `${i}|${kind}`;
  let label = labels.get(key);
  if (label === undefined) {
    const { family, direction } = kindFamily(kind);
    const name = t(`editor.inspector.transitions.${family}`);
    const kindText = direction ? `${name} · ${t(`editor.inspector.directions.${direction}`)}` : name;
    label = t('delivery.transitionHandle.open', { a: i, b: i + 1, kind: kindText });
    labels.set(key, label);
  }
  return label;
}

/** One handle, at content x = frame * pxPerFrame through the track's --ppf (see TransitionHandles). */
const Handle = memo(function Handle({
  shotId,
  index,
  kind,
  frame,
  label,
  open,
  onToggle,
  setAnchor,
}: {
  shotId: string;
  index: number;
  kind: TransitionKind;
  frame: number;
  label: string;
  open: boolean;
  onToggle: (shotId: string) => void;
  setAnchor: (el: HTMLButtonElement | null) => void;
}) {
  return (
    <button
      type="button"
      className={`transition-handle${kind === 'cut' ? '' : ' has-transition'}`}
      data-testid={`transition-handle-${index}`}
      aria-label={label}
      title={label}
      aria-expanded={open}
      ref={open ? setAnchor : undefined}
      style={{ left: `calc(var(--ppf) * ${frame}px)`, top: BAND_H / 2 - 7 }}
      // The timeline box turns presses into gestures: this one is the handle's own.
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => onToggle(shotId)}
      onContextMenu={(e) => {
        e.preventDefault();
        e.stopPropagation();
        selection.getState().focus({ kind: 'transition', shotId });
        setEditorUi({
          contextMenu: { x: e.clientX, y: e.clientY, shotId, target: { kind: 'transition', shotId } },
        });
      }}
    />
  );
});

export function TransitionHandles({ width }: { width: number }) {
  noteRender('TransitionHandles');
  const { t } = useTranslation();
  const env = useContext(TimelineEnv);
  const snapshot = useAppState((s) => s.snapshot);
  const contentW = Math.max(0, width - LAYOUT.gutter);
  // The set of handles follows a zoom in idle time; their x follows it at once (--ppf below).
  const { pxPerFrame, lo, hi } = useSettledDrawWindow(env.viewport, contentW);
  const track = useRef<HTMLDivElement>(null);
  useViewportEffect(env.viewport, (s) => {
    const el = track.current;
    if (!el) return;
    el.style.transform = `translateX(${scrollX(s)}px)`;
    // Each handle sits at calc(var(--ppf) * frame): a zoom step sets this one property and
    // re-renders no button (only handles that appear or go with the spacing rule mount).
    const ppf = String(s.pxPerFrame);
    if (el.style.getPropertyValue('--ppf') !== ppf) el.style.setProperty('--ppf', ppf);
  });
  const [open, setOpen] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<HTMLButtonElement | null>(null);
  const toggle = useCallback((id: string) => setOpen((cur) => (cur === id ? null : id)), []);
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
  const labelOf = (i: number, kind: TransitionKind) => handleLabel(t, i, kind);
  const handles = visibleHandles(cut, pxPerFrame, { lo, hi });
  const current = open ? cut.find((c) => c.shot.id === open) : undefined;
  const currentIndex = current ? cut.indexOf(current) : -1;
  const currentX = handles.find((h) => h.c.shot.id === open)?.x ?? null;
  return (
    <>
      <div
        className="transition-handles"
        style={{ left: LAYOUT.gutter, top: BAND_TOP, width: contentW, height: BAND_H }}
      >
        <div ref={track} className="transition-handles-track">
          {handles.map(({ c, i }) => (
            <Handle
              key={c.shot.id}
              shotId={c.shot.id}
              index={i}
              kind={c.shot.transitionIn.kind}
              frame={c.startFrame + c.overlap / 2}
              label={labelOf(i, c.shot.transitionIn.kind)}
              open={open === c.shot.id}
              onToggle={toggle}
              setAnchor={setAnchor}
            />
          ))}
        </div>
      </div>
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
