/**
 * One shot on the shot lane. Memoised on its props, and it subscribes only to its own slice of
 * the gesture, selection and job state, so dragging one shot re-renders that shot alone
 * (quality.md UI-2). Detail drops with width: a sliver is a rectangle, a wide clip shows its
 * filmstrip, title, duration and status.
 */
import type { TFunction } from 'i18next';
import type Konva from 'konva';
import { memo, useContext, useLayoutEffect, useRef } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { useStore } from 'zustand';
import type { CutShot } from '../../../shared/model/timeline';
import { framesToSeconds, type Fps } from '../../../shared/model/time';
import { useAppState } from '../app/context';
import { useShotCaption } from '../app/useShotCaption';
import { cacheWhenSettled } from './bitmapCache';
import { CACHE_UP_TO_PX, clipParts, clipTier } from './clipLayout';
import { Tiles } from './FilmTiles';
import { FILM_H, useSprite } from './filmstrip';
import { clipPixels, LAYOUT } from './geometry';
import { noteRender } from './probe';
import { badgeOf, statusKey, type Badge } from './shotBadge';
import { THEME } from './theme';
import { TimelineEnv } from './env';
import { clipLabel } from './clipLabels';
import { reportClip } from './clipReport';
import { useViewportEffect } from './scroll';

export interface ShotClipProps {
  cut: CutShot;
  index: number;
  fps: Fps;
  /** The layer's t (one i18next binding for all clips; a new t when the language changes). */
  t: TFunction;
}

function useBadge(cut: CutShot): Badge {
  const id = cut.shot.id;
  // A string key: the clip re-renders only when its own status changes.
  const status = useAppState((s) => statusKey(cut.shot, s.snapshot, s.jobs[id]));
  return badgeOf(status, cut.take?.provider);
}

/**
 * Sets a left-aligned, one-line text's width for a zoom step, unless its whole text fits at
 * both widths: then its layout is the same and Konva would measure it again for nothing (it
 * re-lays a text out on every width change; a zoom step changes every clip's width).
 */
function fitWidth(text: Konva.Text | null, width: number): void {
  if (!text || text.width() === width) return;
  const whole = text.textArr.length === 1 && text.textArr[0]?.text === text.text();
  if (whole && text.getTextWidth() <= width - 2 * text.padding()) return;
  text.width(width);
}

function ShotClipImpl({ cut, index, fps, t }: ShotClipProps) {
  noteRender('ShotClip');
  const env = useContext(TimelineEnv);
  const id = cut.shot.id;
  const offset = useStore(env.gesture, (s) =>
    s.reorder && s.reorder.shotIds.includes(id) ? s.reorder.offsetFrames : 0,
  );
  const trim = useStore(env.gesture, (s) => (s.trim?.shotId === id ? s.trim : null));
  const badge = useBadge(cut);
  const { caption } = useShotCaption(id);
  const stillAsset = useAppState((s) =>
    cut.shot.firstFrameAssetId ? (s.snapshot?.assets.find((a) => a.id === cut.shot.firstFrameAssetId) ?? null) : null,
  );
  const still = stillAsset && stillAsset.info.kind === 'image' ? { id: stillAsset.id, path: stillAsset.path } : null;

  const inF = trim ? trim.inFrames : cut.trim?.inFrames;
  const outF = trim ? trim.outFrames : cut.trim?.outFrames;
  const trimmed =
    inF !== undefined && outF !== undefined
      ? { from: framesToSeconds(inF, fps), to: framesToSeconds(outF, fps) }
      : null;
  const start = trim ? trim.start : cut.startFrame;
  const frames = trim ? trim.frames : cut.frames;
  // The number follows the cut order and is always drawn (it was elided to "…" on narrow
  // clips); the title, else the prompt's first words, fills the room that is left.
  const number = String(index + 1);
  // Zoom enters through the viewport store, not props: this renders only when a zoom step
  // changes which parts exist (clipLayout.ts); sizes follow in `place` below.
  const tier = useStore(env.viewport, (s) =>
    clipTier(clipPixels(start, frames, offset, s.pxPerFrame).width, number, cut.frames * s.pxPerFrame),
  );
  const { x, width } = clipPixels(start, frames, offset, env.viewport.getState().pxPerFrame);
  const parts = clipParts(width, number);
  const wide = tier.includes('film');
  const sprite = useSprite(env.api, env.dir, wide ? (cut.asset?.id ?? null) : null, wide ? still : null);
  const h = LAYOUT.shotHeight;
  const dragging = offset !== 0;
  const fill = cut.take ? THEME.clip : THEME.clipPlaceholder;

  // Tags read as element names ("@Mara_Lee" -> "Mara Lee"), looked up once per document version.
  // Labels are translated once per text and language (clipLabels.ts): i18next's t costs more
  // than the rest of this render.
  const untitled = clipLabel(t, 'timeline.untitled', { n: index + 1 });
  const title = caption || untitled;
  const seconds = framesToSeconds(frames, fps).toFixed(1);
  const secondsText = clipLabel(t, 'timeline.seconds', { value: seconds });
  const badgeText = badge.labelKey
    ? clipLabel(t, badge.labelKey)
    : badge.key === 'generating'
      ? clipLabel(t, 'timeline.status.generating', { percent: badge.progress ?? 0 })
      : clipLabel(t, `timeline.status.${badge.key}`);
  const progress = badge.key === 'generating' ? (badge.progress ?? 0) / 100 : 0;
  // A clip that has stopped changing is drawn once into a bitmap (Konva cache) and blitted
  // while the view pans: dozens of picture tiles and texts become one drawImage. While it
  // changes (zooming, trimming) it is drawn directly, since re-caching every frame costs
  // more. Moving it (x, a drag) keeps the bitmap. Very wide clips (deep zoom) are never cached.
  const look = [badgeText, badge.progress, title, seconds, sprite ? 1 : 0, trimmed?.from, trimmed?.to, fill, tier].join(
    '|',
  );
  const groupRef = useRef<Konva.Group>(null);
  const plainRef = useRef<Konva.Rect>(null);
  const bgRef = useRef<Konva.Rect>(null);
  const tilesRef = useRef<Konva.Shape>(null);
  const titleRef = useRef<Konva.Text>(null);
  const secondsRef = useRef<Konva.Text>(null);
  const badgeBoxRef = useRef<Konva.Rect>(null);
  const badgeTextRef = useRef<Konva.Text>(null);
  const progressRef = useRef<Konva.Rect>(null);
  const edgeRef = useRef<Konva.Rect>(null);
  const cached = useRef({ key: '', cancel: () => {} });
  useLayoutEffect(() => () => cached.current.cancel(), []);
  // Moves and resizes the nodes for the current zoom: after each render and on every zoom step
  // (a pan, which moves the scrolled group only, returns at once).
  const rendered = {};
  const placed = useRef<{ ppf: number; render: object | null }>({ ppf: 0, render: null });
  useViewportEffect(env.viewport, (s) => {
    if (placed.current.ppf === s.pxPerFrame && placed.current.render === rendered) return;
    placed.current = { ppf: s.pxPerFrame, render: rendered };
    const at = clipPixels(start, frames, offset, s.pxPerFrame);
    const plain = plainRef.current;
    if (plain) plain.setAttrs({ x: at.x, width: at.width });
    plain?.getLayer()?.batchDraw();
    const g = groupRef.current;
    if (!g) return;
    const p = clipParts(at.width, number);
    g.x(at.x);
    bgRef.current?.width(at.width);
    tilesRef.current?.width(at.width);
    edgeRef.current?.width(at.width);
    fitWidth(titleRef.current, p.titleW);
    secondsRef.current?.x(p.secondsX);
    badgeBoxRef.current?.width(p.badgeBoxW);
    fitWidth(badgeTextRef.current, p.badgeTextW);
    progressRef.current?.width((at.width - 8) * progress);
    g.getLayer()?.batchDraw();
    const key = `${look}|${at.width}`;
    if (key === cached.current.key) return;
    cached.current.key = key;
    if (g.isCached()) g.clearCache();
    cached.current.cancel();
    cached.current.cancel = () => {};
    if (at.width > CACHE_UP_TO_PX) return;
    cached.current.cancel = cacheWhenSettled(() => {
      g.cache({ pixelRatio: window.devicePixelRatio || 1 });
      g.getLayer()?.batchDraw();
    });
  });

  const numbered = !parts.plain && parts.showNumber;
  const hasFilm = sprite !== null;
  const outdated = badge.key === 'outdated';
  useLayoutEffect(() => {
    reportClip(id, { number: index + 1, title, numbered, film: hasFilm, outdated });
  }, [id, index, title, numbered, hasFilm, outdated]);
  useLayoutEffect(() => () => reportClip(id, null), [id]);

  if (parts.plain) {
    return (
      <Rect ref={plainRef} x={x} y={LAYOUT.shotTop} width={width} height={h} fill={fill} perfectDrawEnabled={false} />
    );
  }
  const { numberW, badgeX } = parts;
  return (
    <Group ref={groupRef} x={x} y={LAYOUT.shotTop} opacity={dragging ? 0.85 : 1}>
      <Rect ref={bgRef} width={width} height={h} fill={fill} cornerRadius={4} perfectDrawEnabled={false} />
      {sprite && <Tiles ref={tilesRef} sprite={sprite} width={width} height={FILM_H} range={trimmed} />}
      {parts.showNumber && (
        <>
          <Rect
            x={2}
            y={4}
            width={numberW}
            height={16}
            cornerRadius={3}
            fill="rgba(15,17,21,0.85)"
            perfectDrawEnabled={false}
          />
          <Text
            x={2}
            y={6}
            width={numberW}
            align="center"
            text={number}
            fontSize={11}
            fontStyle="bold"
            fontFamily={THEME.font}
            fill={THEME.text}
            wrap="none"
            listening={false}
          />
        </>
      )}
      {parts.showText && (
        <>
          <Text
            ref={titleRef}
            x={6}
            y={h - 19}
            width={parts.titleW}
            text={title}
            fontSize={12}
            fontFamily={THEME.font}
            fill={THEME.text}
            wrap="none"
            ellipsis
            listening={false}
          />
          <Text
            ref={secondsRef}
            x={parts.secondsX}
            y={h - 19}
            width={40}
            align="right"
            text={secondsText}
            fontSize={11}
            fontFamily={THEME.mono}
            fill={THEME.textMuted}
            wrap="none"
            listening={false}
          />
          {parts.showBadge && (
            <>
              <Rect
                ref={badgeBoxRef}
                x={badgeX}
                y={4}
                width={parts.badgeBoxW}
                height={16}
                cornerRadius={3}
                fill="rgba(15,17,21,0.8)"
                perfectDrawEnabled={false}
              />
              <Text
                ref={badgeTextRef}
                x={badgeX + 4}
                y={6}
                width={parts.badgeTextW}
                text={badgeText}
                fontSize={10}
                fontFamily={THEME.font}
                fill={badge.color}
                wrap="none"
                ellipsis
                listening={false}
              />
            </>
          )}
          {badge.key === 'generating' && (
            <Rect
              ref={progressRef}
              x={4}
              y={h - 24}
              width={(width - 8) * progress}
              height={2}
              fill={THEME.accent}
              perfectDrawEnabled={false}
            />
          )}
        </>
      )}
      <Rect
        ref={edgeRef}
        width={width}
        height={h}
        cornerRadius={4}
        stroke={THEME.border}
        strokeWidth={1}
        perfectDrawEnabled={false}
      />
    </Group>
  );
}

export const ShotClip = memo(ShotClipImpl);
