/**
 * A shot clip's parts per width (clipLayout.ts): a zoom gesture re-renders a clip only when a
 * part appears or goes, and the parts match the selection layer's number badge.
 */
import { describe, expect, it } from 'vitest';
import { clipParts, clipTier } from '../../../../renderer/src/timeline/clipLayout.js';
import { clipPixels, numberBadge } from '../../../../renderer/src/timeline/geometry.js';

describe('clipLayout', () => {
  it('a zoom sweep re-renders a clip a handful of times while its size changes every step', () => {
    for (const frames of [48, 96, 144]) {
      let ppf = 0.05;
      let tiers = 0;
      let sizes = 0;
      let lastTier = '';
      let lastWidth = -1;
      for (let step = 0; step < 120; step++) {
        ppf *= 1.06;
        const { width } = clipPixels(1000, frames, 0, ppf);
        const tier = clipTier(width, '257', frames * ppf);
        if (tier !== lastTier) tiers++;
        if (width !== lastWidth) sizes++;
        lastTier = tier;
        lastWidth = width;
      }
      // plain -> +number -> +film -> +text -> +badge -> huge; both edges are rounded to whole
      // px, so the width may step back by 1 px at a threshold (a part can flicker once each).
      expect(tiers).toBeLessThanOrEqual(12);
      expect(sizes).toBeGreaterThan(60);
    }
  });

  it('shows the number exactly where the selection layer draws its badge', () => {
    for (const n of ['7', '42', '257', '1000']) {
      for (let width = 1; width < 200; width++) {
        const p = clipParts(width, n);
        expect(!p.plain && p.showNumber).toBe(numberBadge(Number(n), width) !== null);
      }
    }
  });

  it('places the title, duration and status from the width', () => {
    const p = clipParts(200, '12');
    expect(p).toMatchObject({ plain: false, showText: true, showNumber: true, showBadge: true });
    expect(p.titleW).toBe(148);
    expect(p.secondsX).toBe(154);
    expect(p.badgeX).toBe(28);
    expect(p.badgeBoxW).toBe(92);
    expect(p.badgeTextW).toBe(84);
    expect(clipParts(50, '12')).toMatchObject({ showText: false, showBadge: false });
    expect(clipParts(11, '12').plain).toBe(true);
  });
});
