import { describe, expect, it } from 'vitest';
import {
  clampScroll,
  clipsInRect,
  cullClips,
  fitView,
  frameToX,
  hitTest,
  LAYOUT,
  MAX_PX_PER_FRAME,
  snapFrame,
  snapTargets,
  visibleRange,
  xToFrame,
  zoomAround,
  type ClipBox,
} from '../../../../renderer/src/timeline/geometry.js';
import { rulerTicks, tickStep } from '../../../../renderer/src/timeline/ruler.js';

const fps24 = { num: 24, den: 1 };
/** n clips of `frames` each, butted. */
const clips = (n: number, frames = 48): ClipBox[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, index: i, start: i * frames, frames }));

describe('px <-> frame', () => {
  it('round-trips at any zoom and scroll', () => {
    const v = { pxPerFrame: 3.5, scrollFrame: 120.25 };
    expect(frameToX(120.25, v)).toBe(0);
    expect(frameToX(130.25, v)).toBe(35);
    expect(xToFrame(frameToX(777, v), v)).toBeCloseTo(777, 9);
  });

  it('zooming around an anchor keeps it under the same x', () => {
    const v = { pxPerFrame: 2, scrollFrame: 100 };
    const z = zoomAround(v, 2.5, 300);
    expect(z.pxPerFrame).toBe(5);
    expect(frameToX(300, z)).toBeCloseTo(frameToX(300, v), 9);
    expect(zoomAround(v, 1e9, 300).pxPerFrame).toBe(MAX_PX_PER_FRAME);
  });

  it('fits the film in the width and clamps scroll', () => {
    const v = fitView(24 * 60 * 20, 1000);
    expect(24 * 60 * 20 * v.pxPerFrame).toBeLessThanOrEqual(1000);
    expect(24 * 60 * 20 * v.pxPerFrame).toBeGreaterThan(900);
    expect(clampScroll(-50, { pxPerFrame: 1 }, 100, 1000)).toBe(0);
    expect(clampScroll(5000, { pxPerFrame: 1 }, 100, 1000)).toBe(950);
  });
});

describe('culling', () => {
  it('returns exactly the clips intersecting the visible range', () => {
    const all = clips(500);
    const v = { pxPerFrame: 2, scrollFrame: 48 * 100 + 10 };
    const got = cullClips(all, visibleRange(v, 960)).map((c) => c.index);
    const want = all
      .filter((c) => c.start < v.scrollFrame + 480 && c.start + c.frames > v.scrollFrame)
      .map((c) => c.index);
    expect(got).toEqual(want);
    expect(got).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110]);
  });

  it('handles the ends and uneven lengths', () => {
    const uneven: ClipBox[] = [
      { id: 'a', index: 0, start: 0, frames: 5 },
      { id: 'b', index: 1, start: 5, frames: 500 },
      { id: 'c', index: 2, start: 505, frames: 1 },
    ];
    expect(cullClips(uneven, { start: 100, end: 200 }).map((c) => c.id)).toEqual(['b']);
    expect(cullClips(uneven, { start: 505, end: 506 }).map((c) => c.id)).toEqual(['c']);
    expect(cullClips(uneven, { start: 506, end: 900 })).toEqual([]);
    expect(cullClips([], { start: 0, end: 10 })).toEqual([]);
  });

  it('a marquee picks clips by x on the shot lane only', () => {
    const v = { pxPerFrame: 1, scrollFrame: 0 };
    const y = LAYOUT.shotTop + 10;
    expect(clipsInRect(clips(4), { x: 50, y, width: 60, height: 5 }, v)).toEqual(['s1', 's2']);
    expect(clipsInRect(clips(4), { x: 50, y: LAYOUT.audioTop + 5, width: 60, height: 5 }, v)).toEqual([]);
  });
});

describe('snapping', () => {
  const targets = snapTargets(clips(3), 70, new Set(['s1']));

  it('lists the playhead and edges not being dragged', () => {
    expect(targets).toEqual([
      { frame: 70, kind: 'playhead' },
      { frame: 0, kind: 'edge' },
      { frame: 48, kind: 'edge' },
      { frame: 96, kind: 'edge' },
      { frame: 144, kind: 'edge' },
    ]);
  });

  it('snaps within the pixel threshold at any zoom, to the nearest target', () => {
    expect(snapFrame(67, targets, 8, 2)).toEqual({ frame: 70, target: { frame: 70, kind: 'playhead' } });
    expect(snapFrame(66, targets, 8, 2)).toEqual({ frame: 66, target: null });
    // 4 frames is 8 px at 2 px per frame, but only 4 px zoomed out to 1 px per frame.
    expect(snapFrame(66, targets, 8, 1).frame).toBe(70);
    expect(snapFrame(50, targets, 8, 2).frame).toBe(48);
  });
});

describe('ruler', () => {
  it('picks a nice step at least 90 px apart', () => {
    expect(tickStep(48, fps24)).toBe(2);
    expect(tickStep(2, fps24)).toBe(48);
    expect(tickStep(0.05, fps24)).toBe(24 * 120);
  });

  it('labels majors with timecode', () => {
    const ticks = rulerTicks({ pxPerFrame: 2, scrollFrame: 0 }, 200, fps24);
    const majors = ticks.filter((t) => t.major).map((t) => t.label);
    expect(majors).toEqual(['00:00:00:00', '00:00:02:00', '00:00:04:00']);
    expect(ticks.filter((t) => !t.major).every((t) => t.label === null)).toBe(true);
  });
});

describe('hit testing', () => {
  const v = { pxPerFrame: 2, scrollFrame: 0 };
  const y = LAYOUT.shotTop + 20;
  it('finds the ruler, trim handles, clip bodies and empty lane', () => {
    expect(hitTest(clips(2), 10, 5, v, () => true).zone).toBe('ruler');
    expect(hitTest(clips(2), 2, y, v, () => true)).toMatchObject({ zone: 'trim-in', clip: { id: 's0' } });
    expect(hitTest(clips(2), 94, y, v, () => true)).toMatchObject({ zone: 'trim-out', clip: { id: 's0' } });
    expect(hitTest(clips(2), 94, y, v, () => false)).toMatchObject({ zone: 'clip', clip: { id: 's0' } });
    expect(hitTest(clips(2), 500, y, v, () => true).zone).toBe('lane');
  });
});

describe('filmstrip tiles', () => {
  it('finds a tile in a one-row sprite and in a wrapped one', async () => {
    const { tileCrop } = await import('../../../../renderer/src/timeline/filmstrip.js');
    const strip = { path: '/s.jpg', count: 12, tileWidth: 93, tileHeight: 62, times: [] };
    expect(tileCrop(strip, 93 * 12, 5)).toEqual({ x: 465, y: 0, width: 93, height: 62 });
    expect(tileCrop(strip, 93 * 4, 5)).toEqual({ x: 93, y: 62, width: 93, height: 62 });
    expect(tileCrop(strip, 93 * 12, 99)).toEqual({ x: 93 * 11, y: 0, width: 93, height: 62 });
  });
});
