/**
 * The canvas layers, split by how often they change (codebases.md, Synthesis 8; Konva
 * "3-5 layers"): the static layer (track backgrounds, lane labels) changes with the language
 * and the size only; the ruler with pan and zoom (RulerShape.tsx, drawn on the overlay's canvas); the shots layer with the document, zoom and
 * the visible range; the selection (SelectionLayer.tsx) with the selection; the overlay with every pointer move of a gesture and with the playhead. None listens to Konva events: the
 * controller hit-tests in pure geometry, so Konva never draws hit canvases.
 * A pan renders nothing: each layer's content sits in one scrolled group that scroll.ts moves
 * (React renders only when the zoom or the bucketed range of drawWindow.ts changes).
 */
import { memo, useContext, useMemo } from 'react';
import { Group, Layer, Line, Rect, Shape, Text } from 'react-konva';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Fps } from '../../../shared/model/time';
import { transitionLook, type TransitionKind } from '../../../shared/model/transitionKinds';
import { useAppState } from '../app/context';
import { AudioItems } from './AudioClip';
import { TimelineEnv } from './env';
import { cullClips, LAYOUT, SLIVER_PX, stageHeight, type ClipBox } from './geometry';
import { timelineModel } from './model';
import { noteRender } from './probe';
import { RulerShape } from './RulerShape';
import { ShotClip } from './ShotClip';
import { THEME } from './theme';
import { useDrawWindow, useScrolledGroup } from './scroll';

export const StaticLayer = memo(function StaticLayer({ width }: { width: number }) {
  noteRender('StaticLayer');
  const { t } = useTranslation();
  const contentW = Math.max(0, width - LAYOUT.gutter);
  const h = stageHeight();
  const lanes = [
    { y: LAYOUT.shotTop, h: LAYOUT.shotHeight, label: t('timeline.lanes.shots') },
    ...LAYOUT.audioLanes.map((lane, i) => ({
      y: LAYOUT.audioTop + i * LAYOUT.audioLaneHeight,
      h: LAYOUT.audioLaneHeight - 4,
      label: t(`timeline.lanes.${lane}`),
    })),
  ];
  return (
    <Layer listening={false}>
      <Rect width={width} height={h} fill={THEME.bg} />
      {lanes.map((l, i) => (
        <Rect
          key={i}
          x={LAYOUT.gutter}
          y={l.y}
          width={contentW}
          height={l.h}
          fill={i % 2 ? THEME.laneAlt : THEME.lane}
        />
      ))}
      <Rect width={LAYOUT.gutter} height={h} fill={THEME.gutter} />
      {lanes.map((l, i) => (
        <Text
          key={i}
          x={10}
          y={l.y + 3}
          width={LAYOUT.gutter - 14}
          text={l.label}
          fontSize={12}
          fontFamily={THEME.font}
          fill={THEME.textMuted}
          wrap="none"
          ellipsis
        />
      ))}
      <Rect x={LAYOUT.gutter} width={contentW} height={LAYOUT.rulerHeight} fill={THEME.ruler} />
      <Line points={[0, LAYOUT.rulerHeight, width, LAYOUT.rulerHeight]} stroke={THEME.border} strokeWidth={1} />
    </Layer>
  );
});

/**
 * Every sliver (narrower than SLIVER_PX) in one Konva shape: a fitted 500-shot film would otherwise be 500 components and
 * nodes re-rendered on every zoom step, for rectangles a few pixels wide.
 */
const Slivers = memo(function Slivers({
  clips,
  pxPerFrame,
  placeholders,
}: {
  clips: readonly ClipBox[];
  pxPerFrame: number;
  placeholders: ReadonlySet<string>;
}) {
  noteRender('Slivers');
  return (
    <Shape
      listening={false}
      sceneFunc={(c) => {
        const ctx = c._context;
        for (const clip of clips) {
          ctx.fillStyle = placeholders.has(clip.id) ? THEME.clipPlaceholder : THEME.clip;
          ctx.fillRect(
            clip.start * pxPerFrame,
            LAYOUT.shotTop,
            Math.max(1, clip.frames * pxPerFrame - 1),
            LAYOUT.shotHeight,
          );
        }
      }}
    />
  );
});

export const ShotsLayer = memo(function ShotsLayer({ width }: { width: number }) {
  noteRender('ShotsLayer');
  const { t } = useTranslation();
  const env = useContext(TimelineEnv);
  const snapshot = useAppState((s) => s.snapshot);
  const model = timelineModel(snapshot);
  const contentW = Math.max(0, width - LAYOUT.gutter);
  // Culled on the range rounded out to buckets: a pan inside a bucket does not render this.
  const { pxPerFrame, lo, hi } = useDrawWindow(env.viewport, contentW);
  const scrolled = useScrolledGroup(env.viewport);
  // Changes only when a drag starts or ends: the dragged shots are drawn last, on top.
  const dragged = useStore(env.gesture, (s) => s.reorder?.shotIds.join('\n') ?? '');
  const visible = useMemo(() => {
    const inView = cullClips(model.clips, { start: lo, end: hi });
    if (dragged === '') return inView;
    const top = new Set(dragged.split('\n'));
    return [...inView.filter((c) => !top.has(c.id)), ...inView.filter((c) => top.has(c.id))];
  }, [model, lo, hi, dragged]);
  const fps = snapshot?.project.fps ?? { num: 24, den: 1 };
  const { wide, narrow } = useMemo(() => {
    const top = new Set(dragged === '' ? [] : dragged.split('\n'));
    const isNarrow = (c: ClipBox) => c.frames * pxPerFrame < SLIVER_PX && !top.has(c.id);
    return { wide: visible.filter((c) => !isNarrow(c)), narrow: visible.filter(isNarrow) };
  }, [visible, pxPerFrame, dragged]);
  const placeholders = useMemo(() => new Set(model.cut.filter((c) => !c.take).map((c) => c.shot.id)), [model]);
  return (
    <Layer listening={false}>
      <Group x={LAYOUT.gutter} clipX={0} clipY={0} clipWidth={contentW} clipHeight={stageHeight()}>
        <Group ref={scrolled}>
          <AudioItems pxPerFrame={pxPerFrame} lo={lo} hi={hi} />
          {narrow.length > 0 && <Slivers clips={narrow} pxPerFrame={pxPerFrame} placeholders={placeholders} />}
          {wide.map((c) => {
            const cut = model.byId.get(c.id);
            return cut ? <ShotClip key={c.id} cut={cut} index={c.index} fps={fps} t={t} /> : null;
          })}
          {visible.map((c) => {
            const cut = model.byId.get(c.id);
            // Hidden when the clip is a sliver (a whole film fitted): markers would hide the cut.
            if (!cut || cut.overlap <= 0 || c.frames * pxPerFrame < 24) return null;
            return (
              <TransitionMark
                key={`tr-${c.id}`}
                kind={cut.shot.transitionIn.kind}
                start={c.start}
                overlap={cut.overlap}
                pxPerFrame={pxPerFrame}
              />
            );
          })}
        </Group>
      </Group>
    </Layer>
  );
});

/**
 * A transition where two shots overlap (timeline.ts cutList): a ramp across the overlap and a
 * bow tie in its middle; a dissolve in accent, a dip in dashed muted grey. Drawn from the
 * document only, so it re-renders with the shots layer, never per pointer move (UI-2).
 */
const TransitionMark = memo(function TransitionMark({
  kind,
  start,
  overlap,
  pxPerFrame,
}: {
  kind: TransitionKind;
  start: number;
  overlap: number;
  pxPerFrame: number;
}) {
  const x0 = start * pxPerFrame;
  const x1 = (start + overlap) * pxPerFrame;
  const x = (x0 + x1) / 2;
  const top = LAYOUT.shotTop + 2;
  const bottom = LAYOUT.shotTop + LAYOUT.shotHeight - 2;
  const y = LAYOUT.shotTop + LAYOUT.shotHeight / 2;
  const dissolve = transitionLook(kind)?.picture.style === 'dissolve';
  const colour = dissolve ? THEME.accent : THEME.textMuted;
  return (
    <Group>
      <Line points={[x0, bottom, x1, top]} stroke={colour} strokeWidth={1.5} perfectDrawEnabled={false} />
      <Line
        points={[x0, top, x1, bottom]}
        stroke={colour}
        strokeWidth={1.5}
        dash={dissolve ? undefined : [3, 2]}
        perfectDrawEnabled={false}
      />
      <Line
        points={[x - 6, y - 7, x + 6, y + 7, x + 6, y - 7, x - 6, y + 7]}
        closed
        fill={colour}
        stroke={THEME.bg}
        strokeWidth={1}
        perfectDrawEnabled={false}
      />
    </Group>
  );
});

export const OverlayLayer = memo(function OverlayLayer({ width, fps }: { width: number; fps: Fps }) {
  noteRender('OverlayLayer');
  const env = useContext(TimelineEnv);
  const pxPerFrame = useStore(env.viewport, (s) => s.pxPerFrame);
  const playhead = useStore(env.viewport, (s) => s.playhead);
  const scrolled = useScrolledGroup(env.viewport);
  const reorder = useStore(env.gesture, (s) => s.reorder);
  const trimSnap = useStore(env.gesture, (s) => s.trim?.snap ?? null);
  const marquee = useStore(env.gesture, (s) => s.marquee);
  // A primitive: the overlay re-renders when the audio snap guide appears or moves, not per frame.
  const audioSnap = useStore(env.gesture, (s) => s.audio?.snap?.frame ?? null);
  const h = stageHeight();
  const contentW = Math.max(0, width - LAYOUT.gutter);
  // Content x (frame * pxPerFrame) inside the scrolled group: a pan moves the group only.
  const px = playhead * pxPerFrame;
  const snap = reorder?.snap ?? trimSnap ?? (audioSnap === null ? null : { frame: audioSnap });
  return (
    <Layer listening={false}>
      <RulerShape width={width} fps={fps} />
      <Group x={LAYOUT.gutter} clipX={0} clipY={0} clipWidth={contentW} clipHeight={h}>
        <Group ref={scrolled}>
          {snap && (
            <Line
              points={[snap.frame * pxPerFrame, LAYOUT.rulerHeight, snap.frame * pxPerFrame, h]}
              stroke={THEME.snap}
              strokeWidth={1}
              dash={[4, 3]}
            />
          )}
          {reorder && (
            <Rect
              x={reorder.dropFrame * pxPerFrame - 1.5}
              y={LAYOUT.shotTop - 4}
              width={3}
              height={LAYOUT.shotHeight + 8}
              fill={THEME.accent}
              cornerRadius={1.5}
            />
          )}
          <Line points={[px, 0, px, h]} stroke={THEME.playhead} strokeWidth={1.5} />
          <Line points={[px - 6, 0, px + 6, 0, px, 8]} closed fill={THEME.playhead} />
        </Group>
        {marquee && (
          <Rect
            x={marquee.rect.x}
            y={marquee.rect.y}
            width={marquee.rect.width}
            height={marquee.rect.height}
            fill={THEME.accentSoft}
            stroke={THEME.accent}
            strokeWidth={1}
          />
        )}
      </Group>
    </Layer>
  );
});
