/** Pure editor operations of shared/model/timeline.ts: split math, many-shot moves, paste blocks, continuity seek. */
import { describe, expect, it } from 'vitest';
import {
  insertBlock,
  lastShownFrameSeekSec,
  planSplit,
  reorderMany,
  resolveTrim,
} from '../../../shared/model/timeline.js';

const shot = (trimInFrames: number, trimOutFrames: number | null, durationFrames = 48) => ({
  trimInFrames,
  trimOutFrames,
  durationFrames,
});

describe('planSplit', () => {
  it('cuts a trimmed take relative to the shot start: in..in+at and in+at..out', () => {
    expect(planSplit(shot(10, 40), 100, 12)).toEqual({
      kind: 'take',
      first: { inFrames: 10, outFrames: 22 },
      second: { inFrames: 22, outFrames: 40 },
    });
  });

  it('keeps an open out point open on the second half', () => {
    expect(planSplit(shot(5, null), 30, 1)).toEqual({
      kind: 'take',
      first: { inFrames: 5, outFrames: 6 },
      second: { inFrames: 6, outFrames: null },
    });
  });

  it('measures against the media when a saved out point is past its end', () => {
    // out 80 on a 50-frame take plays 20..50: 30 frames, so 29 is the last valid split point.
    expect(planSplit(shot(20, 80), 50, 29)).toMatchObject({
      first: { inFrames: 20, outFrames: 49 },
      second: { inFrames: 49, outFrames: 50 },
    });
    expect(planSplit(shot(20, 80), 50, 30)).toBeNull();
  });

  it('divides the target duration of a shot without a take', () => {
    expect(planSplit(shot(0, null, 96), null, 40)).toEqual({ kind: 'duration', firstFrames: 40, secondFrames: 56 });
  });

  it('refuses split points on or outside the shot edges', () => {
    for (const at of [0, -1, 48, 49, 1.5]) expect(planSplit(shot(0, null, 48), null, at)).toBeNull();
    for (const at of [0, 30, 31]) expect(planSplit(shot(10, 40), 100, at)).toBeNull();
  });
});

describe('reorderMany', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('moves a scattered selection as a block in timeline order, whatever order it was given in', () => {
    expect(reorderMany(ids, ['e', 'b'], 0)).toEqual(['b', 'e', 'a', 'c', 'd', 'f']);
    expect(reorderMany(ids, ['b', 'e'], 2)).toEqual(['a', 'c', 'b', 'e', 'd', 'f']);
  });

  it('clamps the target to the end and rejects unknown ids', () => {
    expect(reorderMany(ids, ['a', 'c'], 99)).toEqual(['b', 'd', 'e', 'f', 'a', 'c']);
    expect(reorderMany(ids, ['a', 'zz'], 1)).toBeNull();
  });
});

describe('insertBlock', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('inserts copies right after the last selected shot by default', () => {
    expect(insertBlock(ids, ['x', 'y'], ['c', 'a'])).toEqual(['a', 'b', 'c', 'x', 'y', 'd']);
  });

  it('inserts at toIndex when given (paste at the playhead)', () => {
    expect(insertBlock(ids, ['x'], ['d'], 1)).toEqual(['a', 'x', 'b', 'c', 'd']);
    expect(insertBlock(ids, ['x'], ['a'], 50)).toEqual(['a', 'b', 'c', 'd', 'x']);
  });
});

describe('lastShownFrameSeekSec', () => {
  const p24 = { num: 24, den: 1 };
  const m8 = { num: 8, den: 1 };

  it("is 'last' when the shot plays to the end of its media", () => {
    expect(lastShownFrameSeekSec(resolveTrim({ trimInFrames: 0, trimOutFrames: null }, 147), 147, p24, m8)).toBe(
      'last',
    );
  });

  it('lands a quarter frame before the media frame shown at out-1', () => {
    // Project 8 fps on an 8 fps take, out 20: the last frame shown is media frame 19 (2.375 s).
    expect(lastShownFrameSeekSec(resolveTrim({ trimInFrames: 0, trimOutFrames: 20 }, 49), 49, m8, m8)).toBeCloseTo(
      (19 - 0.25) / 8,
      9,
    );
    // Project 24 fps on an 8 fps take, out 60: frame 59 is at 2.4583 s, inside media frame 19.
    expect(lastShownFrameSeekSec(resolveTrim({ trimInFrames: 0, trimOutFrames: 60 }, 147), 147, p24, m8)).toBeCloseTo(
      (19 - 0.25) / 8,
      9,
    );
  });

  it('uses the project rate when the media rate is unknown', () => {
    expect(lastShownFrameSeekSec(resolveTrim({ trimInFrames: 0, trimOutFrames: 24 }, 100), 100, p24, null)).toBeCloseTo(
      22.75 / 24,
      9,
    );
  });
});
