import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/model/entities';
import {
  cutLength,
  frameAtMediaTime,
  guideRect,
  locate,
  mediaTime,
  playSegments,
  timecode,
} from '../../../../renderer/src/player/cutPosition';
import { makeShot, makeSnapshot, makeTake } from '../fixtures';
import { videoAsset } from '../../../helpers/mediaInfo';

const fps = { num: 24, den: 1 };

function asset(id: string, durationSec: number, hasAudio = false): Asset {
  return videoAsset(id, { container: 'mp4', durationSec, fps, hasAudio }, { origin: 'generated' });
}

/** a: 48 frames without a take; b: take of 5 s trimmed to 24..72; c: take of 2 s untrimmed. */
function doc() {
  const tb = makeTake('tb', 'b');
  const tc = makeTake('tc', 'c');
  return makeSnapshot(
    [
      makeShot('a', { durationFrames: 48 }),
      makeShot('b', { selectedTakeId: 'tb', trimInFrames: 24, trimOutFrames: 72 }),
      makeShot('c', { selectedTakeId: 'tc' }),
    ],
    { takes: [tb, tc], assets: [asset(tb.assetId, 5, true), asset(tc.assetId, 2)] },
  );
}

describe('the cut as the player sees it', () => {
  it('lays shots end to end through their trims', () => {
    const segs = playSegments(doc());
    expect(segs.map((s) => [s.shotId, s.startFrame, s.frames, s.inFrames, s.mediaPath])).toEqual([
      ['a', 0, 48, 0, null],
      ['b', 48, 48, 24, 'media/a-tb.mp4'],
      ['c', 96, 48, 0, 'media/a-tc.mp4'],
    ]);
    expect(cutLength(segs)).toBe(144);
    expect(segs[1]!.hasAudio).toBe(true);
  });

  it('finds the shot and offset at any frame, and nothing outside the cut', () => {
    const segs = playSegments(doc());
    expect(locate(segs, 0)).toMatchObject({ index: 0, offset: 0 });
    expect(locate(segs, 47)).toMatchObject({ index: 0, offset: 47 });
    expect(locate(segs, 48)).toMatchObject({ index: 1, offset: 0 });
    expect(locate(segs, 143)).toMatchObject({ index: 2, offset: 47 });
    expect(locate(segs, 144)).toBeNull();
    expect(locate(segs, -1)).toBeNull();
    expect(locate([], 0)).toBeNull();
  });

  it('maps timeline frames to media time through the trim and back', () => {
    const b = playSegments(doc())[1]!;
    // Frame 48 is the trim in point, 24 frames (1 s) into the take; aim at the frame's middle.
    expect(mediaTime(b, 0, fps)).toBeCloseTo((24 + 0.5) / 24);
    expect(frameAtMediaTime(b, mediaTime(b, 10, fps), fps)).toBe(58);
    // Media before the in point or past the out point stays inside the shot.
    expect(frameAtMediaTime(b, 0, fps)).toBe(48);
    expect(frameAtMediaTime(b, 4.9, fps)).toBe(96);
  });
});

describe('safe-area guides and timecode', () => {
  it('centres the largest rectangle of the aspect inside the frame', () => {
    expect(guideRect(1920, 1080, '9:16')).toEqual({ x: (1920 - 607.5) / 2, y: 0, w: 607.5, h: 1080 });
    expect(guideRect(1920, 1080, '1:1')).toEqual({ x: 420, y: 0, w: 1080, h: 1080 });
    const r = guideRect(1080, 1920, '4:5');
    expect(r.w).toBe(1080);
    expect(r.h).toBeCloseTo(1350);
    expect(r.y).toBeCloseTo(285);
  });
  it('formats hh:mm:ss:ff', () => {
    expect(timecode(0, fps)).toBe('00:00:00:00');
    expect(timecode(24 * 61 + 5, fps)).toBe('00:01:01:05');
    expect(timecode(30, { num: 30000, den: 1001 })).toBe('00:00:01:00');
  });
});
