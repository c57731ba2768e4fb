/**
 * Track header switches through the registry: `track.set` is one contract call; an edit of a
 * locked track's items is refused before anything is sent, with a translated message key.
 */
import { describe, expect, it } from 'vitest';
import { actions, runAction } from '../../../../renderer/src/actions';
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
