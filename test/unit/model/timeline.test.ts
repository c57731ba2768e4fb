import { describe, expect, it } from 'vitest';
import { cutList, reorder, resolveTrim, totalFrames } from '../../../shared/model/timeline.js';
import type { Asset, ProjectSnapshot, Shot, Take } from '../../../shared/model/entities.js';
import { newProject, newShot, newTake } from '../../../shared/model/factories.js';
import { videoAsset } from '../../helpers/mediaInfo.js';

const fps = { num: 24, den: 1 };
function shot(id: string, position: number, extra: Partial<Shot> = {}): Shot {
  return newShot({ id, position, prompt: id, durationFrames: 48, ...extra });
}
const asset = (id: string, durationSec: number): Asset => videoAsset(id, { container: 'mp4', durationSec });
const take = (id: string, shotId: string, assetId: string): Take => newTake({ id, shotId, assetId });

function doc(
  shots: Shot[],
  takes: Take[],
  assets: Asset[],
): Pick<ProjectSnapshot, 'project' | 'shots' | 'takes' | 'assets'> {
  return {
    project: newProject({ id: 'p', name: 'p', aspect: '16:9', width: 1280, height: 720, fps, createdAt: '' }),
    shots,
    takes,
    assets,
  };
}

describe('resolveTrim', () => {
  it('uses the whole take by default and clamps to the media', () => {
    expect(resolveTrim({ trimInFrames: 0, trimOutFrames: null }, 147)).toEqual({
      inFrames: 0,
      outFrames: 147,
      frames: 147,
    });
    expect(resolveTrim({ trimInFrames: 10, trimOutFrames: 500 }, 147)).toEqual({
      inFrames: 10,
      outFrames: 147,
      frames: 137,
    });
    expect(resolveTrim({ trimInFrames: 400, trimOutFrames: null }, 147).frames).toBe(1);
  });
});

describe('cutList', () => {
  it('orders by position, uses trims, and falls back to the target duration without a take', () => {
    const d = doc(
      [shot('b', 1, { selectedTakeId: 't1', trimInFrames: 12, trimOutFrames: 60 }), shot('a', 0)],
      [take('t1', 'b', 'x')],
      [asset('x', 6.125)],
    );
    const cuts = cutList(d);
    expect(cuts.map((c) => c.shot.id)).toEqual(['a', 'b']);
    expect(cuts.map((c) => c.frames)).toEqual([48, 48]);
    expect(cuts[1]?.startFrame).toBe(48);
    expect(totalFrames(d)).toBe(96);
  });
});

describe('reorder', () => {
  it('moves an id and clamps the index', () => {
    expect(reorder(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(reorder(['a', 'b', 'c'], 'c', -5)).toEqual(['c', 'a', 'b']);
    expect(reorder(['a', 'b', 'c'], 'b', 99)).toEqual(['a', 'c', 'b']);
    expect(reorder(['a'], 'zz', 0)).toBeNull();
  });
});
