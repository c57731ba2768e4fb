/**
 * The player draws wipes, slides and dip to white as the export's xfade does (the direction
 * checked against ffmpeg 5.1 frame grabs: wipeleft shows the new picture on the right half at
 * the middle; slideleft brings it in from the right), and the kind menu's wipe / slide +
 * direction round-trip every kind.
 */
import { describe, expect, it } from 'vitest';
import { transitionDraw } from '../../../../renderer/src/player/cutPosition';
import { kindFamily, kindOf } from '../../../../renderer/src/panels/TransitionFields';
import { TRANSITION_KINDS } from '../../../../shared/model/entities';

describe('transitions in the player and the kind menu', () => {
  it('the player draws wipes, slides and the white dip as xfade does', () => {
    expect(transitionDraw('wipe_left', 0.5).to.reveal).toEqual([0.5, 0, 1, 1]);
    expect(transitionDraw('wipe_right', 0.25).to.reveal).toEqual([0, 0, 0.25, 1]);
    expect(transitionDraw('wipe_up', 0.5).to.reveal).toEqual([0, 0.5, 1, 1]);
    expect(transitionDraw('wipe_down', 0.5).to.reveal).toEqual([0, 0, 1, 0.5]);
    const slide = transitionDraw('slide_left', 0.25);
    expect([slide.from.shiftX, slide.to.shiftX]).toEqual([-0.25, 0.75]);
    expect(transitionDraw('slide_down', 0.5).to.shiftY).toBe(-0.5);
    const white = transitionDraw('dip_to_white', 0.25);
    expect(white.backdrop).toBe('white');
    expect([white.from.opacity, white.to.opacity]).toEqual([0.5, 0]);
    expect(transitionDraw('crossfade', 0.5).backdrop).toBe('black');
    expect(transitionDraw('wipe_left', 0.5).from.opacity).toBe(1);
  });

  it('the kind menu lists wipe and slide once with a direction', () => {
    expect(kindFamily('wipe_up')).toEqual({ family: 'wipe', direction: 'up' });
    expect(kindFamily('dip_to_white')).toEqual({ family: 'dip_to_white', direction: null });
    expect(kindOf('slide', null)).toBe('slide_left');
    expect(kindOf('slide', 'down')).toBe('slide_down');
    expect(kindOf('crossfade', 'down')).toBe('crossfade');
    for (const k of TRANSITION_KINDS) {
      const f = kindFamily(k);
      expect(kindOf(f.family, f.direction)).toBe(k);
    }
  });
});
