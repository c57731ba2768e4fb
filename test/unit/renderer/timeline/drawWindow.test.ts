/**
 * The canvas's mounted range (drawWindow.ts): panning inside a bucket changes nothing React
 * renders, and the visible frames are always mounted with overscan to spare.
 */
import { describe, expect, it } from 'vitest';
import { drawWindow, OVERSCAN_PX, scrollX } from '../../../../renderer/src/timeline/drawWindow.js';
import { frameToX } from '../../../../renderer/src/timeline/geometry.js';
import { visibleHandles } from '../../../../renderer/src/timeline/TransitionHandles.js';

const W = 1312;

describe('drawWindow', () => {
  it('always holds the visible frames plus the overscan each side, at any zoom and scroll', () => {
    for (const pxPerFrame of [0.05, 0.5, 1.7, 6, 48]) {
      for (let scrollFrame = 0; scrollFrame < 5000; scrollFrame += 37.3) {
        const w = drawWindow({ pxPerFrame, scrollFrame }, W);
        const margin = OVERSCAN_PX / pxPerFrame;
        expect(w.lo).toBeLessThanOrEqual(scrollFrame - margin + 1e-9);
        expect(w.hi).toBeGreaterThanOrEqual(scrollFrame + W / pxPerFrame + margin - 1e-9);
        // And never more than one bucket (half the overscan) beyond that.
        expect(scrollFrame - w.lo).toBeLessThanOrEqual((OVERSCAN_PX * 1.5) / pxPerFrame + 1e-9);
        expect(w.hi - scrollFrame - W / pxPerFrame).toBeLessThanOrEqual((OVERSCAN_PX * 2) / pxPerFrame + 1e-9);
      }
    }
  });

  it('changes once per half-overscan of panning, not per step (a pan re-renders no layer in between)', () => {
    const pxPerFrame = 0.5;
    let changes = 0;
    let last = drawWindow({ pxPerFrame, scrollFrame: 4000 }, W);
    // 120 steps of 5 px: 600 px of panning.
    for (let i = 1; i <= 120; i++) {
      const w = drawWindow({ pxPerFrame, scrollFrame: 4000 + (i * 5) / pxPerFrame }, W);
      if (w.lo !== last.lo || w.hi !== last.hi) changes++;
      last = w;
    }
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThanOrEqual(Math.ceil(600 / (OVERSCAN_PX / 2)) + 1);
  });

  it('puts content x = frame * pxPerFrame where frameToX says, to the pixel', () => {
    for (const v of [
      { pxPerFrame: 0.5, scrollFrame: 4000.3 },
      { pxPerFrame: 2.7, scrollFrame: 13.9 },
    ]) {
      for (const frame of [0, 17, 4100, 5000]) {
        expect(Math.abs(frame * v.pxPerFrame + scrollX(v) - frameToX(frame, v))).toBeLessThanOrEqual(0.5);
      }
    }
  });
});

describe('transition handles in the mounted range', () => {
  // 100 cuts of 48 frames, no overlap.
  const cut = Array.from({ length: 100 }, (_, i) => ({ startFrame: i * 48, overlap: 0 }));

  it('places handles at content x and leaves out cuts outside the range', () => {
    const hs = visibleHandles(cut, 2, { lo: 480, hi: 960 });
    expect(hs.map((h) => h.i)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(hs[0]?.x).toBe(960);
  });

  it('thins handles closer than 20 px, the same way wherever the view is inside the range', () => {
    // 48 frames at 0.25 px/frame: 12 px apart, so every other handle.
    const hs = visibleHandles(cut, 0.25, { lo: 0, hi: 4800 });
    expect(hs.map((h) => h.i).slice(0, 4)).toEqual([1, 3, 5, 7]);
  });
});
