import { describe, expect, it } from 'vitest';
import { clipAtFrame, clipBoxes, cullClips } from '../../../../renderer/src/timeline/geometry.js';
import { timelineModel } from '../../../../renderer/src/timeline/model.js';
import { cutList, totalFrames } from '../../../../shared/model/timeline.js';
import { makeShot, makeSnapshot } from '../fixtures.js';

/** a 48, b 48 crossfading in over 12, c 48 cut. */
function snap() {
  return makeSnapshot([
    makeShot('a', { durationFrames: 48 }),
    makeShot('b', { durationFrames: 48, transitionIn: { kind: 'crossfade', frames: 12 } }),
    makeShot('c', { durationFrames: 48 }),
  ]);
}

describe('timeline geometry with transitions', () => {
  it('places clips where the cut model starts them and ends where the export does', () => {
    const boxes = clipBoxes(cutList(snap()));
    expect(boxes.map((b) => [b.start, b.frames])).toEqual([
      [0, 48],
      [36, 48],
      [84, 48],
    ]);
    const model = timelineModel(snap());
    expect(model.total).toBe(totalFrames(snap()));
    expect(model.total).toBe(132);
  });

  it('culls and hits overlapping clips: both in the overlap, the incoming one on top', () => {
    const boxes = clipBoxes(cutList(snap()));
    expect(cullClips(boxes, { start: 40, end: 41 }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(cullClips(boxes, { start: 50, end: 90 }).map((c) => c.id)).toEqual(['b', 'c']);
    expect(clipAtFrame(boxes, 40)?.id).toBe('b');
    expect(clipAtFrame(boxes, 35)?.id).toBe('a');
    expect(clipAtFrame(boxes, 84)?.id).toBe('c');
  });
});
