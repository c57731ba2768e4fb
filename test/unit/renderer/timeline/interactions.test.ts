import { describe, expect, it } from 'vitest';
import { nextSelection } from '../../../../renderer/src/store/selection.js';
import type { ClipBox } from '../../../../renderer/src/timeline/geometry.js';
import { applyMove, dropIndexAt, startReorder } from '../../../../renderer/src/timeline/interactions/reorder.js';
import { startScrub } from '../../../../renderer/src/timeline/interactions/scrub.js';
import { startTrim, trimFor } from '../../../../renderer/src/timeline/interactions/trim.js';

const clips: ClipBox[] = ['a', 'b', 'c', 'd'].map((id, index) => ({ id, index, start: index * 10, frames: 10 }));
const ctx = { clips, view: { pxPerFrame: 1, scrollFrame: 0 }, playhead: 1000 };

describe('reorder', () => {
  it('computes from the total delta, not increments', () => {
    const g = startReorder(ctx, clips[0] as ClipBox, [], { x: 5, y: 0 });
    g.move({ x: 6, y: 0, alt: true });
    g.move({ x: 7, y: 0, alt: true });
    expect(g.move({ x: 30, y: 0, alt: true }).offsetFrames).toBe(25);
    expect(g.move({ x: 5, y: 0, alt: true }).offsetFrames).toBe(0);
  });

  it('drops after clips whose middle the pointer passed', () => {
    expect(dropIndexAt(clips, 4)).toBe(0);
    expect(dropIndexAt(clips, 15)).toBe(2);
    expect(dropIndexAt(clips, 999)).toBe(4);
    expect(applyMove(['a', 'b', 'c', 'd'], ['d', 'a'], 1)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('commits one move intent, or null when the order would not change; cancel resets', () => {
    const g = startReorder(ctx, clips[1] as ClipBox, ['b', 'c'], { x: 15, y: 0 });
    g.move({ x: 38, y: 0, alt: true });
    expect(g.commit()).toEqual({ kind: 'move', shotIds: ['b', 'c'], toIndex: 2 });
    g.cancel();
    expect(g.preview().offsetFrames).toBe(0);
    expect(g.commit()).toBeNull();
  });
});

describe('trim', () => {
  it('clamps to the media and to at least one frame', () => {
    const s = { edge: 'out' as const, inFrames: 10, outFrames: 40, mediaFrames: 50 };
    expect(trimFor(s, 5)).toEqual({ inFrames: 10, outFrames: 45 });
    expect(trimFor(s, 99)).toEqual({ inFrames: 10, outFrames: 50 });
    expect(trimFor(s, -99)).toEqual({ inFrames: 10, outFrames: 11 });
    expect(trimFor({ ...s, edge: 'in' }, -99)).toEqual({ inFrames: 0, outFrames: 40 });
    expect(trimFor({ ...s, edge: 'in' }, 99)).toEqual({ inFrames: 39, outFrames: 40 });
  });

  it('keeps an open out point open when it ends at the media end', () => {
    const g = startTrim(
      ctx,
      { clip: clips[0] as ClipBox, edge: 'in', inFrames: 0, outFrames: 10, mediaFrames: 10, storedOut: null },
      { x: 0, y: 0 },
    );
    g.move({ x: 3, y: 0, alt: true });
    expect(g.preview()).toMatchObject({ start: 3, frames: 7 });
    expect(g.commit()).toEqual({ kind: 'trim', shotId: 'a', inFrames: 3, outFrames: null });
  });
});

describe('scrub and selection', () => {
  it('scrub lands on the frame under the pointer, clamped to the film', () => {
    const g = startScrub({ ...ctx, view: { pxPerFrame: 4, scrollFrame: 0 } }, { x: 11.9, y: 0 }, 40);
    expect(g.frame()).toBe(2);
    expect(g.move({ x: -30, y: 0 })).toBe(0);
    expect(g.move({ x: 9999, y: 0 })).toBe(40);
  });

  it('click modes: replace, toggle, add and Shift ranges from the anchor', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(nextSelection(['a'], 'a', ['c'], 'range', order)).toEqual({ ids: ['a', 'b', 'c'], anchor: 'a' });
    expect(nextSelection(['a', 'b', 'c'], 'a', ['b'], 'toggle', order)).toEqual({ ids: ['a', 'c'], anchor: 'b' });
    expect(nextSelection(['d'], 'd', ['b'], 'add', order).ids).toEqual(['b', 'd']);
    expect(nextSelection(['d'], 'd', ['b'], 'replace', order)).toEqual({ ids: ['b'], anchor: 'b' });
  });
});
