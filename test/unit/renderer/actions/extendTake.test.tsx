/** The "Extend take" action: offered only where the take's provider and model can extend, one contract call (one undo step). */
import { describe, expect, it } from 'vitest';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import type { ProviderInfo } from '../../../../renderer/src/store/jobs';
import { createAppStore } from '../../../../renderer/src/store/store';
import { selection } from '../../../../renderer/src/store/uiEditor';
import { fakeApi, makeProvider, makeShot, makeSnapshot, makeTake } from '../fixtures';

const cloud: ProviderInfo = makeProvider('cloud', 'Cloud Video', {
  textToVideo: true,
  imageToVideo: false,
  lastFrame: false,
  extend: false,
  durations: { kind: 'set', values: [5] },
  models: [
    { id: 'old', label: 'Old', capabilities: { extend: true } },
    { id: 'new', label: 'New' },
  ],
});

function store(takeOver: { model?: string | null; ref?: string | null; provider?: string } = {}) {
  const s = createAppStore();
  const take = {
    ...makeTake('t1', 'a'),
    provider: takeOver.provider ?? 'cloud',
    model: takeOver.model === undefined ? 'old' : takeOver.model,
  };
  if (takeOver.ref !== null) take.request = { providerOutput: { ref: takeOver.ref ?? 'clip-9' } };
  s.getState().setSnapshot(makeSnapshot([makeShot('a', { selectedTakeId: 't1' }), makeShot('b')], { takes: [take] }));
  s.getState().setProviders([cloud]);
  return s;
}

describe('take.extend', () => {
  it("can run for a take whose model can extend and which keeps the provider's clip handle", () => {
    const p = { takeId: 't1' };
    expect(canRun(actions['take.extend'], store().getState(), p)).toBe(true);
    expect(canRun(actions['take.extend'], store({ model: 'new' }).getState(), p)).toBe(false);
    expect(canRun(actions['take.extend'], store({ ref: null }).getState(), p)).toBe(false);
    expect(canRun(actions['take.extend'], store({ provider: 'animatic' }).getState(), p)).toBe(false);
    expect(canRun(actions['take.extend'], store().getState(), { takeId: 'gone' })).toBe(false);
  });

  it('makes exactly one contract call (one undo step), shows its snapshot and selects the new shot', async () => {
    const s = store();
    const after = makeSnapshot(
      [makeShot('a'), makeShot('x', { extendsTakeId: 't1', provider: 'cloud', model: 'old' }), makeShot('b')],
      {
        history: { canUndo: true, canRedo: false, revision: 2 },
      },
    );
    const { api, calls } = fakeApi({ 'shots.extendTake': () => ({ shotId: 'x', snapshot: after }) });
    expect(await runAction({ api, store: s }, actions['take.extend'], { takeId: 't1' })).toBe(true);
    expect(calls).toEqual([{ method: 'shots.extendTake', input: { takeId: 't1' } }]);
    expect(s.getState().snapshot?.shots.map((x) => x.id)).toEqual(['a', 'x', 'b']);
    expect(selection.getState().ids).toEqual(['x']);
  });

  it('shows a refusal where the action runs, and changes nothing', async () => {
    const s = store();
    const before = s.getState().snapshot;
    const { api } = fakeApi({
      'shots.extendTake': () => {
        throw Object.assign(new Error('Take "t1" of shot 1 has no stored clip id'), { code: 'INVALID_INPUT' });
      },
    });
    expect(await runAction({ api, store: s }, actions['take.extend'], { takeId: 't1' })).toBe(false);
    expect(s.getState().errors.shot?.message).toBe('Take "t1" of shot 1 has no stored clip id');
    expect(s.getState().snapshot).toBe(before);
  });
});

describe('take.extendSelected (context menu, palette)', () => {
  it('extends the take in the cut of the one selected shot, and is off for none, several or a shot without one', async () => {
    const s = store();
    selection.getState().select(['b'], 'replace', ['a', 'b']);
    expect(canRun(actions['take.extendSelected'], s.getState(), undefined)).toBe(false);
    selection.getState().select(['a', 'b'], 'replace', ['a', 'b']);
    expect(canRun(actions['take.extendSelected'], s.getState(), undefined)).toBe(false);
    selection.getState().select(['a'], 'replace', ['a', 'b']);
    expect(canRun(actions['take.extendSelected'], s.getState(), undefined)).toBe(true);
    const { api, calls } = fakeApi({
      'shots.extendTake': () => ({
        shotId: 'x',
        snapshot: makeSnapshot([makeShot('a'), makeShot('x'), makeShot('b')]),
      }),
    });
    expect(await runAction({ api, store: s }, actions['take.extendSelected'], undefined)).toBe(true);
    expect(calls).toEqual([{ method: 'shots.extendTake', input: { takeId: 't1' } }]);
  });
});
