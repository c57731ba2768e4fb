import { describe, expect, it } from 'vitest';
import { popoverPlace } from '../../../../renderer/src/timeline/popoverPlace';

const WIN = { width: 1280, height: 720 };
const SIZE = { width: 260, height: 300 };
const handle = (left: number, top: number) => ({ left, top, width: 14, height: 14 });

describe('popoverPlace', () => {
  it('goes below its anchor when it fits, centred on it', () => {
    expect(popoverPlace(handle(600, 100), SIZE, WIN)).toEqual({ left: 600 + 7 - 130, top: 120, side: 'below' });
  });

  it('flips above an anchor near the bottom of the window (the timeline at 1280x720)', () => {
    const p = popoverPlace(handle(600, 560), SIZE, WIN);
    expect(p.side).toBe('above');
    expect(p.top + SIZE.height).toBeLessThanOrEqual(560);
  });

  it('stays inside the window at its sides and when it fits neither below nor above', () => {
    expect(popoverPlace(handle(2, 100), SIZE, WIN).left).toBe(8);
    expect(popoverPlace(handle(1270, 100), SIZE, WIN).left).toBe(1280 - 260 - 8);
    const tall = popoverPlace(handle(600, 200), { width: 260, height: 600 }, WIN);
    expect(tall.top).toBe(720 - 600 - 8);
  });
});
