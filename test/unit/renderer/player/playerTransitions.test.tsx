import { describe, expect, it } from 'vitest';
import { cutList } from '../../../../shared/model/timeline';
import {
  cutLength,
  locate,
  playSegments,
  transitionAt,
  transitionOpacity,
  transitionVolume,
} from '../../../../renderer/src/player/cutPosition';
import { makeShot, makeSnapshot } from '../fixtures';

/** a 48, b 48 crossfading in over 12, c 24 dipping in over 8 (all without takes: target durations). */
function doc() {
  return makeSnapshot([
    makeShot('a', { durationFrames: 48 }),
    makeShot('b', { durationFrames: 48, transitionIn: { kind: 'crossfade', frames: 12 } }),
    makeShot('c', { durationFrames: 24, transitionIn: { kind: 'dip_to_black', frames: 8 } }),
  ]);
}

describe('the player follows the one cut model with transitions', () => {
  it('starts shots where cutList does and has the same length as the export', () => {
    const segs = playSegments(doc());
    expect(segs.map((s) => [s.startFrame, s.overlap, s.transition])).toEqual([
      [0, 0, 'cut'],
      [36, 12, 'crossfade'],
      [76, 8, 'dip_to_black'],
    ]);
    expect(segs.map((s) => s.startFrame)).toEqual(cutList(doc()).map((c) => c.startFrame));
    expect(cutLength(segs)).toBe(48 + 48 + 24 - 20);
  });

  it('plays the outgoing shot through the overlap, then the incoming one', () => {
    const segs = playSegments(doc());
    expect(locate(segs, 35)).toMatchObject({ index: 0, offset: 35 });
    expect(locate(segs, 36)).toMatchObject({ index: 0, offset: 36 });
    expect(locate(segs, 47)).toMatchObject({ index: 0, offset: 47 });
    expect(locate(segs, 48)).toMatchObject({ index: 1, offset: 12 });
    expect(locate(segs, 80)).toMatchObject({ index: 1, offset: 44 });
    expect(locate(segs, 84)).toMatchObject({ index: 2, offset: 8 });
    expect(locate(segs, 100)).toBeNull();
  });

  it("reports the transition under a frame with the export's progress (k/n)", () => {
    const segs = playSegments(doc());
    expect(transitionAt(segs, 35)).toBeNull();
    expect(transitionAt(segs, 36)).toEqual({ index: 1, kind: 'crossfade', offset: 0, progress: 0 });
    expect(transitionAt(segs, 42)).toEqual({ index: 1, kind: 'crossfade', offset: 6, progress: 0.5 });
    expect(transitionAt(segs, 48)).toBeNull();
    expect(transitionAt(segs, 78)).toEqual({ index: 2, kind: 'dip_to_black', offset: 2, progress: 0.25 });
  });

  it('blends a crossfade and dips through black', () => {
    expect(transitionOpacity('crossfade', 0.25)).toEqual({ from: 1, to: 0.25 });
    expect(transitionOpacity('dip_to_black', 0.25)).toEqual({ from: 0.5, to: 0 });
    expect(transitionOpacity('dip_to_black', 0.5)).toEqual({ from: 0, to: 0 });
    expect(transitionOpacity('dip_to_black', 0.75)).toEqual({ from: 0, to: 0.5 });
    expect(transitionOpacity('crossfade', 2)).toEqual({ from: 1, to: 1 });
  });

  it('crossfades the sound of a dissolve; the sound of a dip follows its picture', () => {
    expect(transitionVolume('crossfade', 0.25)).toEqual({ from: 0.75, to: 0.25 });
    expect(transitionVolume('dip_to_black', 0.25)).toEqual({ from: 0.5, to: 0 });
    expect(transitionVolume('dip_to_black', 0.75)).toEqual({ from: 0, to: 0.5 });
  });
});
