/**
 * One shot on the shot lane. Memoised on its props, and it subscribes only to its own slice of
 * the gesture, selection and job state, so dragging one shot re-renders that shot alone
 * (quality.md UI-2). Detail drops with width: a sliver is a rectangle, a wide clip shows its
 * filmstrip, title, duration and status.
 */
import type Konva from 'konva';
import { memo, useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { Group, Rect, Shape, Text } from 'react-konva';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CutShot } from '../../../shared/model/timeline';
import { framesToSeconds, type Fps } from '../../../shared/model/time';
import { useAppState } from '../app/context';
import { useShotCaption } from '../app/useShotCaption';
import { FILM_H, tileCrop, useSprite, type Sprite } from './filmstrip';
import { clipPixels, LAYOUT, numberBadge } from './geometry';
import { noteRender } from './probe';
import { badgeOf, statusKey, type Badge } from './shotBadge';
import { THEME } from './theme';
import { TimelineEnv } from './env';
import { reportClip } from './clipReport';

export interface ShotClipProps {
  cut: CutShot;
  index: number;
  /** Zoom: px per frame. x positions are start * pxPerFrame inside the scrolled group. */
  pxPerFrame: number;
  fps: Fps;
}

/** How long a clip must stay unchanged before it is cached as a bitmap. */
const CACHE_AFTER_MS = 150;

function useBadge(cut: CutShot): Badge {
  const id = cut.shot.id;
  // A string key: the clip re-renders only when its own status changes.
  const status = useAppState((s) => statusKey(cut.shot, s.snapshot, s.jobs[id]));
  return badgeOf(status, cut.take?.provider);
}

/** The tile whose time is nearest to `sec` (tiles carry their time into the clip). */
function nearestTile(times: readonly number[], sec: number): number {
  let best = 0;
  times.forEach((t, i) => {
    if (Math.abs(t - sec) < Math.abs((times[best] ?? 0) - sec)) best = i;
  });
  return best;
}

/**
 * The filmstrip across the clip, drawn from the one sprite image cropped per tile, in a single
 * shape (not a node per tile: zooming changes the tile count every frame). With a trim, only
 * tiles from the part of the take in use.
 */
function Tiles({
  sprite,
  width,
  height,
  range,
}: {
  sprite: Sprite;
  width: number;
  height: number;
  range: { from: number; to: number } | null;
}) {
  const img = sprite.image;
  const strip = sprite.strip;
  const tileW = strip ? strip.tileWidth : img.naturalWidth;
  const tileH = strip ? strip.tileHeight : img.naturalHeight;
  const drawW = Math.max(8, Math.round((tileW / Math.max(1, tileH)) * height));
  const n = Math.min(60, Math.max(1, Math.ceil(width / drawW)));
  const count = strip?.count ?? 1;
  const pick = (i: number) =>
    strip && range && strip.times.length === count
      ? nearestTile(strip.times, range.from + ((i + 0.5) / n) * (range.to - range.from))
      : Math.floor((i * count) / n);
  return (
    <Shape
      listening={false}
      sceneFunc={(c) => {
        const ctx = c._context;
        ctx.save();
        ctx.beginPath();
        ctx.rect(0, 0, width, height);
        ctx.clip();
        for (let i = 0; i < n; i++) {
          const src = strip ? tileCrop(strip, img.naturalWidth, pick(i)) : { x: 0, y: 0, width: tileW, height: tileH };
          ctx.drawImage(img, src.x, src.y, src.width, src.height, i * drawW, 0, drawW, height);
        }
        ctx.restore();
      }}
    />
  );
}

function ShotClipImpl({ cut, index, pxPerFrame, fps }: ShotClipProps) {
  noteRender('ShotClip');
  const { t } = useTranslation();
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
  const wide = cut.frames * pxPerFrame >= 40;
  const sprite = useSprite(env.api, env.dir, wide ? (cut.asset?.id ?? null) : null, wide ? still : null);

  const inF = trim ? trim.inFrames : cut.trim?.inFrames;
  const outF = trim ? trim.outFrames : cut.trim?.outFrames;
  const trimmed =
    inF !== undefined && outF !== undefined
      ? { from: framesToSeconds(inF, fps), to: framesToSeconds(outF, fps) }
      : null;
  const start = trim ? trim.start : cut.startFrame;
  const frames = trim ? trim.frames : cut.frames;
  // The selection is drawn over the clip by SelectionLayer: a selection change leaves this alone.
  const { x, width } = clipPixels(start, frames, offset, pxPerFrame);
  const h = LAYOUT.shotHeight;
  const dragging = offset !== 0;
  const fill = cut.take ? THEME.clip : THEME.clipPlaceholder;

  // The number follows the cut order and is always drawn (it was elided to "…" on narrow
  // clips); the title, else the prompt's first words, fills the room that is left.
  const number = String(index + 1);
  // Tags read as element names ("@Mara_Lee" -> "Mara Lee"), looked up once per document version.
  // Labels are translated when they change, not on every zoom step (i18next's t costs more
  // than the rest of this render).
  const untitled = useMemo(() => t('timeline.untitled', { n: index + 1 }), [index, t]);
  const title = caption || untitled;
  const seconds = framesToSeconds(frames, fps).toFixed(1);
  const secondsText = useMemo(() => t('timeline.seconds', { value: seconds }), [seconds, t]);
  const badgeText = useMemo(
    () =>
      badge.labelKey
        ? t(badge.labelKey)
        : badge.key === 'generating'
          ? t('timeline.status.generating', { percent: badge.progress ?? 0 })
          : t(`timeline.status.${badge.key}`),
    [badge.labelKey, badge.key, badge.progress, t],
  );
  // A clip that has stopped changing is drawn once into a bitmap (Konva cache) and blitted
  // while the view pans: dozens of picture tiles and texts become one drawImage. While it
  // changes (zooming, trimming) it is drawn directly, since re-caching every frame costs
  // more. Moving it (x, a drag) keeps the bitmap. Very wide clips (deep zoom) are never cached.
  const groupRef = useRef<Konva.Group>(null);
  const look = [
    width,
    badgeText,
    badge.progress,
    number,
    title,
    seconds,
    sprite ? 1 : 0,
    trimmed?.from,
    trimmed?.to,
    fill,
  ].join('|');
  useLayoutEffect(() => {
    const g = groupRef.current;
    if (!g) return;
    if (g.isCached()) g.clearCache();
    if (width > 4096) return;
    const timer = setTimeout(() => {
      g.cache({ pixelRatio: window.devicePixelRatio || 1 });
      g.getLayer()?.batchDraw();
    }, CACHE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [look, width]);

  const numbered = numberBadge(index + 1, width) !== null;
  const hasFilm = sprite !== null;
  const outdated = badge.key === 'outdated';
  useLayoutEffect(() => {
    reportClip(id, { number: index + 1, title, numbered, film: hasFilm, outdated });
  }, [id, index, title, numbered, hasFilm, outdated]);
  useLayoutEffect(() => () => reportClip(id, null), [id]);

  if (width < 12) {
    return <Rect x={x} y={LAYOUT.shotTop} width={width} height={h} fill={fill} perfectDrawEnabled={false} />;
  }
  const showText = width >= 56;
  const numberW = 8 + number.length * 7;
  const showNumber = width >= numberW + 4;
  const badgeX = showNumber ? numberW + 6 : 4;
  return (
    <Group ref={groupRef} x={x} y={LAYOUT.shotTop} opacity={dragging ? 0.85 : 1}>
      <Rect width={width} height={h} fill={fill} cornerRadius={4} perfectDrawEnabled={false} />
      {sprite && <Tiles sprite={sprite} width={width} height={FILM_H} range={trimmed} />}
      {showNumber && (
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
      {showText && (
        <>
          <Text
            x={6}
            y={h - 19}
            width={Math.max(0, width - 52)}
            text={title}
            fontSize={12}
            fontFamily={THEME.font}
            fill={THEME.text}
            wrap="none"
            ellipsis
            listening={false}
          />
          <Text
            x={width - 46}
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
          {width - badgeX >= 40 && (
            <>
              <Rect
                x={badgeX}
                y={4}
                width={Math.min(width - badgeX - 4, 92)}
                height={16}
                cornerRadius={3}
                fill="rgba(15,17,21,0.8)"
                perfectDrawEnabled={false}
              />
              <Text
                x={badgeX + 4}
                y={6}
                width={Math.min(width - badgeX - 12, 84)}
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
              x={4}
              y={h - 24}
              width={(width - 8) * ((badge.progress ?? 0) / 100)}
              height={2}
              fill={THEME.accent}
              perfectDrawEnabled={false}
            />
          )}
        </>
      )}
      <Rect
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
