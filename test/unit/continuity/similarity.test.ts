import { describe, expect, test } from 'vitest';
import type { RgbImage } from '../../../shared/continuity/image.js';
import { grayArea, searchWindows } from '../../../shared/continuity/image.js';
import {
  colourHistogram,
  frameSignatures,
  histogramIntersection,
  rawImageSimilarity,
  referenceSignature,
} from '../../../shared/continuity/similarity.js';

/** A w x h picture painted by `paint(x, y) -> [r, g, b]`. */
function picture(w: number, h: number, paint: (x: number, y: number) => [number, number, number]): RgbImage {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = paint(x, y);
      data.set([r, g, b], (y * w + x) * 3);
    }
  return { width: w, height: h, data };
}

const redDisc = (w: number, h: number, cx: number, cy: number, rad: number, bg: [number, number, number]) =>
  picture(w, h, (x, y) => ((x - cx) ** 2 + (y - cy) ** 2 < rad * rad ? [220, 30, 30] : bg));

describe('image similarity', () => {
  test('a box-filtered grey of a flat picture keeps its level', () => {
    const g = grayArea(
      picture(10, 10, () => [100, 100, 100]),
      { x: 0, y: 0, width: 10, height: 10 },
      4,
      4,
    );
    expect([...g.data].every((v) => Math.abs(v - 100) < 1e-3)).toBe(true);
  });

  test('colour histograms: the same colours intersect fully, disjoint ones not at all', () => {
    const red = picture(20, 20, () => [220, 30, 30]);
    const blue = picture(20, 20, () => [30, 30, 220]);
    const whole = { x: 0, y: 0, width: 20, height: 20 };
    expect(histogramIntersection(colourHistogram(red, whole), colourHistogram(red, whole))).toBeCloseTo(1);
    expect(histogramIntersection(colourHistogram(red, whole), colourHistogram(blue, whole))).toBe(0);
  });

  test('search windows cover the whole frame, corners and centre', () => {
    const w = searchWindows({ width: 300, height: 150 });
    expect(w[0]).toEqual({ x: 0, y: 0, width: 300, height: 150 });
    expect(w).toHaveLength(10);
    for (const r of w) {
      expect(r.x + r.width).toBeLessThanOrEqual(300);
      expect(r.y + r.height).toBeLessThanOrEqual(150);
    }
  });

  test('the same object in a corner of a wider shot beats another object in the middle', () => {
    const ref = redDisc(96, 96, 48, 48, 30, [240, 240, 240]);
    const sameSmaller = redDisc(192, 192, 48, 48, 30, [240, 240, 240]);
    const other = picture(192, 108, (x, y) =>
      Math.abs(x - 96) < 30 && Math.abs(y - 54) < 30 ? [30, 160, 40] : [240, 240, 240],
    );
    const sig = referenceSignature(ref);
    const same = rawImageSimilarity(sig, frameSignatures(sameSmaller));
    const diff = rawImageSimilarity(sig, frameSignatures(other));
    expect(same).toBeGreaterThan(diff + 0.2);
    expect(rawImageSimilarity(sig, frameSignatures(ref))).toBeCloseTo(1, 1);
  });

  test('a picture with the wrong byte count is refused', () => {
    expect(() => referenceSignature({ width: 4, height: 4, data: new Uint8Array(10) })).toThrow(/needs 48 bytes/);
  });
});
