/**
 * The frame range the canvas mounts clips for, rounded out to coarse buckets so that panning
 * inside a bucket changes nothing React renders: the pan itself only moves one scrolled group
 * per layer (scroll.ts). Pure, so it is unit tested directly.
 *
 * Konva's performance tips: few nodes, layers split by how often they change, and move a group
 * instead of re-laying its children out (https://konvajs.org/docs/performance/All_Performance_Tips.html).
 */
import type { View } from './geometry';

/** Extra width (px) mounted beyond each side so a small pan never reveals empty space first. */
export const OVERSCAN_PX = 160;

export interface DrawWindow {
  /** First and last frame mounted (inclusive range, bucket-aligned). */
  lo: number;
  hi: number;
}

/**
 * The mounted range for a view: the visible frames plus OVERSCAN_PX each side, rounded out to
 * buckets of OVERSCAN_PX / 2, with a span fixed per zoom so both ends move together (one
 * render per bucket of panning, not two). The visible range is always inside it with at least
 * the overscan to spare, so a pan of up to OVERSCAN_PX px in one step never shows an unmounted clip.
 */
export function drawWindow(v: View, contentW: number): DrawWindow {
  const pad = OVERSCAN_PX / v.pxPerFrame;
  const bucket = pad / 2;
  const lo = Math.floor((v.scrollFrame - pad) / bucket) * bucket;
  const span = Math.ceil((contentW / v.pxPerFrame + 2 * pad) / bucket + 1) * bucket;
  return { lo, hi: lo + span };
}

/** The scrolled group's x: content x = frame * pxPerFrame, shifted left by the scroll, in whole px. */
export function scrollX(v: View): number {
  return -Math.round(v.scrollFrame * v.pxPerFrame);
}
