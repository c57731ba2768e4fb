/**
 * The viewer places each shot's picture with the export's geometry: the box of a segment is
 * frameGeometry's rectangle as percentages of the canvas, for the shot's framing in the
 * project's aspect (the framing of another aspect is ignored).
 */
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/model/entities';
import { playSegments } from '../../../../renderer/src/player/cutPosition';
import { placeVideo } from '../../../../renderer/src/player/framingBox';
import { makeShot, makeSnapshot, makeTake } from '../fixtures';
import { videoAsset } from '../../../helpers/mediaInfo';

function clip(id: string): Asset {
  return videoAsset(id, { container: 'mp4', durationSec: 2 });
}

function vertical(framing?: NonNullable<Parameters<typeof makeShot>[1]>['framing']) {
  const take = makeTake('t1', 'horse');
  const doc = makeSnapshot(
    [makeShot('horse', { selectedTakeId: 't1', ...(framing ? { framing } : {}) }), makeShot('text')],
    { takes: [take], assets: [clip(take.assetId)] },
  );
  return { ...doc, project: { ...doc.project, aspect: '9:16' as const, width: 720, height: 1280 } };
}

describe('viewer framing boxes', () => {
  it('letterboxes a 3:2 clip in 9:16 by default, as the export pads it (400 px bars of 1280)', () => {
    const [horse, text] = playSegments(vertical());
    expect(horse!.box).toEqual({ left: 0, top: 31.25, width: 100, height: 37.5 });
    expect(text!.box).toBeNull();
  });

  it("uses the shot's framing for the project's aspect only", () => {
    const [horse] = playSegments(
      vertical({ '9:16': { mode: 'fill', x: 0, y: 0.5 }, '16:9': { mode: 'fit', x: 1, y: 1 } }),
    );
    // 1920x1280 covering 720x1280, left edge kept.
    expect(horse!.box).toEqual({ left: 0, top: 0, width: (1920 / 720) * 100, height: 100 });
    const [right] = playSegments(vertical({ '9:16': { mode: 'fill', x: 1, y: 0.5 } }));
    expect(right!.box!.left).toBeCloseTo((-1200 / 720) * 100, 10);
  });

  it('places a <video> at the box (and fills the stage without one)', () => {
    // Unit tests run without a DOM: placeVideo only writes the element's style.
    const v = { style: {} as Record<string, string> } as unknown as HTMLVideoElement;
    placeVideo(v, { left: -50, top: 0, width: 200, height: 100 });
    expect([v.style.left, v.style.top, v.style.width, v.style.height]).toEqual(['-50%', '0%', '200%', '100%']);
    placeVideo(v, null);
    expect([v.style.left, v.style.width]).toEqual(['0%', '100%']);
  });
});
