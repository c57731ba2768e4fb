/** Undo and redo of every edit kind, across restarts, and what they must leave alone. */
import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { fakeAsset, fakeTake } from './fixtures.js';
import { codeOf, doc, storeFactory, titles } from './stores.js';

const { fresh, reopen } = storeFactory('u');

describe('undo and redo', () => {
  it('walks back and forth through a scripted session, state by state', () => {
    const s = fresh();
    const asset = s.upsertAsset(fakeAsset());
    const states: ProjectSnapshot[] = [s.snapshot()];
    const a = s.shots.add({ title: 'A', durationFrames: 24 });
    states.push(s.snapshot());
    const take = s.addTake(fakeTake(a.id, asset.id), { selectIfNone: false }); // not an edit
    states[1] = s.snapshot();
    const steps: (() => unknown)[] = [
      () => s.shots.add({ title: 'B', durationFrames: 12, firstFrameAssetId: asset.id }),
      () => s.shots.add({ title: 'C', durationFrames: 36, index: 0 }),
      () => s.shots.update(a.id, { prompt: 'A prompt', camera: 'pan_left' }),
      () => s.shots.move(a.id, 2),
      () => s.shots.selectTake(a.id, take.id),
      () => s.shots.setTrim(a.id, 2, 10),
      () => s.shots.remove(s.snapshot().shots[1]!.id),
    ];
    for (const step of steps) {
      step();
      states.push(s.snapshot());
    }
    expect(titles(s)).toEqual(['C', 'A']);
    for (let i = states.length - 2; i >= 0; i--) {
      expect(s.undo()).toBe(true);
      expect(doc(s.snapshot())).toEqual(doc(states[i]!));
    }
    expect(s.undo()).toBe(false);
    expect(s.historyState()).toMatchObject({ canUndo: false, canRedo: true });
    for (let i = 1; i < states.length; i++) {
      expect(s.redo()).toBe(true);
      expect(doc(s.snapshot())).toEqual(doc(states[i]!));
    }
    expect(s.redo()).toBe(false);
    expect(s.historyState()).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('survives close and reopen, in both directions', () => {
    let s = fresh();
    const a = s.shots.add({ title: 'A', durationFrames: 24 });
    s.shots.update(a.id, { title: 'A2' });
    s.shots.add({ title: 'B', durationFrames: 24 });
    s = reopen(s);
    expect(s.historyState()).toMatchObject({ canUndo: true, canRedo: false });
    expect(s.undo()).toBe(true);
    expect(titles(s)).toEqual(['A2']);
    s = reopen(s);
    expect(s.undo()).toBe(true);
    expect(titles(s)).toEqual(['A']);
    s = reopen(s);
    expect(s.historyState()).toMatchObject({ canUndo: true, canRedo: true });
    expect(s.redo()).toBe(true);
    s = reopen(s);
    expect(s.redo()).toBe(true);
    expect(titles(s)).toEqual(['A2', 'B']);
  });

  it('drops the redo branch on a new edit', () => {
    const s = fresh();
    s.shots.add({ title: 'A', durationFrames: 24 });
    s.shots.add({ title: 'B', durationFrames: 24 });
    s.undo();
    s.shots.add({ title: 'C', durationFrames: 24 });
    expect(s.historyState().canRedo).toBe(false);
    expect(s.redo()).toBe(false);
    expect(titles(s)).toEqual(['A', 'C']);
    s.undo();
    s.undo();
    expect(titles(s)).toEqual([]);
  });

  it('records no entry for an edit that changes nothing, and bumps the revision otherwise', () => {
    const s = fresh();
    const { id } = s.shots.add({ title: 'A', durationFrames: 24 });
    const r0 = s.historyState().revision;
    s.shots.update(id, { title: 'A' });
    s.shots.move(id, 0);
    expect(s.historyState().revision).toBe(r0);
    s.undo();
    expect(s.historyState()).toMatchObject({ canUndo: false, revision: r0 + 1 });
  });

  it('undoes only the columns an edit changed, keeping a take chosen since', () => {
    const s = fresh();
    const { id } = s.shots.add({ title: 'A', durationFrames: 24 });
    s.shots.update(id, { title: 'B' });
    const asset = s.upsertAsset(fakeAsset());
    const take = s.addTake(fakeTake(id, asset.id), { selectIfNone: true });
    s.undo();
    expect(s.getShot(id)).toMatchObject({ title: 'A', selectedTakeId: take.id });
  });

  it('undoing a removal restores the shot with its takes where it was', () => {
    const s = fresh();
    const ids = ['A', 'B', 'C'].map((title) => s.shots.add({ title, durationFrames: 24 }).id);
    const asset = s.upsertAsset(fakeAsset());
    const take = s.addTake(fakeTake(ids[1]!, asset.id), { selectIfNone: true });
    s.shots.remove(ids[1]!);
    expect(s.snapshot().takes).toEqual([]);
    s.undo();
    const snap = s.snapshot();
    expect(snap.shots.map((x) => x.title)).toEqual(['A', 'B', 'C']);
    expect(snap.shots[1]?.selectedTakeId).toBe(take.id);
    expect(snap.takes.map((t) => t.id)).toEqual([take.id]);
  });

  it('adds a shot with an imported clip as its selected take in one undo step', () => {
    const s = fresh();
    const clip = s.upsertAsset(fakeAsset());
    const shot = s.shots.add({
      title: 'Clip',
      durationFrames: 24,
      importedTake: { assetId: clip.id, trimOutFrames: 20 },
    });
    expect(shot.selectedTakeId).not.toBeNull();
    expect(shot.trimOutFrames).toBe(20);
    const take = s.getTake(shot.selectedTakeId!);
    expect(take).toMatchObject({ shotId: shot.id, assetId: clip.id, provider: 'import', jobId: null });
    s.undo();
    expect(s.snapshot().shots).toEqual([]);
    expect(s.getTake(take.id).id).toBe(take.id); // kept, only hidden with its shot
    s.redo();
    expect(s.getShot(shot.id).selectedTakeId).toBe(take.id);
    expect(codeOf(() => s.shots.add({ durationFrames: 24, importedTake: { assetId: 'a'.repeat(64) } }))).toMatch(
      /^NOT_FOUND: Clip asset/,
    );
  });

  it('logs undo and redo in the provenance', () => {
    const s = fresh();
    s.shots.add({ title: 'A', durationFrames: 24 });
    s.undo();
    s.redo();
    expect(s.listProvenance({ subjectType: 'history' }).map((p) => [p.action, p.details.label])).toEqual([
      ['history.undo', 'shot.add'],
      ['history.redo', 'shot.add'],
    ]);
  });
});
