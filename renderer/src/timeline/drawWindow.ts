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
  return bucketWindow(bucketOf(v), v.pxPerFrame, contentW);
}

/** The bucket drawWindow starts at for a view (an index: its lo is bucket * OVERSCAN_PX / 2 px). */
export function bucketOf(v: View): number {
  const pad = OVERSCAN_PX / v.pxPerFrame;
  return Math.floor((v.scrollFrame - pad) / (pad / 2));
}

/** The mounted range that starts at `bucket`, at a zoom, for a content width (px). */
export function bucketWindow(bucket: number, pxPerFrame: number, contentW: number): DrawWindow {
  const pad = OVERSCAN_PX / pxPerFrame;
  const size = pad / 2;
  const lo = bucket * size;
  const span = Math.ceil((contentW / pxPerFrame + 2 * pad) / size + 1) * size;
  return { lo, hi: lo + span };
}

/**
 * The bucket to keep mounted after a view change. The window may sit one bucket before or
 * after the view's own (moved ahead of a pan in idle time, mountedWindow.ts): the view then
 * still has at least one bucket (OVERSCAN_PX / 2) mounted beyond each side. Any further, and
 * the view's own bucket is mounted at once.
 */
export function keptBucket(mounted: number, v: View): number {
  const own = bucketOf(v);
  return Math.abs(mounted - own) <= 1 ? mounted : own;
}

/** How many pan steps ahead the window is mounted (see aheadBucket). */
export const AHEAD_STEPS = 2;

/**
 * The bucket to mount ahead of a pan moving `step` frames per view change: the one the view
 * will start in AHEAD_STEPS steps from now, kept within one bucket of the view's own (see
 * keptBucket). Two steps, so one idle period missed under load still finds the next one in
 * time; not more, so that reversing a pan of up to a third of a bucket per step stays within
 * the kept window (the window is ahead only when the view is within two steps of the next bucket).
 */
export function aheadBucket(v: View, step: number): number {
  const own = bucketOf(v);
  const next = bucketOf({ pxPerFrame: v.pxPerFrame, scrollFrame: v.scrollFrame + step * AHEAD_STEPS });
  return Math.max(own - 1, Math.min(own + 1, next));
}

/** The scrolled group's x: content x = frame * pxPerFrame, shifted left by the scroll, in whole px. */
export function scrollX(v: View): number {
  return -Math.round(v.scrollFrame * v.pxPerFrame);
}
