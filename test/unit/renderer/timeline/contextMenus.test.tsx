/**
 * What a right-click on the timeline is about (menuTarget.ts), and which registry actions its
 * menu lists (actions/contextMenus.ts): each entry is a real action with a payload it accepts.
 */
import { describe, expect, it } from 'vitest';
import { actions, canRun } from '../../../../renderer/src/actions';
import { menuFor } from '../../../../renderer/src/actions/contextMenus';
import { createAppStore } from '../../../../renderer/src/store/store';
import { LAYOUT } from '../../../../renderer/src/timeline/geometry';
import { selectedTarget } from '../../../../renderer/src/timeline/menuKeys';
import { menuTargetAt } from '../../../../renderer/src/timeline/menuTarget';
import { newAudioItem } from '../../../../shared/model/factories';
import { makeShot, makeSnapshot } from '../fixtures';

const view = { pxPerFrame: 2, scrollFrame: 0 };

function doc() {
  // Two placeholder shots of 96 frames (192 px each), the second with a 12-frame crossfade in.
  const a = { ...makeShot('a'), durationFrames: 96 };
  const b = { ...makeShot('b'), durationFrames: 96, transitionIn: { kind: 'crossfade' as const, frames: 12 } };
  return makeSnapshot([a, b], {
    audioItems: [newAudioItem({ id: 'm1', lane: 'music', assetId: 'x', startFrame: 0, outFrame: 48 })],
  });
}

describe('timeline menu targets', () => {
  const shotY = LAYOUT.shotTop + 20;
  const musicY = LAYOUT.audioTop + 10;
  const sfxY = LAYOUT.audioTop + 2 * LAYOUT.audioLaneHeight + 10;

  it('names a shot, the transition over an overlap, an audio item and an empty lane', () => {
    const d = doc();
    expect(menuTargetAt(d, 40, shotY, view)).toEqual({ kind: 'shot', shotId: 'a' });
    // b starts at 96 - 12 = 84 (168 px) and overlaps a for 12 frames (to 192 px).
    expect(menuTargetAt(d, 180, shotY, view)).toEqual({ kind: 'transition', shotId: 'b' });
    expect(menuTargetAt(d, 300, shotY, view)).toEqual({ kind: 'shot', shotId: 'b' });
    expect(menuTargetAt(d, 40, musicY, view)).toEqual({ kind: 'audio', id: 'm1' });
    expect(menuTargetAt(d, 200, musicY, view)).toEqual({ kind: 'lane', track: 'music' });
    expect(menuTargetAt(d, 40, sfxY, view)).toEqual({ kind: 'lane', track: 'sfx' });
    expect(menuTargetAt(d, 40, 10, view)).toBeNull(); // the ruler
    expect(menuTargetAt(d, 1000, shotY, view)).toEqual({ kind: 'lane', track: 'shots' });
  });

  it('lists registry actions that accept their payloads, with the track switches where they apply', () => {
    const store = createAppStore();
    store.getState().setSnapshot(doc());
    const s = store.getState();
    const audio = menuFor({ kind: 'audio', id: 'm1' }, s).filter((l) => l !== null);
    expect(audio.map((l) => l.id)).toEqual([
      'audio.update',
      'audio.update',
      'audio.update',
      'track.set',
      'track.set',
      'track.set',
      'audio.remove',
    ]);
    expect(audio.find((l) => l.id === 'audio.remove')!.payload).toEqual({ id: 'm1' });
    expect(canRun(actions['audio.remove'], s, { id: 'm1' })).toBe(true);
    const transition = menuFor({ kind: 'transition', shotId: 'b' }, s).filter((l) => l !== null);
    expect(transition.find((l) => l.checked)?.label?.key).toBe('editor.inspector.transitions.crossfade');
    const lane = menuFor({ kind: 'lane', track: 'sfx' }, s).filter((l) => l !== null);
    expect(lane.filter((l) => l.id === 'track.set').map((l) => l.payload)).toEqual([
      { track: 'sfx', switch: 'muted', on: true },
      { track: 'sfx', switch: 'solo', on: true },
      { track: 'sfx', switch: 'locked', on: true },
    ]);
    for (const l of [...audio, ...transition, ...lane]) expect(actions[l.id]).toBeDefined();
  });

  it('the keyboard menu opens on the selected audio item, else the focused transition, else the primary shot', () => {
    const d = doc();
    const none = { ids: [], anchor: null, item: null };
    expect(selectedTarget(d, none, 'm1')).toEqual({ kind: 'audio', id: 'm1' });
    expect(selectedTarget(d, { ...none, item: { kind: 'transition', shotId: 'b' } }, null)).toEqual({
      kind: 'transition',
      shotId: 'b',
    });
    expect(selectedTarget(d, { ids: ['a', 'b'], anchor: 'b', item: null }, null)).toEqual({
      kind: 'shot',
      shotId: 'b',
    });
    expect(selectedTarget(d, none, null)).toEqual({ kind: 'lane', track: 'shots' });
  });
});
