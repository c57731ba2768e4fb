/**
 * The timeline's interactions end to end without a canvas: pointer and key sequences through
 * the real controller, gesture machines, stores and registry actions; FakeServices records the calls.
 */
import { primaryShot } from '../../renderer/src/store/selection.js';
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../../renderer/src/timeline/geometry.js';
import { zoomToFit } from '../../renderer/src/timeline/view.js';
import { makeDoc } from './fixtures.js';
import { TestTimeline } from './TestTimeline.js';

// Four shots with 2 s takes (48 frames each) at 2 px per frame: each clip is 96 px wide.
const four = () => new TestTimeline(makeDoc([2, 2, 2, 2]), { pxPerFrame: 2 });
const laneY = LAYOUT.shotTop + LAYOUT.shotHeight / 2;

describe('drag to reorder', () => {
  it('is exactly one shots.moveMany call and one undo step', async () => {
    const t = four();
    // Grab s1 and drop it past the middle of s3.
    const intent = await t.drag(t.at('s1'), { x: t.at('s3', 40).x, y: laneY });
    expect(intent).toEqual({ kind: 'move', shotIds: ['s1'], toIndex: 2 });
    expect(t.services.edits().map((c) => c.method)).toEqual(['shots.moveMany']);
    expect(t.order()).toEqual(['s2', 's3', 's1', 's4']);
    await t.undo();
    expect(t.order()).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('moves a multi-selection as one block in one call', async () => {
    const t = four();
    await t.click(t.at('s1').x, laneY);
    await t.click(t.at('s2').x, laneY, { mod: true });
    expect(t.selected()).toEqual(['s1', 's2']);
    await t.drag(t.at('s2'), { x: t.at('s4', 47).x, y: laneY });
    expect(t.services.edits()).toEqual([{ method: 'shots.moveMany', input: { shotIds: ['s1', 's2'], toIndex: 2 } }]);
    expect(t.order()).toEqual(['s3', 's4', 's1', 's2']);
  });

  it('Escape mid-drag sends nothing and restores the state', async () => {
    const t = four();
    t.pointerDown(t.at('s1').x, laneY).pointerMove(t.at('s4').x, laneY, {}, 6);
    expect(t.gesture.getState().reorder?.offsetFrames).not.toBe(0);
    expect(t.key('Escape')).toBe(true);
    expect(t.gesture.getState().reorder).toBeNull();
    expect(await t.pointerUp()).toBeNull();
    expect(t.services.calls).toEqual([]);
    expect(t.order()).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('dropping where it started sends nothing', async () => {
    const t = four();
    await t.drag(t.at('s2'), { x: t.at('s2').x + 20, y: laneY });
    expect(t.services.calls).toEqual([]);
  });

  it('a press without movement is a click, not a drag', async () => {
    const t = four();
    await t.click(t.at('s3').x, laneY);
    expect(t.selected()).toEqual(['s3']);
    expect(primaryShot(t.selection.getState())).toBe('s3');
    expect(t.services.calls).toEqual([]);
  });
});

describe('trim', () => {
  it('dragging the out edge is one shots.setTrim, bounded by the media', async () => {
    const t = four();
    // 10 frames left at 2 px per frame.
    const from = t.at('s2', 'right-edge');
    const intent = await t.drag(from, { x: from.x - 20, y: laneY }, { alt: true });
    expect(intent).toEqual({ kind: 'trim', shotId: 's2', inFrames: 0, outFrames: 38 });
    expect(t.services.edits()).toEqual([
      { method: 'shots.setTrim', input: { shotId: 's2', inFrames: 0, outFrames: 38 } },
    ]);
    expect(t.clip('s2').frames).toBe(38);
    expect(t.clip('s3').start).toBe(48 + 38);
  });

  it('cannot extend past the take nor shrink below one frame', async () => {
    const t = four();
    const out = t.at('s1', 'right-edge');
    t.pointerDown(out.x, out.y, { alt: true }).pointerMove(out.x + 400, out.y, { alt: true });
    expect(t.gesture.getState().trim?.outFrames).toBe(48);
    // Back to where it was: the media end, so nothing to send.
    expect(await t.pointerUp()).toBeNull();
    const inEdge = t.at('s1', 'left-edge');
    await t.drag(inEdge, { x: inEdge.x + 1000, y: laneY }, { alt: true });
    expect(t.services.edits()).toEqual([
      { method: 'shots.setTrim', input: { shotId: 's1', inFrames: 47, outFrames: null } },
    ]);
    expect(t.clip('s1').frames).toBe(1);
  });

  it('a shot without a take has no trim handles (its edge drags the shot)', async () => {
    const t = new TestTimeline(makeDoc([{ frames: 48 }, 2]), { pxPerFrame: 2 });
    const edge = t.at('s1', 'right-edge');
    t.pointerDown(edge.x, edge.y).pointerMove(edge.x - 30, edge.y);
    expect(t.gesture.getState().trim).toBeNull();
    expect(t.controller.gestureKind).toBe('reorder');
    t.key('Escape');
  });

  it('Escape mid-trim sends nothing', async () => {
    const t = four();
    const out = t.at('s1', 'right-edge');
    t.pointerDown(out.x, out.y).pointerMove(out.x - 40, out.y, {}, 4);
    expect(t.gesture.getState().trim?.outFrames).toBe(28);
    t.key('Escape');
    expect(await t.pointerUp()).toBeNull();
    expect(t.services.calls).toEqual([]);
    expect(t.clip('s1').frames).toBe(48);
  });
});

describe('snapping', () => {
  it('a trimmed edge snaps to the playhead within the threshold', async () => {
    const t = four();
    t.setPlayhead(40);
    const out = t.at('s1', 'right-edge');
    // The edge is dragged 5 frames to frame 43, 3 frames (6 px) from the playhead: inside the 8 px threshold.
    await t.drag(out, { x: out.x - 2 * 5, y: laneY });
    expect(t.services.edits()[0]?.input).toEqual({ shotId: 's1', inFrames: 0, outFrames: 40 });
  });

  it('without a target in reach it keeps the exact frame; Alt turns snapping off', async () => {
    const t = four();
    t.setPlayhead(40);
    const out = t.at('s1', 'right-edge');
    await t.drag(out, { x: out.x - 2 * 5, y: laneY }, { alt: true });
    expect(t.services.edits()[0]?.input).toEqual({ shotId: 's1', inFrames: 0, outFrames: 43 });
  });

  it('an edge out of reach (5 frames = 10 px) does not snap', async () => {
    const t = four();
    t.setPlayhead(38);
    const out = t.at('s1', 'right-edge');
    await t.drag(out, { x: out.x - 2 * 5, y: laneY });
    expect(t.services.edits()[0]?.input).toEqual({ shotId: 's1', inFrames: 0, outFrames: 43 });
  });

  it('a dragged clip snaps its edge to another clip edge and shows the guide', () => {
    const t = four();
    // Move s1 so its start is 3 frames past s3's end edge (frame 144).
    const from = t.at('s1');
    t.pointerDown(from.x, from.y).pointerMove(from.x + 2 * 147, from.y, {}, 5);
    const r = t.gesture.getState().reorder;
    expect(r?.snap).toEqual({ frame: 144, kind: 'edge' });
    expect(r?.offsetFrames).toBe(144);
    t.key('Escape');
  });
});

describe('marquee and click selection', () => {
  it('a marquee over the lane selects the shots it touches', async () => {
    const t = four();
    // Start in the gap above the lane and sweep over s2 and s3.
    t.pointerDown(t.x(60), LAYOUT.shotTop - 2).pointerMove(t.x(100), laneY, {}, 3);
    expect(t.gesture.getState().marquee).not.toBeNull();
    await t.pointerUp();
    expect(t.selected()).toEqual(['s2', 's3']);
    expect(t.services.calls).toEqual([]);
  });

  it('Shift-marquee adds; Escape restores the selection before it', async () => {
    const t = four();
    await t.click(t.at('s4').x, laneY);
    t.pointerDown(t.x(10), LAYOUT.shotTop - 2, { shift: true }).pointerMove(t.x(20), laneY, { shift: true });
    expect(t.selected()).toEqual(['s1', 's4']);
    t.key('Escape');
    expect(t.selected()).toEqual(['s4']);
  });

  it('Shift-click selects a range, Ctrl-click toggles', async () => {
    const t = four();
    await t.click(t.at('s1').x, laneY);
    await t.click(t.at('s3').x, laneY, { shift: true });
    expect(t.selected()).toEqual(['s1', 's2', 's3']);
    await t.click(t.at('s2').x, laneY, { mod: true });
    expect(t.selected()).toEqual(['s1', 's3']);
  });

  it('right-click selects the shot and asks for a context menu', () => {
    const t = four();
    const p = t.at('s2');
    t.pointerDown(p.x, p.y, {}, 2);
    expect(t.selected()).toEqual(['s2']);
    expect(t.contextMenus).toEqual([{ shotId: 's2', x: p.x, y: p.y }]);
  });
});

describe('playhead and edit commands', () => {
  it('scrubbing the ruler is frame-accurate and Escape puts the playhead back', () => {
    const t = four();
    t.setPlayhead(5);
    t.pointerDown(t.x(30) + 1.9, 10);
    expect(t.viewport.getState().playhead).toBe(30);
    t.pointerMove(t.x(77) + 0.5, 10);
    expect(t.viewport.getState().playhead).toBe(77);
    t.key('Escape');
    expect(t.viewport.getState().playhead).toBe(5);
    expect(t.services.calls).toEqual([]);
  });

  it('split at the playhead is one shots.split with the offset in the shot', async () => {
    const t = four();
    t.setPlayhead(48 + 20);
    expect(await t.run('edit.split', undefined)).toBe(true);
    expect(t.services.edits()).toEqual([{ method: 'shots.split', input: { shotId: 's2', atFrame: 20 } }]);
    expect(t.order()).toHaveLength(5);
    expect(t.clip('s2').frames).toBe(20);
    await t.undo();
    expect(t.order()).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('split on a shot boundary does nothing', async () => {
    const t = four();
    t.setPlayhead(96);
    expect(await t.run('edit.split', undefined)).toBe(false);
    expect(t.services.calls).toEqual([]);
  });

  it('delete, duplicate and copy/paste are one call each', async () => {
    const t = four();
    t.select(['s2', 's3']);
    expect(await t.run('edit.duplicate', undefined)).toBe(true);
    expect(t.order()).toEqual(['s1', 's2', 's3', 'copy1', 'copy2', 's4']);
    t.select(['copy1', 'copy2']);
    expect(await t.run('edit.delete', undefined)).toBe(true);
    expect(t.order()).toEqual(['s1', 's2', 's3', 's4']);
    t.select(['s4']);
    expect(await t.run('edit.copy', undefined)).toBe(true);
    // Pasted after the shot under the playhead.
    t.setPlayhead(0);
    expect(await t.run('edit.paste', undefined)).toBe(true);
    expect(t.order()[1]).toBe('copy3');
    expect(t.services.edits().map((c) => c.method)).toEqual(['shots.duplicate', 'shots.removeMany', 'shots.duplicate']);
    expect(t.services.edits()[2]?.input).toEqual({ shotIds: ['s4'], toIndex: 1 });
  });

  it('stepping frames clamps to the film and zoom to fit shows it all', async () => {
    const t = four();
    for (let i = 0; i < 3; i++) await t.run('frame.prev', undefined);
    expect(t.viewport.getState().playhead).toBe(0);
    await t.run('frame.end', undefined);
    expect(t.viewport.getState().playhead).toBe(191);
    await t.run('timeline.zoomFit', undefined);
    const v = t.viewport.getState();
    expect(v.scrollFrame).toBe(0);
    expect(192 * v.pxPerFrame).toBeLessThanOrEqual(v.width);
    expect(192 * v.pxPerFrame).toBeGreaterThan(v.width * 0.9);
    zoomToFit(t.ctx);
    expect(t.viewport.getState().pxPerFrame).toBe(v.pxPerFrame);
  });
});
