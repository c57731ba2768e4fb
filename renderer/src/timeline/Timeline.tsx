/**
 * The timeline panel: a Konva stage (four layers, see layers.tsx) inside a focusable box
 * whose DOM pointer, wheel and key events feed the TimelineController. No props: it reads the
 * app store (document, jobs) and the window's viewport and selection (store/uiEditor.ts).
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Stage } from 'react-konva';
import { useAppContext, useAppState, isMac } from '../app/context';
import { setEditorUi, selection, viewport } from '../store/uiEditor';
import { AudioList } from './AudioPanel';
import { ClipList } from './ClipList';
import { DialogueTrack } from './tracks/DialogueTrack';
import { createAudioSelection } from './audioSelection';
import { sendIntent } from './intents';
import { scrollBy, zoomBy, zoomToFit, type ViewCtx } from './view';
import { TimelineController } from './controller';
import { TimelineEnv, type Env } from './env';
import { LAYOUT, stageHeight, xToFrame } from './geometry';
import { createGestureStore } from './gestureStore';
import type { PointerInput } from './interactions/types';
import { OverlayLayer, ShotsLayer, StaticLayer } from './layers';
import { SelectionLayer } from './SelectionLayer';
import { timelineModel } from './model';
import { TrackHeaders } from './TrackHeaders';
import { selectedTarget, targetPoint } from './menuKeys';
import { TransitionHandles } from './TransitionHandles';
import './timeline.css';

function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

export function Timeline() {
  const { t } = useTranslation();
  const app = useAppContext();
  const boxRef = useRef<HTMLDivElement | null>(null);
  const width = useWidth(boxRef);
  const dir = useAppState((s) => s.snapshot?.dir ?? '');
  const fps = useAppState((s) => s.snapshot?.project.fps ?? null);
  const total = useAppState((s) => timelineModel(s.snapshot).total);
  const empty = useAppState((s) => (s.snapshot?.shots.length ?? 0) === 0);
  const [gesture] = useState(createGestureStore);
  const [audioSelection] = useState(createAudioSelection);
  const env: Env = useMemo(
    () => ({ api: app.api, dir, gesture, selection, viewport, audioSelection }),
    [app.api, dir, gesture, audioSelection],
  );
  const ctx: ViewCtx = useMemo(() => ({ store: app.store, viewport }), [app]);
  const controller = useMemo(
    () =>
      new TimelineController({
        getSnapshot: () => app.store.getState().snapshot,
        viewport,
        selection,
        gesture,
        audioSelection,
        send: (intent) => sendIntent(app, intent),
        onContextMenu: (shotId, p, target) =>
          setEditorUi({
            contextMenu: { x: p.client?.x ?? 0, y: p.client?.y ?? 0, shotId, ...(target ? { target } : {}) },
          }),
      }),
    [app, gesture, audioSelection],
  );

  // The content width (right of the lane labels) drives culling and zoom to fit.
  useEffect(() => {
    if (width > 0) viewport.getState().setWidth(Math.max(1, width - LAYOUT.gutter));
  }, [width]);
  // A film opens fitted to the window once; later the user's zoom is kept.
  useEffect(() => {
    if (width > 0 && total > 0 && !viewport.getState().fitted) zoomToFit(ctx);
  }, [width, total, ctx]);

  // Playback and frame steps move the playhead: page the view along so it stays visible.
  useEffect(
    () =>
      viewport.subscribe((s, prev) => {
        if (s.playhead === prev.playhead || controller.gestureKind !== null) return;
        const end = s.scrollFrame + s.width / s.pxPerFrame;
        if (s.playhead >= s.scrollFrame && s.playhead <= end) return;
        const scrollFrame = Math.max(0, s.playhead - (s.width / s.pxPerFrame) * 0.1);
        s.setView({ pxPerFrame: s.pxPerFrame, scrollFrame });
      }),
    [controller],
  );

  // The cursor follows the gesture store without re-rendering the panel.
  useEffect(
    () =>
      gesture.subscribe((s) => {
        if (boxRef.current) boxRef.current.style.cursor = s.cursor;
      }),
    [gesture],
  );

  // Escape cancels a gesture in progress before any other Escape handler sees it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && controller.gestureKind !== null) {
        controller.keyDown('Escape');
        e.preventDefault();
        e.stopPropagation();
      }
      // Delete with an audio item selected (and the canvas focused) removes that item, not shots.
      const inside = boxRef.current !== null && boxRef.current.contains(document.activeElement);
      // Shift+F10 or the context-menu key: the menu of the selected item, beside it.
      if (inside && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) && boxRef.current) {
        e.preventDefault();
        e.stopPropagation();
        const target = selectedTarget(
          app.store.getState().snapshot,
          selection.getState(),
          audioSelection.getState().id,
        );
        const at = targetPoint(
          target,
          boxRef.current.getBoundingClientRect(),
          viewport.getState(),
          app.store.getState().snapshot,
        );
        setEditorUi({
          contextMenu: {
            ...at,
            shotId: target.kind === 'shot' || target.kind === 'transition' ? target.shotId : null,
            target,
          },
        });
        return;
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && inside && controller.keyDown(e.key)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [controller, app, audioSelection]);

  // Ctrl/Cmd+wheel zooms around the pointer; wheel and Shift+wheel scroll sideways.
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const x = e.clientX - el.getBoundingClientRect().left - LAYOUT.gutter;
      if (isMac ? e.metaKey || e.ctrlKey : e.ctrlKey) {
        zoomBy(ctx, Math.exp(-e.deltaY * 0.002), xToFrame(x, viewport.getState()));
      } else {
        scrollBy(ctx, Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY);
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [ctx]);

  const toPointer = (e: ReactPointerEvent<HTMLDivElement>): PointerInput => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: e.clientX - r.left - LAYOUT.gutter,
      y: e.clientY - r.top,
      shift: e.shiftKey,
      mod: isMac ? e.metaKey : e.ctrlKey,
      alt: e.altKey,
      client: { x: e.clientX, y: e.clientY },
    };
  };

  return (
    <TimelineEnv.Provider value={env}>
      <AudioList />
      <ClipList />
      <div
        ref={boxRef}
        className="timeline"
        data-testid="timeline-canvas"
        role="application"
        aria-label={t('timeline.label')}
        tabIndex={0}
        style={{
          position: 'relative',
          height: stageHeight(),
          overflow: 'hidden',
          outline: 'none',
          touchAction: 'none',
          userSelect: 'none',
        }}
        onPointerDown={(e) => {
          // preventScroll: focusing a partly hidden timeline would scroll its container between this
          // event's clientY and the box toPointer reads, so the press would land on the wrong row.
          e.currentTarget.focus({ preventScroll: true });
          if (e.button === 0) e.currentTarget.setPointerCapture(e.pointerId);
          controller.pointerDown(toPointer(e), e.button);
        }}
        onPointerMove={(e) => controller.pointerMove(toPointer(e))}
        onPointerUp={(e) => void controller.pointerUp(toPointer(e))}
        onPointerCancel={() => controller.cancel()}
        onContextMenu={(e) => e.preventDefault()}
      >
        {width > 0 && fps && (
          <Stage width={width} height={stageHeight()} listening={false}>
            <StaticLayer width={width} />
            <ShotsLayer width={width} />
            <SelectionLayer width={width} />
            <OverlayLayer width={width} fps={fps} />
          </Stage>
        )}
        {width > 0 && <TransitionHandles width={width} />}
        {width > 0 && <TrackHeaders width={width} />}
        {empty && (
          <p
            className="muted small"
            style={{
              position: 'absolute',
              left: LAYOUT.gutter + 12,
              top: LAYOUT.shotTop + 30,
              margin: 0,
              pointerEvents: 'none',
            }}
          >
            {t('timeline.empty')}
          </p>
        )}
      </div>
      <DialogueTrack />
    </TimelineEnv.Provider>
  );
}
