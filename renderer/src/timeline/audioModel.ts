/**
 * The audio lanes' derived layout of a snapshot (memoised per snapshot object) and their hit
 * test. Pure: no React, Konva or store imports, so the driver and unit tests use it directly.
 */
import type { Asset, AudioItem, ProjectSnapshot } from '../../../shared/model/entities';
import { takeFrames } from '../../../shared/model/timeline';
import { frameToX, LAYOUT, type View } from './geometry';

export type AudioLane = AudioItem['lane'];

/** One audio item where it sits: `start` and `frames` on the timeline, in/out in the file. */
export interface AudioBox {
  id: string;
  lane: AudioLane;
  start: number;
  frames: number;
  inFrame: number;
  /** Resolved out point (the media's end when the item stores null). */
  outFrame: number;
  storedOut: number | null;
  /** Frames of the whole file at the project rate: the bound of every trim. */
  mediaFrames: number;
  assetId: string;
  name: string;
  gainDb: number;
}

const cache = new WeakMap<ProjectSnapshot, AudioBox[]>();

export function laneIndex(lane: AudioLane): number {
  return (LAYOUT.audioLanes as readonly string[]).indexOf(lane);
}

/** Top of an item's box on its lane (content coordinates), and its height. */
export function laneTop(lane: AudioLane): number {
  return LAYOUT.audioTop + Math.max(0, laneIndex(lane)) * LAYOUT.audioLaneHeight + 2;
}
export const AUDIO_BOX_H = LAYOUT.audioLaneHeight - 8;

export function audioBox(item: AudioItem, asset: Asset | undefined, snapshot: ProjectSnapshot): AudioBox {
  const mediaFrames = asset
    ? Math.max(1, takeFrames(asset, snapshot.project.fps))
    : Math.max(1, item.outFrame ?? item.inFrame + 1);
  const outFrame = Math.min(mediaFrames, Math.max(item.inFrame + 1, item.outFrame ?? mediaFrames));
  return {
    id: item.id,
    lane: item.lane,
    start: item.startFrame,
    frames: outFrame - item.inFrame,
    inFrame: item.inFrame,
    outFrame,
    storedOut: item.outFrame,
    mediaFrames,
    assetId: item.assetId,
    name: asset?.originalName ?? item.assetId,
    gainDb: item.gainDb,
  };
}

export function audioModel(snapshot: ProjectSnapshot | null): AudioBox[] {
  if (!snapshot) return [];
  let boxes = cache.get(snapshot);
  if (!boxes) {
    const assets = new Map(snapshot.assets.map((a) => [a.id, a]));
    boxes = (snapshot.audioItems ?? []).map((item) => audioBox(item, assets.get(item.assetId), snapshot));
    cache.set(snapshot, boxes);
  }
  return boxes;
}

export type AudioZone = 'body' | 'trim-in' | 'trim-out';

/** The audio item under a point and which part of it (edges within handlePx are trim handles). */
export function hitAudio(
  boxes: readonly AudioBox[],
  x: number,
  y: number,
  v: View,
): { box: AudioBox; zone: AudioZone } | null {
  // Last drawn is on top: search from the end.
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i] as AudioBox;
    const top = laneTop(b.lane);
    if (y < top || y > top + AUDIO_BOX_H) continue;
    const left = frameToX(b.start, v);
    const right = frameToX(b.start + b.frames, v);
    if (x < left || x > right) continue;
    const handle = Math.min(LAYOUT.handlePx, (right - left) / 3);
    if (x - left <= handle) return { box: b, zone: 'trim-in' };
    if (right - x <= handle) return { box: b, zone: 'trim-out' };
    return { box: b, zone: 'body' };
  }
  return null;
}

/** Peaks asked per item: a power of two near one per 2 px of the whole file, so a zoom step reuses them. */
export function waveformBuckets(mediaFrames: number, pxPerFrame: number): number {
  const want = (mediaFrames * pxPerFrame) / 2;
  return Math.min(2048, Math.max(32, 2 ** Math.ceil(Math.log2(Math.max(1, want)))));
}
