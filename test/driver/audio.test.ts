/**
 * Audio items on the timeline end to end without a canvas: drag, trim, select + Delete through
 * the real controller, machines and registry actions; FakeServices records every contract call.
 */
import { describe, expect, it } from 'vitest';
import { audioEditFor } from '../../renderer/src/timeline/interactions/audioEdit.js';
import { audioModel, hitAudio, waveformBuckets } from '../../renderer/src/timeline/audioModel.js';
import { makeDoc, withAudio } from './fixtures.js';
import { TestTimeline } from './TestTimeline.js';

// Two 2 s shots (48 frames each) at 2 px per frame; a 3 s music item (72 frames) at frame 10.
const doc = () =>
  withAudio(makeDoc([2, 2]), [
    { id: 'm1', seconds: 3, startFrame: 10 },
    { id: 'v1', seconds: 1, lane: 'voiceover', startFrame: 0 },
  ]);
const make = () => new TestTimeline(doc(), { pxPerFrame: 2 });

describe('drag an audio item', () => {
  it('is exactly one audio.update {startFrame} on release, and one undo step', async () => {
    const t = make();
    const from = t.audioAt('m1');
    // 30 px right = 15 frames; Alt turns snapping off.
    const intent = await t.drag(from, { x: from.x + 30, y: from.y }, { alt: true });
    expect(intent).toEqual({ kind: 'audio', id: 'm1', patch: { startFrame: 25 } });
    expect(t.services.edits()).toEqual([{ method: 'audio.update', input: { id: 'm1', patch: { startFrame: 25 } } }]);
    expect(t.audio('m1').start).toBe(25);
    await t.undo();
    expect(t.audio('m1').start).toBe(10);
  });

  it('previews every move without a call, and Escape sends nothing', async () => {
    const t = make();
    const from = t.audioAt('m1');
    t.pointerDown(from.x, from.y, { alt: true }).pointerMove(from.x + 60, from.y, { alt: true }, 6);
    expect(t.gesture.getState().audio?.start).toBe(40);
    expect(t.services.calls).toEqual([]);
    expect(t.key('Escape')).toBe(true);
    expect(t.gesture.getState().audio).toBeNull();
    expect(await t.pointerUp()).toBeNull();
    expect(t.services.calls).toEqual([]);
    expect(t.audio('m1').start).toBe(10);
  });

  it('snaps its start to a shot edge and to the playhead', async () => {
    const t = make();
    const from = t.audioAt('m1', 'left-edge');
    // Grab the body near the start: start 10 -> 46 is within 8 px (4 frames) of the cut at 48.
    const body = { x: from.x + 20, y: from.y };
    await t.drag(body, { x: body.x + 72, y: body.y });
    expect(t.services.edits()).toEqual([{ method: 'audio.update', input: { id: 'm1', patch: { startFrame: 48 } } }]);
    t.setPlayhead(70);
    const again = t.audioAt('m1', 20);
    t.pointerDown(again.x, again.y).pointerMove(again.x + 40, again.y, {}, 4);
    expect(t.gesture.getState().audio?.snap).toMatchObject({ frame: 70, kind: 'playhead' });
    expect(t.gesture.getState().audio?.start).toBe(70);
  });

  it('never goes before frame 0, and a click only selects', async () => {
    const t = make();
    const from = t.audioAt('m1');
    await t.drag(from, { x: from.x - 500, y: from.y }, { alt: true });
    expect(t.services.edits()).toEqual([{ method: 'audio.update', input: { id: 'm1', patch: { startFrame: 0 } } }]);
    const v = t.audioAt('v1');
    await t.click(v.x, v.y);
    expect(t.controller.audioSelection.getState().id).toBe('v1');
    expect(t.services.edits()).toHaveLength(1);
  });
});

describe('trim an audio item', () => {
  it('the out edge is one audio.update {outFrame}, bounded by the file', async () => {
    const t = make();
    const out = t.audioAt('m1', 'right-edge');
    await t.drag(out, { x: out.x - 40, y: out.y }, { alt: true });
    expect(t.services.edits()).toEqual([{ method: 'audio.update', input: { id: 'm1', patch: { outFrame: 52 } } }]);
    expect(t.audio('m1').frames).toBe(52);
    // Past the end of the file: clamped to it, stored as null (to the end).
    const out2 = t.audioAt('m1', 'right-edge');
    await t.drag(out2, { x: out2.x + 400, y: out2.y }, { alt: true });
    expect(t.services.edits()[1]).toEqual({ method: 'audio.update', input: { id: 'm1', patch: { outFrame: null } } });
    expect(t.audio('m1').frames).toBe(72);
  });

  it('the in edge moves in and start together, so the sound stays in place', async () => {
    const t = make();
    const edge = t.audioAt('m1', 'left-edge');
    await t.drag(edge, { x: edge.x + 20, y: edge.y }, { alt: true });
    expect(t.services.edits()).toEqual([
      { method: 'audio.update', input: { id: 'm1', patch: { startFrame: 20, inFrame: 10 } } },
    ]);
    // Dragging left cannot reveal sound before the file's start.
    const edge2 = t.audioAt('m1', 'left-edge');
    t.pointerDown(edge2.x, edge2.y, { alt: true }).pointerMove(edge2.x - 200, edge2.y, { alt: true });
    expect(t.gesture.getState().audio).toMatchObject({ start: 10, inFrame: 0 });
    t.key('Escape');
    expect(await t.pointerUp()).toBeNull();
    expect(t.services.edits()).toHaveLength(1);
  });

  it('bounds are pure: in before out, out within the media, start never negative', () => {
    const b = audioModel(doc()).find((x) => x.id === 'm1')!;
    expect(audioEditFor(b, 'trim-in', 500)).toEqual({ start: 10 + 71, inFrame: 71, outFrame: 72 });
    expect(audioEditFor(b, 'trim-out', -500)).toEqual({ start: 10, inFrame: 0, outFrame: 1 });
    expect(audioEditFor({ ...b, inFrame: 30 }, 'trim-in', -50)).toMatchObject({ start: 0, inFrame: 20 });
  });
});

describe('select + Delete', () => {
  it('removes the selected item with one audio.remove, undoable; shots stay', async () => {
    const t = make();
    const v = t.audioAt('v1');
    await t.click(v.x, v.y);
    expect(t.key('Delete')).toBe(true);
    await t.settle();
    expect(t.services.edits()).toEqual([{ method: 'audio.remove', input: { id: 'v1' } }]);
    expect(t.doc.audioItems.map((a) => a.id)).toEqual(['m1']);
    expect(t.order()).toEqual(['s1', 's2']);
    await t.undo();
    expect(t.doc.audioItems.map((a) => a.id)).toEqual(['m1', 'v1']);
  });

  it('selecting a shot deselects the audio item, so Delete is not taken from the shots', async () => {
    const t = make();
    const v = t.audioAt('v1');
    await t.click(v.x, v.y);
    await t.click(t.at('s1').x, t.at('s1').y);
    expect(t.controller.audioSelection.getState().id).toBeNull();
    expect(t.key('Delete')).toBe(false);
    expect(t.services.calls).toEqual([]);
  });
});

describe('view extent', () => {
  it('zoom to fit and scrolling reach an audio item that ends after the film', async () => {
    const t = new TestTimeline(withAudio(makeDoc([2, 2]), [{ id: 'late', seconds: 3, startFrame: 200 }]), {
      pxPerFrame: 2,
      width: 2000,
    });
    expect(await t.run('timeline.zoomFit', undefined)).toBe(true);
    expect(t.viewport.getState().pxPerFrame).toBeCloseTo((2000 * 0.96) / 272, 6);
  });
});

describe('audio geometry', () => {
  it('hit tests items on their own lane only, with trim handles at the edges', () => {
    const d = doc();
    const boxes = audioModel(d);
    const t = new TestTimeline(d, { pxPerFrame: 2 });
    const m = t.audioAt('m1');
    expect(hitAudio(boxes, m.x, m.y, { pxPerFrame: 2, scrollFrame: 0 })).toMatchObject({
      box: { id: 'm1' },
      zone: 'body',
    });
    expect(hitAudio(boxes, t.audioAt('m1', 'left-edge').x, m.y, { pxPerFrame: 2, scrollFrame: 0 })?.zone).toBe(
      'trim-in',
    );
    expect(hitAudio(boxes, m.x, t.audioAt('v1').y, { pxPerFrame: 2, scrollFrame: 0 })).toBeNull();
  });

  it('asks a power-of-two number of peaks that changes only with a zoom step', () => {
    expect(waveformBuckets(72, 2)).toBe(128);
    expect(waveformBuckets(72, 2.5)).toBe(128);
    expect(waveformBuckets(72, 4)).toBe(256);
    expect(waveformBuckets(72, 0.01)).toBe(32);
    expect(waveformBuckets(1e6, 48)).toBe(2048);
  });
});
