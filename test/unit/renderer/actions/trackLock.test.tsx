/**
 * Track header switches through the registry: `track.set` is one contract call; an edit of a
 * locked track's items is refused before anything is sent, with a translated message key. Every
 * registered action declares the tracks it edits (its `tracks`), and canRun — which also
 * disables buttons, menu items and palette entries — refuses an edit of a locked track.
 */
import { describe, expect, it } from 'vitest';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import type { Action } from '../../../../renderer/src/actions/registry';
import { TRACKS } from '../../../../shared/model/tracks';
import { createAppStore } from '../../../../renderer/src/store/store';
import { newAudioItem } from '../../../../shared/model/factories';
import type { TrackStates } from '../../../../shared/model/tracks';
import { en, flattenTree, zhCN } from '../../../../renderer/src/i18n/resources';
import { fakeApi, makeShot, makeSnapshot } from '../fixtures';

function setup(trackStates: TrackStates) {
  const store = createAppStore();
  const base = makeSnapshot([makeShot('a'), makeShot('b')], {
    audioItems: [newAudioItem({ id: 'm1', lane: 'music', assetId: 'x' })],
  });
  store.getState().setSnapshot({ ...base, project: { ...base.project, trackStates } });
  const { api, calls } = fakeApi({
    'audio.update': () => store.getState().snapshot!,
    'shots.moveMany': () => store.getState().snapshot!,
    'tracks.set': () => store.getState().snapshot!,
  });
  return { store, api, calls };
}

describe('track lock', () => {
  it('refuses an edit of a locked lane’s item with a translated message, sending nothing', async () => {
    const { store, api, calls } = setup({ music: { locked: true } });
    const ok = await runAction({ api, store }, actions['audio.update'], { id: 'm1', patch: { gainDb: -6 } });
    expect(ok).toBe(false);
    expect(calls).toEqual([]);
    const err = store.getState().errors.app;
    expect(err?.code).toBe('FORBIDDEN');
    expect(err?.localized?.key).toBe('tracks.locked.music');
    expect(flattenTree(en).get('tracks.locked.music')).toMatch(/locked/);
    expect(flattenTree(zhCN).get('tracks.locked.music')).toMatch(/锁定/);
  });

  it('refuses moving shots on a locked shot track, and lets other tracks’ edits through', async () => {
    const locked = setup({ shots: { locked: true } });
    expect(await runAction(locked, actions['shots.moveMany'], { shotIds: ['a'], toIndex: 2 })).toBe(false);
    expect(locked.store.getState().errors.app?.localized?.key).toBe('tracks.locked.shots');
    const open = setup({ shots: { locked: true } });
    expect(await runAction(open, actions['audio.update'], { id: 'm1', patch: { gainDb: -6 } })).toBe(true);
    expect(open.calls.map((c) => c.method)).toEqual(['audio.update']);
  });

  it('sends one tracks.set call per toggle', async () => {
    const { store, api, calls } = setup({});
    expect(
      await runAction({ api, store }, actions['track.set'], { track: 'voiceover', switch: 'solo', on: true }),
    ).toBe(true);
    expect(calls).toEqual([{ method: 'tracks.set', input: { track: 'voiceover', switch: 'solo', on: true } }]);
  });

  it('clears the lock refusal once a switch is pressed', async () => {
    const { store, api } = setup({ music: { locked: true } });
    await runAction({ api, store }, actions['audio.remove'], { id: 'm1' });
    expect(store.getState().errors.app?.code).toBe('FORBIDDEN');
    await runAction({ api, store }, actions['track.set'], { track: 'music', switch: 'locked', on: false });
    expect(store.getState().errors.app).toBeUndefined();
  });
});

/** Actions that change items on a track, and the track a typical payload of each lands on. */
const EDITS_OF_TRACKS: [id: string, payload: unknown, track: string][] = [
  ['shot.add', { prompt: 'x' }, 'shots'],
  ['shots.paste', { lines: [] }, 'shots'],
  ['shot.move', { shotId: 'a', delta: 1 }, 'shots'],
  ['shot.remove', { shotId: 'a' }, 'shots'],
  ['shots.moveMany', { shotIds: ['a'], toIndex: 1 }, 'shots'],
  ['shot.setTrim', { shotId: 'a', inFrames: 0, outFrames: 10 }, 'shots'],
  ['shot.update', { shotId: 'a', patch: { durationFrames: 48 } }, 'shots'],
  ['shot.selectTake', { shotId: 'a', takeId: 't' }, 'shots'],
  ['bridge.insert', { afterShotId: 'a' }, 'shots'],
  ['script.apply', { proposal: null }, 'shots'],
  ['edit.delete', undefined, 'shots'],
  ['edit.duplicate', undefined, 'shots'],
  ['edit.paste', undefined, 'shots'],
  ['edit.split', undefined, 'shots'],
  ['trim.in', undefined, 'shots'],
  ['trim.out', undefined, 'shots'],
  ['audio.add', { lane: 'sfx', assetId: 'x', startFrame: 0 }, 'sfx'],
  ['audio.update', { id: 'm1', patch: { gainDb: -6 } }, 'music'],
  ['audio.remove', { id: 'm1' }, 'music'],
  ['dialogue.setLines', { shotId: 'a', lines: [] }, 'dialogue'],
  ['dialogue.voice', { shotIds: ['a'] }, 'dialogue'],
  ['dialogue.fit', { shotIds: ['a'] }, 'dialogue'],
];

describe('the tracks each action edits', () => {
  const all = Object.values(actions) as Action[];

  it('are declared by every registered action (a new one without them fails here)', () => {
    expect(all.length).toBeGreaterThan(100);
    const undeclared = all.filter((a) => a.tracks !== 'none' && typeof a.tracks !== 'function').map((a) => a.id);
    expect(undeclared).toEqual([]);
  });

  it('name only real tracks', () => {
    const { store } = setup({});
    const doc = store.getState().snapshot!;
    for (const [id, payload] of EDITS_OF_TRACKS) {
      const a = (actions as Record<string, Action>)[id]!;
      expect(a.tracks, id).not.toBe('none');
      if (a.tracks === 'none') continue;
      for (const t of a.tracks(doc, payload as never)) expect(TRACKS, id).toContain(t);
    }
  });

  it.each(EDITS_OF_TRACKS)('%s cannot run while its track is locked, and can once it is not', (id, payload, track) => {
    const a = (actions as Record<string, Action>)[id]!;
    const locked = setup({ [track]: { locked: true } });
    expect(canRun(a, locked.store.getState(), payload as never)).toBe(false);
    // Unlocked, the lock is no longer the reason (the action's own predicate may still say no).
    const open = setup({});
    const predicate = a.predicate ? a.predicate(open.store.getState(), payload as never) : true;
    expect(canRun(a, open.store.getState(), payload as never)).toBe(predicate);
  });

  it('leaves an edit of the prompt, a view command and the switches themselves runnable on locked tracks', () => {
    const { store } = setup({ shots: { locked: true }, music: { locked: true }, dialogue: { locked: true } });
    const s = store.getState();
    expect(canRun(actions['shot.update'], s, { shotId: 'a', patch: { prompt: 'new words' } })).toBe(true);
    expect(canRun(actions['timeline.zoomIn'], s, undefined)).toBe(true);
    expect(canRun(actions['track.set'], s, { track: 'shots', switch: 'locked', on: false })).toBe(true);
  });
});
