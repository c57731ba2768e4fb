/** shots.update with a transition, through dispatch() on real SQLite: validated, stored, one undo step. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { totalFrames } from '../../../shared/model/timeline.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { call, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';

describe('shot transitions through the contract', () => {
  const root = tempDir();

  it('stores a transition, changes the cut length, and undoes in one step', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'fade 淡入'), name: 'fade', fps: '24', resolution: '720p' });
    await call(s, 'shots.add', { prompt: 'a', durationSec: 2 });
    const b = await call(s, 'shots.add', { prompt: 'b', durationSec: 2 });
    const before = (await call(s, 'project.current', {}))!;
    expect(totalFrames(before)).toBe(96);
    const after = await call(s, 'shots.update', {
      shotId: b.shotId,
      patch: { transitionIn: { kind: 'crossfade', frames: 12 }, title: 'B' },
    });
    const shot = after.shots.find((x) => x.id === b.shotId)!;
    expect(shot.transitionIn).toEqual({ kind: 'crossfade', frames: 12 });
    expect(shot.title).toBe('B');
    expect(totalFrames(after)).toBe(84);
    const undone = await call(s, 'history.undo', {});
    const back = undone.shots.find((x) => x.id === b.shotId)!;
    expect(back.transitionIn).toEqual({ kind: 'cut', frames: 0 });
    expect(back.title).toBe('');
    const redone = await call(s, 'history.redo', {});
    expect(redone.shots.find((x) => x.id === b.shotId)!.transitionIn).toEqual({ kind: 'crossfade', frames: 12 });
  });

  it('refuses a bad kind or length with INVALID_INPUT and changes nothing', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'bad'), name: 'bad', fps: '24', resolution: '720p' });
    const a = await call(s, 'shots.add', { prompt: 'a', durationSec: 2 });
    for (const transitionIn of [
      { kind: 'wipe', frames: 4 },
      { kind: 'crossfade', frames: -1 },
      { kind: 'crossfade', frames: 601 },
      { kind: 'crossfade', frames: 2.5 },
    ]) {
      const r = await dispatch(s.handlers, 'shots.update', { shotId: a.shotId, patch: { transitionIn } } as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    const snap = (await call(s, 'project.current', {}))!;
    expect(snap.shots[0]!.transitionIn).toEqual({ kind: 'cut', frames: 0 });
  });
});
