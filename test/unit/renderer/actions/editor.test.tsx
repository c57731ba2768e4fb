import { afterEach, describe, expect, it } from 'vitest';
import { actionForKey, actions, canRun, runAction, runMenuAction } from '../../../../renderer/src/actions';
import { fuzzyFilter } from '../../../../renderer/src/actions/fuzzy';
import { dropIndex, groupByScene, nudgeIndex } from '../../../../renderer/src/panels/gridModel';
import { getPlayhead, setPlayhead } from '../../../../renderer/src/player/playhead';
import { createAppStore } from '../../../../renderer/src/store/store';
import { editorUi, resetEditorUi, selection } from '../../../../renderer/src/store/uiEditor';
import { fakeApi, keyPress, makeShot, makeSnapshot } from '../fixtures';

afterEach(() => resetEditorUi());

function setup(
  shots = [
    makeShot('a', { durationFrames: 24 }),
    makeShot('b', { durationFrames: 24 }),
    makeShot('c', { durationFrames: 24 }),
  ],
) {
  const store = createAppStore();
  const snap = makeSnapshot(shots);
  store.getState().setSnapshot(snap);
  const after = makeSnapshot([makeShot('z')]);
  const { api, calls } = fakeApi({
    'shots.removeMany': () => after,
    'shots.duplicate': () => after,
    'shots.split': () => after,
    'shots.moveMany': () => after,
    'shots.setTrim': () => after,
    'project.close': () => ({ ok: true as const }),
  });
  return { ctx: { api, store }, calls, store, after };
}

describe('editor shortcuts come from the registry', () => {
  it('binds the editing keys of an NLE', () => {
    const id = (k: string, m = {}) => actionForKey(actions, keyPress(k, m), false)?.id;
    expect(id(' ')).toBe('play.toggle');
    expect([id('j'), id('k'), id('l')]).toEqual(['play.reverse', 'play.pause', 'play.forward']);
    expect([id('i'), id('o'), id('s')]).toEqual(['mark.in', 'mark.out', 'edit.split']);
    // Q / W trim the selected shot to the playhead; Ctrl+K (Premiere) and Ctrl+B (Resolve, CapCut) split.
    expect([id('q'), id('w')]).toEqual(['trim.in', 'trim.out']);
    expect([id('k', { ctrlKey: true }), id('b', { ctrlKey: true })]).toEqual(['edit.split', 'edit.split']);
    expect([id('ArrowLeft'), id('ArrowRight')]).toEqual(['frame.prev', 'frame.next']);
    expect([id('Delete'), id('Backspace')]).toEqual(['edit.delete', 'edit.delete']);
    expect(id('d', { ctrlKey: true })).toBe('edit.duplicate');
    expect(id('p', { ctrlKey: true, shiftKey: true })).toBe('palette.open');
    expect([id('c', { ctrlKey: true }), id('v', { ctrlKey: true })]).toEqual(['edit.copy', 'edit.paste']);
    expect(id('?', { shiftKey: true })).toBe('help.shortcuts');
  });

  it('has no two actions on one key', () => {
    const seen = new Map<string, string>();
    for (const a of Object.values(actions)) {
      for (const s of a.shortcuts ?? []) {
        expect(seen.get(s.toLowerCase()), s).toBeUndefined();
        seen.set(s.toLowerCase(), a.id);
      }
    }
  });
});

describe('transport', () => {
  it('J/K/L change direction and speed; Space toggles', async () => {
    const { ctx } = setup();
    const rate = () => editorUi.getState().rate;
    await runAction(ctx, actions['play.forward'], undefined);
    expect(rate()).toBe(1);
    await runAction(ctx, actions['play.forward'], undefined);
    expect(rate()).toBe(2);
    await runAction(ctx, actions['play.reverse'], undefined);
    expect(rate()).toBe(-1);
    await runAction(ctx, actions['play.pause'], undefined);
    expect(rate()).toBe(0);
    await runAction(ctx, actions['play.toggle'], undefined);
    expect(rate()).toBe(1);
    await runAction(ctx, actions['play.toggle'], undefined);
    expect(rate()).toBe(0);
  });

  it('steps frames inside the cut and jumps between shots', async () => {
    const { ctx } = setup();
    await runAction(ctx, actions['frame.prev'], undefined);
    expect(getPlayhead()).toBe(0);
    await runAction(ctx, actions['frame.forward10'], undefined);
    await runAction(ctx, actions['frame.next'], undefined);
    expect(getPlayhead()).toBe(11);
    await runAction(ctx, actions['shot.nextEdit'], undefined);
    expect(getPlayhead()).toBe(24);
    await runAction(ctx, actions['shot.prevEdit'], undefined);
    expect(getPlayhead()).toBe(0);
    setPlayhead(1000);
    await runAction(ctx, actions['frame.next'], undefined);
    expect(getPlayhead()).toBe(71);
  });
});

describe('edits make one contract call each', () => {
  it('deletes and duplicates the multi-selection', async () => {
    const { ctx, calls, store, after } = setup();
    expect(canRun(actions['edit.delete'], store.getState(), undefined)).toBe(false);
    selection.getState().select(['a', 'c'], 'replace', ['a', 'b', 'c']);
    const before = store.getState().snapshot;
    await runAction(ctx, actions['edit.duplicate'], undefined);
    store.getState().setSnapshot(before);
    // The duplicate's answer had neither shot: they left the selection; select them again.
    expect(selection.getState().ids).toEqual([]);
    selection.getState().select(['a', 'c'], 'replace', ['a', 'b', 'c']);
    await runAction(ctx, actions['edit.delete'], undefined);
    expect(calls).toEqual([
      { method: 'shots.duplicate', input: { shotIds: ['a', 'c'] } },
      { method: 'shots.removeMany', input: { shotIds: ['a', 'c'] } },
    ]);
    expect(store.getState().snapshot).toEqual(after);
  });

  it('splits the shot under the playhead, but not on its first frame', async () => {
    const { ctx, calls, store } = setup();
    setPlayhead(24);
    expect(canRun(actions['edit.split'], store.getState(), undefined)).toBe(false);
    setPlayhead(30);
    await runAction(ctx, actions['edit.split'], undefined);
    expect(calls).toEqual([{ method: 'shots.split', input: { shotId: 'b', atFrame: 6 } }]);
  });

  it('pastes copies after the shot under the playhead', async () => {
    const { ctx, calls, store } = setup();
    expect(canRun(actions['edit.paste'], store.getState(), undefined)).toBe(false);
    selection.getState().select(['a'], 'replace', ['a']);
    await runAction(ctx, actions['edit.copy'], undefined);
    setPlayhead(30);
    await runAction(ctx, actions['edit.paste'], undefined);
    expect(calls).toEqual([{ method: 'shots.duplicate', input: { shotIds: ['a'], toIndex: 2 } }]);
  });

  it('does not call the services for a drop that changes nothing', async () => {
    const { ctx, calls } = setup();
    expect(await runAction(ctx, actions['shots.moveMany'], { shotIds: ['b'], toIndex: 1 })).toBe(false);
    expect(await runAction(ctx, actions['shots.moveMany'], { shotIds: ['b', 'c'], toIndex: 0 })).toBe(true);
    expect(calls).toEqual([{ method: 'shots.moveMany', input: { shotIds: ['b', 'c'], toIndex: 0 } }]);
  });

  it('routes native menu ids through the registry', async () => {
    const { ctx, calls } = setup();
    expect(await runMenuAction(ctx, 'help.shortcuts')).toBe(true);
    expect(editorUi.getState().sheetOpen).toBe(true);
    expect(await runMenuAction(ctx, 'project.new')).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['project.close']);
    expect(await runMenuAction(ctx, 'no.such')).toBe(false);
  });
});

describe('grid model', () => {
  const scene = (id: string, position: number) => ({ id, position, heading: id.toUpperCase(), notes: '' });
  it('groups runs of one scene in cut order and lists empty scenes last', () => {
    const groups = groupByScene(
      [
        { id: 'a', sceneId: 's1' },
        { id: 'b', sceneId: 's1' },
        { id: 'c', sceneId: null },
        { id: 'd', sceneId: 'gone' },
      ],
      [scene('s2', 1), scene('s1', 0)],
    );
    expect(groups.map((g) => [g.scene?.id ?? null, g.shotIds, g.startIndex])).toEqual([
      ['s1', ['a', 'b'], 0],
      [null, ['c', 'd'], 2],
      ['s2', [], 4],
    ]);
  });
  it('turns a drop gap into the contract toIndex, and Alt+Arrow into a one-place move', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(dropIndex(order, ['a'], 3)).toBe(2);
    expect(dropIndex(order, ['c', 'd'], 0)).toBe(0);
    expect(dropIndex(order, ['b'], 4)).toBe(3);
    expect(nudgeIndex(order, ['b', 'c'], -1)).toBe(0);
    expect(nudgeIndex(order, ['b', 'c'], 1)).toBe(2);
    expect(nudgeIndex(order, ['a'], -1)).toBeNull();
    expect(nudgeIndex(order, ['d'], 1)).toBeNull();
  });
});

describe('command palette filter', () => {
  it('matches characters in order, word starts first', () => {
    const items = ['Split at playhead', 'Paste after playhead', 'Play / pause', 'Duplicate'];
    expect(fuzzyFilter(items, 'spl', (s) => s)[0]).toBe('Split at playhead');
    expect(fuzzyFilter(items, 'pp', (s) => s)).toEqual(['Play / pause', 'Paste after playhead', 'Split at playhead']);
    expect(fuzzyFilter(items, 'xyz', (s) => s)).toEqual([]);
    expect(fuzzyFilter(items, '', (s) => s)).toEqual(items);
  });
});
