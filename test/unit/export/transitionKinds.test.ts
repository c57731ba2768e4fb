/**
 * Wipes, slides and dip to white: every kind maps to an xfade transition that ffmpeg 5.1 has
 * (libavfilter/vf_xfade.c names), the graphs use it with the overlap as duration, the sound
 * crossfades over the same overlap (the player's drawing: test/unit/renderer/player/transitionDraw.test.tsx).
 */
import { describe, expect, it } from 'vitest';
import { buildExportGraph } from '../../../shared/export/args.js';
import { buildExportPlan } from '../../../shared/export/plan.js';
import { segmentGraph, segmentGroups } from '../../../shared/export/segments.js';
import { XFADE } from '../../../shared/export/transitions.js';
import { TRANSITION_KINDS, type Shot } from '../../../shared/model/entities.js';
import { makeDoc } from './doc.js';

const XFADE_NAMES_5_1 = new Set([
  'fade',
  'wipeleft',
  'wiperight',
  'wipeup',
  'wipedown',
  'slideleft',
  'slideright',
  'slideup',
  'slidedown',
  'fadeblack',
  'fadewhite',
]);

const FIT = { mode: 'fit', x: 0.5, y: 0.5 } as const;

function plan(kind: Shot['transitionIn']['kind']) {
  const doc = makeDoc([{}, {}], {});
  doc.shots[1]!.transitionIn = { kind, frames: 12 };
  return buildExportPlan(doc, { outPath: '/v/cut.mp4', tempPath: '/v/.cut.sbtmp', quality: 'draft' });
}

describe('transition kinds', () => {
  it('every overlapping kind has an xfade transition ffmpeg knows', () => {
    const overlapping = TRANSITION_KINDS.filter((k) => k !== 'cut');
    expect(Object.keys(XFADE).sort()).toEqual([...overlapping].sort());
    for (const k of overlapping) expect(XFADE_NAMES_5_1.has(XFADE[k])).toBe(true);
    expect(XFADE.wipe_left).toBe('wipeleft');
    expect(XFADE.slide_down).toBe('slidedown');
    expect(XFADE.dip_to_white).toBe('fadewhite');
  });

  it('the export and the deliverable segment graphs blend with it and crossfade the sound', () => {
    for (const kind of ['wipe_right', 'slide_up', 'dip_to_white'] as const) {
      const p = plan(kind);
      const graph = buildExportGraph(p);
      expect(graph).toContain(`xfade=transition=${XFADE[kind]}:duration=0.500000`);
      expect(graph).toContain(`acrossfade=ns=${p.clips[1]!.overlapSamples}`);
      const group = segmentGroups(p.clips)[0]!;
      const seg = segmentGraph(p, group, [
        { width: 640, height: 360, pixelFormat: 'yuv420p', codecArgs: [], labelFilter: null, framing: [FIT, FIT] },
      ]);
      expect(seg).toContain(`xfade=transition=${XFADE[kind]}`);
    }
  });
});
