/**
 * What the app asks before a bridge (bridges.estimate): the model's price against the budget,
 * refused exactly as the insert is — with an i18n key and the list of models that can end on a
 * frame — and nothing added, grabbed or sent either way.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, localizedMessage, toSerializedError } from '../../../shared/errors.js';
import { estimateBridge } from '../../../electron/services/keyframes/bridge.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
let store: ProjectStore | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

function twoShots(name: string): { s: ProjectStore; a: string; b: string } {
  const s = ProjectStore.create(join(root, name), {
    name,
    aspect: '16:9',
    resolution: '720p',
    fps: { num: 24, den: 1 },
  });
  store = s;
  const a = s.shots.add({ prompt: 'a horse runs', durationFrames: 96 }).id;
  const b = s.shots.add({ prompt: 'a kitten looks up', durationFrames: 96 }).id;
  return { s, a, b };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('bridges.estimate', () => {
  it('prices the bridge on a model that ends on a frame, with nothing added', () => {
    const { s, a } = twoShots('priced');
    const revision = s.snapshot().history.revision;
    const r = estimateBridge(s, { afterShotId: a, provider: 'runway', model: 'veo3.1', durationSec: 4 });
    expect(r).toMatchObject({ provider: 'runway', model: 'veo3.1', durationSec: 4 });
    expect(r.estimate.jobs).toBe(1);
    expect(r.estimate.total).toBeGreaterThan(0);
    expect(r.estimate.perProvider).toEqual([expect.objectContaining({ provider: 'runway', jobs: 1 })]);
    expect(r.estimate.overBudget).toBe(false);
    s.setBudgetCap(0.01);
    expect(estimateBridge(s, { afterShotId: a, provider: 'runway', model: 'veo3.1' }).estimate.overBudget).toBe(true);
    expect(s.snapshot().shots).toHaveLength(2);
    expect(s.snapshot().history.revision).toBe(revision);
  });

  it('refuses a model without a last frame with a translatable list of the models that can', () => {
    const { s, a } = twoShots('refused');
    const e = refusal(() => estimateBridge(s, { afterShotId: a, provider: 'animatic' }));
    expect(e.code).toBe('INVALID_INPUT');
    const loc = localizedMessage(toSerializedError(e));
    expect(loc?.key).toBe('bridges.errors.noLastFrame');
    expect(String(loc?.params.models)).toContain('[runway/veo3.1]');
    expect(String(loc?.params.models)).not.toContain('animatic');
    // The id beside the English label, so the UI names the provider in its own language.
    expect(loc?.params.providerId).toBe('animatic');
    expect(e.message).toMatch(/cannot end a clip on a given frame.*Models that can: /);
    expect(s.snapshot().shots).toHaveLength(2);
  });

  it('refuses the last shot: a bridge needs a shot after it', () => {
    const { s, b } = twoShots('last');
    const e = refusal(() => estimateBridge(s, { afterShotId: b, provider: 'runway', model: 'veo3.1' }));
    expect(localizedMessage(toSerializedError(e))).toEqual({
      key: 'bridges.errors.noNextShot',
      params: expect.objectContaining({ number: 2 }),
    });
  });
});
