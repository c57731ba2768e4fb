/**
 * Conform reads back what our writers wrote (no change) and what an editor changed (order and
 * trims), and reports what it cannot match.
 */
import { describe, expect, it } from 'vitest';
import { readFcpxml, readOtio, fcpFrames } from '../../../shared/interchange/conformRead.js';
import { planConform } from '../../../shared/interchange/conformPlan.js';
import { buildHandoffCut } from '../../../shared/interchange/handoffCut.js';
import { writeFcpxml } from '../../../shared/interchange/fcpxml.js';
import { writeOtio } from '../../../shared/interchange/otio.js';
import { handoffDoc } from './handoffDoc.js';

const doc = handoffDoc();
const cut = buildHandoffCut(doc);
const fps = doc.project.fps;
type Node = Record<string, unknown>;

describe('conform', () => {
  it('reads our own OTIO and FCPXML back as no change', () => {
    for (const clips of [
      readOtio(writeOtio(cut, { root: doc.dir }), fps),
      readFcpxml(writeFcpxml(cut, { root: doc.dir }), fps),
    ]) {
      expect(clips.map((c) => [c.sourceIn - c.headHandle, c.sourceIn + c.frames + c.tailHandle])).toEqual(
        cut.clips.map((c) => [c.inFrames, c.outFrames]),
      );
      const plan = planConform(doc, clips);
      expect(plan.report).toEqual({ matched: 3, trimmed: 0, moved: false, unmatched: [] });
      expect(plan.order).toEqual(doc.shots.map((s) => s.id));
    }
  });

  it("applies an editor's new order and trims from OTIO (matched by shot id)", () => {
    const otio = JSON.parse(writeOtio(cut, { root: doc.dir })) as Node;
    const v1 = ((otio.tracks as Node).children as Node[])[0] as Node;
    const children = v1.children as Node[];
    // The editor removes the transitions, moves shot 3 first and shortens it by 24 frames at the head.
    const clips = children.filter((c) => c.OTIO_SCHEMA === 'Clip.2');
    const third = clips[2] as Node;
    const range = third.source_range as Node;
    (range.start_time as Node).value = 30;
    (range.duration as Node).value = 60;
    v1.children = [third, clips[0], clips[1]];
    const plan = planConform(doc, readOtio(JSON.stringify(otio), fps));
    expect(plan.order).toEqual(['shot-2', 'shot-0', 'shot-1']);
    expect(plan.report.moved).toBe(true);
    expect(plan.trims).toEqual(
      expect.arrayContaining([
        { shotId: 'shot-2', inFrames: 30, outFrames: 90 },
        // Without the crossfade, shot 1 ends where its visible part ended (6 frames of handle gone).
        { shotId: 'shot-0', inFrames: 8, outFrames: 98 },
      ]),
    );
  });

  it('matches FCPXML clips by their media (the project moved) or name, and reports what it cannot match', () => {
    const xml = writeFcpxml(cut, { root: '/elsewhere/moved project' })
      .replace('media/clip2.mp4', 'media/unknown.mp4')
      .replace('name="Shot 3 &quot;A kitten walks&quot;"', 'name="B-roll"');
    const plan = planConform(doc, readFcpxml(xml, fps));
    expect(plan.report.matched).toBe(2);
    expect(plan.report.unmatched).toEqual([
      expect.stringMatching(/^Clip 3 "B-roll" matches no shot/),
      expect.stringMatching(/^Shot 3 "A kitten walks" is not in the file: kept/),
    ]);
    expect(plan.order).toEqual(['shot-0', 'shot-1', 'shot-2']);
  });

  it('refuses times it cannot read with a clear message', () => {
    expect(fcpFrames('1001/24000s', { num: 24000, den: 1001 })).toBe(1);
    expect(() => fcpFrames('12 frames', fps)).toThrow(/not a rational number of seconds/);
    expect(() => readOtio('{"OTIO_SCHEMA": "Clip.2"}', fps)).toThrow(/holds no Timeline/);
    expect(() => readFcpxml('<xmeml/>', fps)).toThrow(/not FCPXML/);
  });
});
