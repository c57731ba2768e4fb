/**
 * How a shot's picture sits in the project canvas: `fit` (all of it, letterboxed or
 * pillarboxed on black) or `fill` (the canvas covered, the rest cropped), and where the spare
 * room goes (x, y in 0..1: 0 = left/top edge, 0.5 = centred, 1 = right/bottom edge). Stored per
 * shot PER ASPECT, so the same shot framed for 16:9 keeps its own framing when the film is
 * delivered as 9:16. Absent: fit, centred, which is what the export always did.
 *
 * `frameGeometry` is the ONE place this becomes pixels: the export's conform chain
 * (shared/export/filters.ts) and the viewer (renderer/src/player) both draw from it, so the
 * viewer composes exactly what the export writes. Pure.
 */
import { z } from 'zod';
import { AspectSchema, type Aspect } from './format.js';

export const FRAMING_MODES = ['fit', 'fill'] as const;
export const FramingModeSchema = z.enum(FRAMING_MODES);
export type FramingMode = z.infer<typeof FramingModeSchema>;

export const FramingSchema = z
  .object({
    mode: FramingModeSchema,
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
  })
  .strict();
export type Framing = z.infer<typeof FramingSchema>;

/** Aspect -> framing; an aspect without an entry uses DEFAULT_FRAMING. */
export const ShotFramingSchema = z.partialRecord(AspectSchema, FramingSchema);
export type ShotFraming = z.infer<typeof ShotFramingSchema>;

/** Fit and centred: every source shows whole, as the export did before framing existed. */
export const DEFAULT_FRAMING: Framing = Object.freeze({ mode: 'fit', x: 0.5, y: 0.5 });

export function framingFor(framing: ShotFraming | undefined, aspect: Aspect): Framing {
  return framing?.[aspect] ?? DEFAULT_FRAMING;
}

export function isDefaultFraming(f: Framing): boolean {
  return f.mode === DEFAULT_FRAMING.mode && f.x === DEFAULT_FRAMING.x && f.y === DEFAULT_FRAMING.y;
}

/** The source as decoded: stored size and sample aspect ratio (rotation is applied by ffmpeg first). */
export interface FrameSource {
  width: number;
  height: number;
  sar?: { num: number; den: number };
}

/**
 * The picture as it reaches the conform chain: ffmpeg's -autorotate has already turned a
 * quarter-rotated stream, which swaps its sides and inverts its sample aspect ratio
 * (libavfilter/vf_transpose.c config_props). The browser shows the same upright picture.
 */
export function frameSourceOf(info: {
  width: number;
  height: number;
  rotation: number;
  sar: { num: number; den: number };
}): FrameSource {
  const quarter = Math.abs(info.rotation) % 180 === 90;
  return quarter
    ? { width: info.height, height: info.width, sar: { num: info.sar.den, den: info.sar.num } }
    : { width: info.width, height: info.height, sar: info.sar };
}

/**
 * Where the scaled picture lands in the canvas, in canvas pixels: `width` x `height` is the
 * scaled picture (square pixels), `left`/`top` its top-left corner (negative when `fill`
 * crops). The canvas is always covered by [0, canvas) ∩ picture, black elsewhere.
 */
export interface FrameGeometry {
  width: number;
  height: number;
  left: number;
  top: number;
}

const even = (n: number): number => Math.floor(n / 2) * 2;
const evenUp = (n: number): number => Math.ceil(n / 2) * 2;
/** av_rescale rounds to nearest, halves away from zero (libavutil/mathematics.h AV_ROUND_NEAR_INF). */
const nearest = (n: number): number => Math.round(n);

/**
 * The display width of the source in square pixels, as `scale=iw*sar:ih` evaluates it: the
 * expression's value truncated to an integer (libavfilter/scale_eval.c ff_scale_eval_dimensions).
 */
export function squarePixelWidth(src: FrameSource): number {
  const sar = src.sar && src.sar.num > 0 && src.sar.den > 0 ? src.sar.num / src.sar.den : 1;
  return Math.max(1, Math.trunc(src.width * sar));
}

/**
 * The pixels of a framing. Sizes follow ffmpeg 5.1's `force_original_aspect_ratio` with
 * `force_divisible_by=2` (decrease for fit, increase for fill: the other side is the aspect-
 * kept size rounded to the nearest pixel, then both sides are rounded down (fit) or up (fill)
 * to even; libavfilter/scale_eval.c ff_scale_adjust_dimensions; later ffmpeg rounds the kept
 * side to the nearest even number instead, one pixel apart), so the default fit gives the same
 * picture the export wrote before framing existed (test/integration/export/framing.test.ts runs
 * both side by side). The chain now gets these numbers literally, whatever ffmpeg's version. Offsets are rounded down to even
 * pixels: pad and crop do that anyway for 4:2:0 chroma (https://ffmpeg.org/ffmpeg-filters.html#pad-1).
 */
export function frameGeometry(
  src: FrameSource,
  canvas: { width: number; height: number },
  framing: Framing,
): FrameGeometry {
  const W = canvas.width;
  const H = canvas.height;
  const iw = squarePixelWidth(src);
  const ih = Math.max(1, src.height);
  const keptW = nearest((H * iw) / ih);
  const keptH = nearest((W * ih) / iw);
  let width: number;
  let height: number;
  if (framing.mode === 'fit') {
    width = even(Math.min(keptW, W));
    height = even(Math.min(keptH, H));
  } else {
    width = evenUp(Math.max(keptW, W));
    height = evenUp(Math.max(keptH, H));
  }
  width = Math.max(2, width);
  height = Math.max(2, height);
  const place = (room: number, at: number): number => (room >= 0 ? even(room * at) : 0 - even(-room * at));
  return { width, height, left: place(W - width, framing.x), top: place(H - height, framing.y) };
}

/** Clamp a dragged position into 0..1 (a picture that does not overflow an axis keeps 0.5 there). */
export function clampPosition(v: number): number {
  if (!Number.isFinite(v)) return 0.5;
  return Math.min(1, Math.max(0, v));
}

/**
 * The framing after dragging the picture by (dx, dy) canvas pixels from `start`: the picture
 * follows the pointer (left = room * x, room = canvas - picture, negative when `fill` crops,
 * so dragging right lowers x there and shows more of the picture's left side). An axis with no
 * spare room stays where it is.
 */
export function dragFraming(
  start: Framing,
  geometry: FrameGeometry,
  canvas: { width: number; height: number },
  dx: number,
  dy: number,
): Framing {
  const roomX = canvas.width - geometry.width;
  const roomY = canvas.height - geometry.height;
  const x = roomX === 0 ? start.x : clampPosition(start.x + dx / roomX);
  const y = roomY === 0 ? start.y : clampPosition(start.y + dy / roomY);
  return { ...start, x: round4(x), y: round4(y) };
}

const round4 = (v: number): number => Math.round(v * 10_000) / 10_000;
