/**
 * Reframing for deliverables: how a shot's picture sits in a canvas of another aspect. The
 * framing itself (fit / fill, crop position per shot per aspect) belongs to the viewer's model;
 * `shotFraming` is the ONE point the delivery reads it, so switching to the stored per-shot
 * framing is a change here only. Pure.
 */
import type { Aspect } from '../model/format.js';
import type { Shot } from '../model/entities.js';

export interface ReframeSpec {
  /** fit: all of the picture, bars on black; fill: the canvas covered, the rest cropped. */
  mode: 'fit' | 'fill';
  /** Where the spare room goes, 0..1 (0 = left/top, 0.5 = centred, 1 = right/bottom). */
  x: number;
  y: number;
}

export const CENTRE_FIT: ReframeSpec = Object.freeze({ mode: 'fit', x: 0.5, y: 0.5 });

/** The shot's framing for `aspect` (centre fit until the shot stores one). */
export function shotFraming(shot: Pick<Shot, 'id'> & { framing?: unknown }, aspect: Aspect): ReframeSpec {
  const stored = (shot.framing as Partial<Record<Aspect, ReframeSpec>> | undefined)?.[aspect];
  if (stored && (stored.mode === 'fit' || stored.mode === 'fill') && inUnit(stored.x) && inUnit(stored.y)) {
    return { mode: stored.mode, x: stored.x, y: stored.y };
  }
  return CENTRE_FIT;
}

function inUnit(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
}

function num(v: number): string {
  // Positions are stored to 4 decimals; print no exponent and no trailing noise.
  return String(Math.round(v * 10_000) / 10_000);
}

/**
 * Filters placing a square-pixel picture in W x H. Sizes keep the aspect and stay even
 * (force_divisible_by=2 for 4:2:0 chroma, https://ffmpeg.org/ffmpeg-filters.html#scale-1);
 * the spare room (fit: bars; fill: the cropped overflow) is split by x / y. Offsets are rounded
 * down to even pixels by pad and crop themselves for subsampled formats.
 */
export function reframeFilters(spec: ReframeSpec, width: number, height: number): string[] {
  const W = String(width);
  const H = String(height);
  if (spec.mode === 'fill') {
    return [
      `scale=${W}:${H}:force_original_aspect_ratio=increase:force_divisible_by=2`,
      // https://ffmpeg.org/ffmpeg-filters.html#crop: x, y are the top-left corner of the kept area.
      `crop=${W}:${H}:(iw-ow)*${num(spec.x)}:(ih-oh)*${num(spec.y)}`,
      'setsar=1',
    ];
  }
  return [
    `scale=${W}:${H}:force_original_aspect_ratio=decrease:force_divisible_by=2`,
    `pad=${W}:${H}:(ow-iw)*${num(spec.x)}:(oh-ih)*${num(spec.y)}:color=black`,
    'setsar=1',
  ];
}
