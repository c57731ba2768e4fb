import { describe, expect, it } from 'vitest';
import { cutFrames, cutList, totalFrames, transitionFrames } from '../../../shared/model/timeline.js';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities.js';
import { newProject, newShot } from '../../../shared/model/factories.js';

function shot(
  id: string,
  position: number,
  durationFrames: number,
  transitionIn: Shot['transitionIn'] = { kind: 'cut', frames: 0 },
): Shot {
  return newShot({ id, position, prompt: id, durationFrames, transitionIn });
}
function doc(shots: Shot[]): Pick<ProjectSnapshot, 'project' | 'shots' | 'takes' | 'assets'> {
  return {
    project: newProject({
      id: 'p',
      name: 'p',
      aspect: '16:9',
      width: 1280,
      height: 720,
      fps: { num: 24, den: 1 },
      createdAt: '',
    }),
    shots,
    takes: [],
    assets: [],
  };
}
const fade = (frames: number): Shot['transitionIn'] => ({ kind: 'crossfade', frames });

describe('transitionFrames', () => {
  it('is 0 for a cut whatever its frames', () => {
    expect(transitionFrames({ kind: 'cut', frames: 12 }, 48, 48)).toBe(0);
  });
  it('clamps to half of either neighbour', () => {
    expect(transitionFrames(fade(12), 48, 48)).toBe(12);
    expect(transitionFrames(fade(40), 48, 100)).toBe(24);
    expect(transitionFrames({ kind: 'dip_to_black', frames: 40 }, 100, 15)).toBe(7);
  });
});

describe('cutList with transitions', () => {
  it('overlaps a shot with the previous one by its transition', () => {
    const d = doc([shot('a', 0, 48), shot('b', 1, 48, fade(12)), shot('c', 2, 24)]);
    const cut = cutList(d);
    expect(cut.map((c) => c.startFrame)).toEqual([0, 36, 84]);
    expect(cut.map((c) => c.overlap)).toEqual([0, 12, 0]);
    expect(totalFrames(d)).toBe(48 + 48 + 24 - 12);
  });
  it('ignores a transition on the first shot and clamps long ones', () => {
    const d = doc([
      shot('a', 0, 10, fade(8)),
      shot('b', 1, 30, fade(100)),
      shot('c', 2, 30, { kind: 'dip_to_black', frames: 100 }),
    ]);
    const cut = cutList(d);
    expect(cut.map((c) => c.overlap)).toEqual([0, 5, 15]);
    expect(cut.map((c) => c.startFrame)).toEqual([0, 5, 20]);
    expect(totalFrames(d)).toBe(70 - 20);
    expect(cutFrames(cut)).toBe(50);
  });
  it('equals the butt-joined cut when every transition is a cut', () => {
    const d = doc([shot('a', 0, 7), shot('b', 1, 9, { kind: 'cut', frames: 5 }), shot('c', 2, 11)]);
    expect(cutList(d).map((c) => c.startFrame)).toEqual([0, 7, 16]);
    expect(totalFrames(d)).toBe(27);
  });
  it('never overlaps three shots at once', () => {
    const d = doc([shot('a', 0, 20), shot('b', 1, 20, fade(50)), shot('c', 2, 20, fade(50))]);
    const [a, b, c] = cutList(d);
    expect(b!.startFrame).toBe(10);
    expect(c!.startFrame).toBeGreaterThanOrEqual(a!.startFrame + a!.frames);
  });
});
