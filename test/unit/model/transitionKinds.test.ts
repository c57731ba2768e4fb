import { describe, expect, it } from 'vitest';
import { ShotPatchSchema } from '../../../shared/api/contract.js';
import { TransitionSchema } from '../../../shared/model/entities.js';
import {
  OVERLAP_KINDS,
  TRANSITION_KINDS,
  TRANSITION_LOOKS,
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

  it('each row names an xfade transition and distinct hand-off effects', () => {
    // Some of the xfade transition names ffmpeg accepts (https://ffmpeg.org/ffmpeg-filters.html#xfade).
    const XFADE_NAMES = ['fade', 'fadeblack', 'fadewhite', 'dissolve', 'wipeleft', 'wiperight', 'slideleft'];
    const looks = OVERLAP_KINDS.map((k) => TRANSITION_LOOKS[k]);
    for (const look of looks) expect(XFADE_NAMES).toContain(look.xfade);
    expect(new Set(looks.map((l) => l.fcpxml.uid)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => l.jianying.effect_id)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => l.otioName)).size).toBe(looks.length);
  });

  it('assertNever throws naming the value it did not expect', () => {
    expect(() => assertNever('wipe' as never, 'transition kind')).toThrow('Unexpected transition kind: "wipe"');
  });
});
