/**
 * The filmstrip band of a shot clip (ShotClip.tsx): tiles cropped from one sprite, drawn in a
 * single Konva shape at the clip's current width.
 */
import type Konva from 'konva';
import type { Ref } from 'react';
import { Shape } from 'react-konva';
import { tileCrop, type Sprite } from './filmstrip';

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
export function Tiles({
  ref,
  sprite,
  width,
  height,
  range,
}: {
  ref: Ref<Konva.Shape>;
  sprite: Sprite;
  /** The clip's width when rendered; a zoom step sets the shape's width and the drawing reads it. */
  width: number;
  height: number;
  range: { from: number; to: number } | null;
}) {
  const img = sprite.image;
  const strip = sprite.strip;
  const tileW = strip ? strip.tileWidth : img.naturalWidth;
  const tileH = strip ? strip.tileHeight : img.naturalHeight;
  const drawW = Math.max(8, Math.round((tileW / Math.max(1, tileH)) * height));
  const count = strip?.count ?? 1;
  const pick = (n: number, i: number) =>
    strip && range && strip.times.length === count
      ? nearestTile(strip.times, range.from + ((i + 0.5) / n) * (range.to - range.from))
      : Math.floor((i * count) / n);
  return (
    <Shape
      listening={false}
      ref={ref}
      width={width}
      sceneFunc={(c, shape) => {
        const width = shape.width();
        const n = Math.min(60, Math.max(1, Math.ceil(width / drawW)));
        const ctx = c._context;
        ctx.save();
        ctx.beginPath();
        ctx.rect(0, 0, width, height);
        ctx.clip();
        for (let i = 0; i < n; i++) {
          const src = strip
            ? tileCrop(strip, img.naturalWidth, pick(n, i))
            : { x: 0, y: 0, width: tileW, height: tileH };
          ctx.drawImage(img, src.x, src.y, src.width, src.height, i * drawW, 0, drawW, height);
        }
        ctx.restore();
      }}
    />
  );
}
