/**
 * "Make keyframe from references" through the action registry: the palette's form works on the
 * selected shot with the inspector's choice, the estimate is asked right before starting and an
 * estimate over the budget sends nothing (a translated reason shows where the action runs);
 * "Use as first frame" is one keyframes.pick call whose snapshot becomes the document.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchEstimate } from '../../../../shared/api/contract';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import { OFFLINE_IMAGE_PROVIDER, keyframeUi, setKeyframeUi } from '../../../../renderer/src/store/keyframeUi';
import { createAppStore } from '../../../../renderer/src/store/store';
import { selection } from '../../../../renderer/src/store/uiEditor';
import { fakeApi, makeEstimate, makeLedger, makeShot, makeSnapshot, makeTake } from '../fixtures';

const estimate = (overBudget: boolean): BatchEstimate =>
  makeEstimate('gemini-image', 2, 0.078, { budgetCap: overBudget ? 0.05 : null, overBudget });

function setup(overBudget = false) {
  const store = createAppStore();
  const image = { ...makeTake('k1', 'a'), kind: 'image' as const, assetId: 'pic1' };
  const snap = makeSnapshot([makeShot('a'), makeShot('b')], { takes: [image] });
  store.getState().setSnapshot(snap);
  const picked = { ...snap, shots: snap.shots.map((s) => (s.id === 'a' ? { ...s, firstFrameAssetId: 'pic1' } : s)) };
  const { api, calls } = fakeApi({
    'keyframes.estimate': () => estimate(overBudget),
    'keyframes.make': () => ({ jobIds: ['j1', 'j2'] }),
    'keyframes.pick': () => picked,
    'project.current': () => snap,
    'jobs.list': () => [],
    'jobs.ledger': () => makeLedger(),
  });
  return { ctx: { api, store }, calls, store };
}

beforeEach(() => {
  setKeyframeUi({ provider: OFFLINE_IMAGE_PROVIDER, model: null, variations: 1, sentOpen: false, providers: null });
  selection.getState().select([], 'replace', []);
});

describe('keyframe actions', () => {
  it('the palette form makes keyframes for the selected shot with the chosen model and count', async () => {
    const { ctx, calls, store } = setup();
    expect(canRun(actions['keyframe.make'], store.getState(), undefined)).toBe(false);
    selection.getState().select(['b'], 'replace', ['a', 'b']);
    setKeyframeUi({ provider: 'gemini-image', model: 'gemini-3-pro-image-preview', variations: 2 });
    expect(await runAction(ctx, actions['keyframe.make'], undefined)).toBe(true);
    const asked = { shotId: 'b', provider: 'gemini-image', model: 'gemini-3-pro-image-preview', variations: 2 };
    expect(calls.slice(0, 2)).toEqual([
      { method: 'keyframes.estimate', input: asked },
      { method: 'keyframes.make', input: asked },
    ]);
  });

  it('over the budget nothing is sent and the reason is translated', async () => {
    const { ctx, calls, store } = setup(true);
    const payload = { shotId: 'a', provider: 'gemini-image', variations: 2 };
    expect(await runAction(ctx, actions['keyframe.make'], payload)).toBe(false);
    expect(calls.map((c) => c.method)).toEqual(['keyframes.estimate']);
    expect(store.getState().errors.keyframes?.localized?.key).toBe('keyframe.errors.overBudget');
  });

  it('"Use as first frame" is one keyframes.pick and its snapshot becomes the document', async () => {
    const { ctx, calls, store } = setup();
    expect(canRun(actions['keyframe.pick'], store.getState(), { takeId: 'nope', which: 'first' })).toBe(false);
    expect(await runAction(ctx, actions['keyframe.pick'], { takeId: 'k1', which: 'first' })).toBe(true);
    expect(calls).toEqual([{ method: 'keyframes.pick', input: { takeId: 'k1', which: 'first' } }]);
    expect(store.getState().snapshot?.shots[0]?.firstFrameAssetId).toBe('pic1');
  });

  it('"What will be sent" opens and closes from the palette for a selected shot', async () => {
    const { ctx, store } = setup();
    selection.getState().select(['a'], 'replace', ['a', 'b']);
    expect(canRun(actions['keyframe.toggleSent'], store.getState(), undefined)).toBe(true);
    await runAction(ctx, actions['keyframe.toggleSent'], undefined);
    expect(keyframeUi.getState().sentOpen).toBe(true);
    await runAction(ctx, actions['keyframe.toggleSent'], undefined);
    expect(keyframeUi.getState().sentOpen).toBe(false);
  });
});
