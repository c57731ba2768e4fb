import { selection as windowSelection } from '../../../../renderer/src/store/uiEditor';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { actionForKey, actions, canRun, runAction } from '../../../../renderer/src/actions';
import type { AddShotPayload } from '../../../../renderer/src/actions/payloads';
import { matchShortcut } from '../../../../renderer/src/actions/shortcuts';
import { createAppStore } from '../../../../renderer/src/store/store';
import { fakeApi, keyPress, makeShot, makeSnapshot } from '../fixtures';

describe('shortcuts', () => {
  it('maps Mod to Ctrl off macOS and to Cmd on macOS', () => {
    expect(matchShortcut('Mod+Z', keyPress('z', { ctrlKey: true }), false)).toBe(true);
    expect(matchShortcut('Mod+Z', keyPress('z', { metaKey: true }), false)).toBe(false);
    expect(matchShortcut('Mod+Z', keyPress('z', { metaKey: true }), true)).toBe(true);
    expect(matchShortcut('Mod+Z', keyPress('z', { ctrlKey: true }), true)).toBe(false);
  });
  it('requires the exact modifiers', () => {
    expect(matchShortcut('Mod+Z', keyPress('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchShortcut('Mod+Shift+Z', keyPress('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchShortcut('Mod+Z', keyPress('z', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });
  it('routes Ctrl+Z to undo and Shift+Ctrl+Z / Ctrl+Y to redo', () => {
    expect(actionForKey(actions, keyPress('z', { ctrlKey: true }), false)?.id).toBe('history.undo');
    expect(actionForKey(actions, keyPress('Z', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('history.redo');
    expect(actionForKey(actions, keyPress('y', { ctrlKey: true }), false)?.id).toBe('history.redo');
    expect(actionForKey(actions, keyPress('z'), false)).toBeNull();
  });
});

describe('undo and redo', () => {
  it('are enabled by the document history and replace the document with the answer', async () => {
    const store = createAppStore();
    const before = makeSnapshot([makeShot('a'), makeShot('b')], {
      history: { canUndo: true, canRedo: false, revision: 2 },
    });
    const after = makeSnapshot([makeShot('a')], { history: { canUndo: false, canRedo: true, revision: 3 } });
    store.getState().setSnapshot(before);
    const { api, calls } = fakeApi({ 'history.undo': () => after });
    expect(canRun(actions['history.redo'], store.getState(), undefined)).toBe(false);
    expect(await runAction({ api, store }, actions['history.undo'], undefined)).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['history.undo']);
    expect(store.getState().snapshot?.shots.map((s) => s.id)).toEqual(['a']);
    expect(canRun(actions['history.undo'], store.getState(), undefined)).toBe(false);
    expect(canRun(actions['history.redo'], store.getState(), undefined)).toBe(true);
  });

  it('does not call the services when there is nothing to undo', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([]));
    const { api, calls } = fakeApi({});
    expect(await runAction({ api, store }, actions['history.undo'], undefined)).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('adding a shot', () => {
  const base: AddShotPayload = {
    prompt: '',
    durationSec: null,
    camera: 'push_in',
    provider: null,
    firstFrame: null,
    clip: null,
  };

  it('uploads the first frame, then adds the shot with its path and selects it', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([]));
    const added = makeSnapshot([makeShot('s1')]);
    const { api, calls } = fakeApi({ 'shots.add': () => ({ shotId: 's1', snapshot: added }) });
    const frame = new File([new Uint8Array([1, 2, 3])], 'frame 帧.png', { type: 'image/png' });
    const ok = await runAction({ api, store }, actions['shot.add'], {
      ...base,
      prompt: '  tent at dusk ',
      durationSec: 2.5,
      firstFrame: frame,
    });
    expect(ok).toBe(true);
    expect(calls).toEqual([
      {
        method: 'shots.add',
        input: { camera: 'push_in', prompt: 'tent at dusk', durationSec: 2.5, firstFramePath: '/staged/frame 帧.png' },
      },
    ]);
    expect(windowSelection.getState().ids).toEqual(['s1']);
    expect(store.getState().busy.addShot).toBe(false);
  });

  it('shows a refused file under the form and leaves the document alone', async () => {
    const store = createAppStore();
    const doc = makeSnapshot([makeShot('a')]);
    store.getState().setSnapshot(doc);
    const { api, calls } = fakeApi({
      'shots.add': () => {
        throw new AppError('MEDIA_CORRUPT', '"broken.mp4" is not a readable video: moov atom not found.');
      },
    });
    const clip = new File([new Uint8Array(10)], 'broken.mp4');
    expect(await runAction({ api, store }, actions['shot.add'], { ...base, clip })).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['shots.add']);
    expect(store.getState().errors.addShot).toEqual({
      code: 'MEDIA_CORRUPT',
      message: '"broken.mp4" is not a readable video: moov atom not found.',
    });
    expect(store.getState().snapshot).toBe(doc);
    // The next attempt clears the old error first.
    const fixed = makeSnapshot([makeShot('a'), makeShot('b')]);
    const retry = fakeApi({ 'shots.add': () => ({ shotId: 'b', snapshot: fixed }) });
    await runAction({ api: retry.api, store }, actions['shot.add'], { ...base, prompt: 'ok' });
    expect(store.getState().errors.addShot).toBeUndefined();
  });

  it('does not add the shot when the upload fails', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([]));
    const { api, calls } = fakeApi({}, async () => {
      throw new AppError('INVALID_INPUT', 'The file is larger than the 4 GiB upload limit');
    });
    const clip = new File([new Uint8Array(1)], 'huge.mov');
    expect(await runAction({ api, store }, actions['shot.add'], { ...base, clip })).toBe(false);
    expect(calls).toEqual([]);
    expect(store.getState().errors.addShot?.message).toContain('upload limit');
  });

  it('needs a prompt, a first frame or a clip', () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([]));
    expect(canRun(actions['shot.add'], store.getState(), { ...base, prompt: '   ' })).toBe(false);
    expect(canRun(actions['shot.add'], store.getState(), { ...base, prompt: 'x' })).toBe(true);
  });

  it('is disabled while an add is running', () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([]));
    store.getState().setBusy('addShot', true);
    expect(canRun(actions['shot.add'], store.getState(), { ...base, prompt: 'x' })).toBe(false);
  });
});

describe('moving shots', () => {
  it('moves by one place and cannot leave the ends', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('a'), makeShot('b'), makeShot('c')]));
    expect(canRun(actions['shot.move'], store.getState(), { shotId: 'a', delta: -1 })).toBe(false);
    expect(canRun(actions['shot.move'], store.getState(), { shotId: 'c', delta: 1 })).toBe(false);
    const { api, calls } = fakeApi({ 'shots.move': () => makeSnapshot([makeShot('b'), makeShot('a'), makeShot('c')]) });
    await runAction({ api, store }, actions['shot.move'], { shotId: 'b', delta: -1 });
    expect(calls[0]?.input).toEqual({ shotId: 'b', toIndex: 0 });
  });
});
