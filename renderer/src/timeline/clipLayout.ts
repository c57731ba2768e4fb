/**
 * Where the parts of a shot clip sit at a given clip width (px), pure. ShotClip renders its
 * nodes from `tier` (which parts exist) and a zoom step only moves and resizes them from
 * `clipParts` (no React render), as a bare Konva timeline would; React renders a clip again
 * only when a zoom makes a part appear or go (https://konvajs.org/docs/performance/All_Performance_Tips.html).
 */

/** A clip narrower than this is one rectangle. */
export const PLAIN_BELOW_PX = 12;
/** Title and duration are shown from this width. */
export const TEXT_FROM_PX = 56;
/** A clip at least this wide loads its filmstrip (on its full length, before trims). */
export const FILM_FROM_PX = 40;
/** Wider than this, a clip is never cached as a bitmap (a very deep zoom). */
export const CACHE_UP_TO_PX = 4096;

export interface ClipParts {
  plain: boolean;
  showText: boolean;
  showNumber: boolean;
  numberW: number;
  badgeX: number;
  showBadge: boolean;
  titleW: number;
  secondsX: number;
  badgeBoxW: number;
  badgeTextW: number;
}

export function clipParts(width: number, number: string): ClipParts {
  const numberW = 8 + number.length * 7;
  const showNumber = width >= numberW + 4;
  const badgeX = showNumber ? numberW + 6 : 4;
  return {
    plain: width < PLAIN_BELOW_PX,
    showText: width >= TEXT_FROM_PX,
    showNumber,
    numberW,
    badgeX,
    showBadge: width - badgeX >= 40,
    titleW: Math.max(0, width - 52),
    secondsX: width - 46,
    badgeBoxW: Math.min(width - badgeX - 4, 92),
    badgeTextW: Math.min(width - badgeX - 12, 84),
  };
}

/** Which parts exist (a string: a clip re-renders only when it changes). */
export function clipTier(width: number, number: string, fullWidth: number): string {
  const p = clipParts(width, number);
  return [
    p.plain ? 'plain' : '',
    p.showText ? 'text' : '',
    p.showNumber ? 'number' : '',
    p.showBadge ? 'badge' : '',
    fullWidth >= FILM_FROM_PX ? 'film' : '',
    width > CACHE_UP_TO_PX ? 'huge' : '',
  ].join('|');
}
