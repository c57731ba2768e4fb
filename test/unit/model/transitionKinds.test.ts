import { describe, expect, it } from 'vitest';
import { ShotPatchSchema } from '../../../shared/api/contract.js';
import { TransitionSchema } from '../../../shared/model/entities.js';
import {
  OVERLAP_KINDS,
  TRANSITION_KINDS,
  TRANSITION_LOOKS,
  TRANSITION_FAMILIES,
  kindFamily,
  kindOf,
  transitionLook,
} from '../../../shared/model/transitionKinds.js';
import { assertNever } from '../../../shared/assertNever.js';

describe('transition kinds: one vocabulary', () => {
  it('the document schema and the contract take exactly the listed kinds', () => {
    for (const kind of TRANSITION_KINDS) {
      expect(TransitionSchema.parse({ kind, frames: 0 }).kind).toBe(kind);
      expect(ShotPatchSchema.parse({ transitionIn: { kind, frames: 0 } }).transitionIn?.kind).toBe(kind);
    }
    expect(TransitionSchema.safeParse({ kind: 'wipe', frames: 0 }).success).toBe(false);
    expect(ShotPatchSchema.safeParse({ transitionIn: { kind: 'wipe', frames: 0 } }).success).toBe(false);
  });

  it('every kind but a cut has its row, in the listed order; a cut has none', () => {
    expect(OVERLAP_KINDS).toEqual(TRANSITION_KINDS.filter((k) => k !== 'cut'));
    expect(transitionLook('cut')).toBeNull();
    for (const kind of OVERLAP_KINDS) expect(transitionLook(kind)).toBe(TRANSITION_LOOKS[kind]);
  });

  it('each row names its own xfade transition; hand-off formats without an effect of their own keep a dissolve', () => {
    // The xfade transition names of ffmpeg 5.1 (https://ffmpeg.org/ffmpeg-filters.html#xfade).
    const XFADE_NAMES = ['fade', 'fadeblack', 'fadewhite', 'wipeleft', 'wiperight', 'wipeup', 'wipedown'];
    XFADE_NAMES.push('slideleft', 'slideright', 'slideup', 'slidedown');
    const looks = OVERLAP_KINDS.map((k) => TRANSITION_LOOKS[k]);
    for (const look of looks) expect(XFADE_NAMES).toContain(look.xfade);
    expect(new Set(looks.map((l) => l.xfade)).size).toBe(looks.length);
    expect(TRANSITION_LOOKS.dip_to_black.fcpxml.name).toBe('Fade To Color');
    expect(TRANSITION_LOOKS.wipe_up.fcpxml).toEqual(TRANSITION_LOOKS.crossfade.fcpxml);
    expect(TRANSITION_LOOKS.dip_to_white.edlEffect).toBeNull();
  });

  it('menus list wipes and slides once, with a direction; every kind round-trips', () => {
    expect(TRANSITION_FAMILIES).toEqual(['cut', 'crossfade', 'dip_to_black', 'dip_to_white', 'wipe', 'slide']);
    for (const kind of TRANSITION_KINDS) {
      const { family, direction } = kindFamily(kind);
      expect(kindOf(family, direction)).toBe(kind);
    }
  });

  it('assertNever throws naming the value it did not expect', () => {
    expect(() => assertNever('wipe' as never, 'transition kind')).toThrow('Unexpected transition kind: "wipe"');
  });
});
