/**
 * The editor's document edits on a real project file: each is one undo step that
 * undo restores exactly and redo re-applies exactly, also after close and reopen.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { cutList } from '../../../shared/model/timeline.js';
import type { ProjectStore } from '../../../electron/services/project/store.js';
import { fakeAsset, fakeTake, videoInfo } from './fixtures.js';
import { codeOf, doc, storeFactory, titles } from './stores.js';

const { fresh, reopen } = storeFactory('e');

/** Runs `step`, then checks it is exactly one undo step both ways (also across a reopen). */
function oneStep(
  s: ProjectStore,
  step: () => unknown,
): { store: ProjectStore; before: ProjectSnapshot; after: ProjectSnapshot } {
  const before = s.snapshot();
  step();
  const after = s.snapshot();
  expect(doc(after)).not.toEqual(doc(before));
  expect(s.undo()).toBe(true);
  expect(doc(s.snapshot())).toEqual(doc(before));
  const r = reopen(s);
  expect(r.redo()).toBe(true);
  expect(doc(r.snapshot())).toEqual(doc(after));
  expect(r.historyState().canRedo).toBe(false);
  return { store: r, before, after };
}

/** A project with shots A..count, A having a 4 s (96-frame) take trimmed 10..70. */
function withShots(count = 4): { s: ProjectStore; ids: string[]; takeId: string; assetId: string } {
  const s = fresh();
  const ids = Array.from(
    { length: count },
    (_, i) => s.shots.add({ title: String.fromCharCode(65 + i), durationFrames: 24 * (i + 1) }).id,
  );
  const asset = s.upsertAsset(fakeAsset(undefined, { info: videoInfo(4) }));
  const take = s.addTake(fakeTake(ids[0]!, asset.id, { rating: 3 }), { selectIfNone: true });
  s.shots.setTrim(ids[0]!, 10, 70);
  return { s, ids, takeId: take.id, assetId: asset.id };
}

describe('shots.split', () => {
  it('splits a trimmed take at a timeline frame into two shots on the same media, one undo step', () => {
    const { s, ids, assetId } = withShots(2);
    const { store, after } = oneStep(s, () => s.shots.split(ids[0]!, 25));
    expect(after.shots.map((x) => x.title)).toEqual(['A', 'A', 'B']);
    const [first, second] = after.shots;
    expect(first).toMatchObject({ id: ids[0], trimInFrames: 10, trimOutFrames: 35, durationFrames: 25 });
    expect(second).toMatchObject({
      trimInFrames: 35,
      trimOutFrames: 70,
      durationFrames: 35,
      transitionIn: { kind: 'cut', frames: 0 },
    });
    const takeOf = (id: string | null) => after.takes.find((t) => t.id === id);
    expect(takeOf(second!.selectedTakeId)).toMatchObject({ shotId: second!.id, assetId, rating: 3 });
    expect(takeOf(first!.selectedTakeId)?.assetId).toBe(assetId);
    // The cut is unchanged in length and content: 60 frames from 10..70, then B.
    const cut = cutList(after);
    expect(cut.map((c) => [c.trim?.inFrames, c.trim?.outFrames, c.startFrame])).toEqual([
      [10, 35, 0],
      [35, 70, 25],
      [undefined, undefined, 60],
    ]);
    expect(store.historyState().undoLabel).toBe('shots.split');
  });

  it('divides the target duration of a shot without a take, and refuses a point outside it', () => {
    const { s, ids } = withShots(3);
    const [, second] = s.shots.split(ids[1]!, 20);
    expect(titles(s)).toEqual(['A', 'B', 'B', 'C']);
    expect(s.getShot(ids[1]!).durationFrames).toBe(20);
    expect(second.durationFrames).toBe(28);
    expect(codeOf(() => s.shots.split(ids[0]!, 60))).toMatch(
      /^INVALID_INPUT: .*between 1 and 59 \(the shot is 60 frames long\)/,
    );
    expect(codeOf(() => s.shots.split('nope', 1))).toMatch(/^NOT_FOUND/);
  });
});

describe('shots.duplicate / removeMany / moveMany', () => {
  it('duplicates a selection as a block after its last shot, with own copies of the takes', () => {
    const { s, ids, takeId } = withShots(4);
    const { store, after } = oneStep(s, () => s.shots.duplicate([ids[2]!, ids[0]!]));
    expect(after.shots.map((x) => x.title)).toEqual(['A', 'B', 'C', 'A', 'C', 'D']);
    const copyA = after.shots[3]!;
    expect(copyA.id).not.toBe(ids[0]);
    expect(copyA).toMatchObject({ trimInFrames: 10, trimOutFrames: 70 });
    const copyTake = after.takes.find((t) => t.id === copyA.selectedTakeId);
    expect(copyTake?.shotId).toBe(copyA.id);
    expect(copyTake?.id).not.toBe(takeId);
    // Each shot keeps its own takes: rating the copy leaves the original alone.
    store.takes.rate(copyTake!.id, 5);
    expect(store.getTake(takeId).rating).toBe(3);
  });

  it('pastes at an index', () => {
    const { s, ids } = withShots(3);
    s.shots.duplicate([ids[2]!], 0);
    expect(titles(s)).toEqual(['C', 'A', 'B', 'C']);
  });

  it('removes many in one step, keeping their takes for undo', () => {
    const { s, ids, takeId } = withShots(4);
    const { store, after } = oneStep(s, () => s.shots.removeMany([ids[0]!, ids[2]!]));
    expect(after.shots.map((x) => [x.title, x.position])).toEqual([
      ['B', 0],
      ['D', 1],
    ]);
    store.undo();
    expect(store.snapshot().shots[0]?.selectedTakeId).toBe(takeId);
  });

  it('moves many in one step, keeping their relative order', () => {
    const { s, ids } = withShots(5);
    const { store, after } = oneStep(s, () => s.shots.moveMany([ids[4]!, ids[1]!], 0));
    expect(after.shots.map((x) => x.title)).toEqual(['B', 'E', 'A', 'C', 'D']);
    expect(codeOf(() => store.shots.moveMany([ids[0]!, 'ghost'], 1))).toMatch(/^NOT_FOUND: Shot "ghost"/);
  });
});

describe('takes', () => {
  it('rates a take as one undo step; a bad rating is refused', () => {
    const { s, takeId } = withShots(1);
    const { store } = oneStep(s, () => s.takes.rate(takeId, 5));
    expect(store.getTake(takeId).rating).toBe(5);
    expect(codeOf(() => store.takes.rate(takeId, 6))).toMatch(/^INVALID_INPUT/);
  });

  it('removing the selected take selects the newest other one; undo brings both back', () => {
    const { s, ids, takeId, assetId } = withShots(1);
    const older = s.addTake(fakeTake(ids[0]!, assetId, { createdAt: '2020-01-01T00:00:00.000Z' }), {
      selectIfNone: false,
    });
    const newer = s.addTake(fakeTake(ids[0]!, assetId, { createdAt: '2030-01-01T00:00:00.000Z' }), {
      selectIfNone: false,
    });
    const { store, after } = oneStep(s, () => s.takes.remove(takeId));
    expect(after.takes.map((t) => t.id).sort()).toEqual([older.id, newer.id].sort());
    expect(after.shots[0]?.selectedTakeId).toBe(newer.id);
    expect(codeOf(() => store.shots.selectTake(ids[0]!, takeId))).toMatch(/^NOT_FOUND: .*removed/);
    store.takes.remove(newer.id);
    store.takes.remove(older.id);
    expect(store.snapshot().shots[0]?.selectedTakeId).toBeNull();
  });
});

describe('scenes', () => {
  it('adds, renames, assigns and removes scenes, one step each', () => {
    const { s, ids } = withShots(3);
    const first = s.scenes.add('INT. KITCHEN - DAY');
    const { store: s2, after } = oneStep(s, () => s.scenes.add('EXT. 屋顶 - NIGHT', 0));
    expect(after.scenes.map((x) => [x.heading, x.position])).toEqual([
      ['EXT. 屋顶 - NIGHT', 0],
      ['INT. KITCHEN - DAY', 1],
    ]);
    const { store: s3 } = oneStep(s2, () => s2.scenes.update(first, { notes: 'window light' }));
    expect(s3.snapshot().scenes.find((x) => x.id === first)).toMatchObject({
      heading: 'INT. KITCHEN - DAY',
      notes: 'window light',
    });
    const { store: s4 } = oneStep(s3, () => s3.shots.setScene([ids[0]!, ids[2]!], first));
    expect(s4.snapshot().shots.map((x) => x.sceneId)).toEqual([first, null, first]);
    s4.shots.remove(ids[2]!);
    const { store: s5, after: gone } = oneStep(s4, () => s4.scenes.remove(first));
    expect(gone.scenes.map((x) => [x.heading, x.position])).toEqual([['EXT. 屋顶 - NIGHT', 0]]);
    expect(gone.shots.map((x) => x.sceneId)).toEqual([null, null]);
    // Undoing both the scene removal and the shot removal brings the shot back in its scene.
    expect(s5.undo()).toBe(true);
    expect(s5.undo()).toBe(true);
    expect(s5.snapshot().shots.map((x) => x.sceneId)).toEqual([first, null, first]);
    expect(codeOf(() => s5.shots.setScene([ids[1]!], 'no-such-scene'))).toMatch(/^NOT_FOUND: Scene/);
  });
});

describe('shots.setFrame (stored assets)', () => {
  it('sets and clears first and last frames, refusing a clip as a frame', () => {
    const { s, ids, assetId } = withShots(1);
    const still = s.upsertAsset(fakeAsset('still', { info: { ...videoInfo(0), kind: 'image' } }));
    const { store } = oneStep(s, () => s.shots.setFrame(ids[0]!, 'last', still.id));
    expect(store.getShot(ids[0]!)).toMatchObject({ lastFrameAssetId: still.id, firstFrameAssetId: null });
    store.shots.setFrame(ids[0]!, 'last', null);
    expect(store.getShot(ids[0]!).lastFrameAssetId).toBeNull();
    expect(codeOf(() => store.shots.setFrame(ids[0]!, 'first', assetId))).toMatch(
      /^INVALID_INPUT: A first frame must be an image/,
    );
  });
});
