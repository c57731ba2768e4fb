/**
 * Recovery actions (recoveryActions.ts): an open refused as foreign offers a repaired copy,
 * which opens through project.openRepaired; opening a project with missing media opens the
 * Relink dialog; a mismatched relink keeps the file for "Relink anyway", which sends confirm.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MissingMediaItem } from '../../../../shared/api/recovery';
import { AppError } from '../../../../shared/errors';
import { actions, runAction } from '../../../../renderer/src/actions';
import { recoveryUi, resetRecoveryUi } from '../../../../renderer/src/store/recoveryUi';
import { createAppStore } from '../../../../renderer/src/store/store';
import { fakeApi, makeShot, makeSnapshot } from '../fixtures';

const MISSING: MissingMediaItem = {
  assetId: 'a'.repeat(64),
  originalName: '马 horse.mp4',
  bytes: 10,
  kind: 'video',
  durationSec: 1,
  problem: 'missing',
  usedBy: [{ shotId: 's', shotNumber: 1, role: 'take' }],
};

beforeEach(() => resetRecoveryUi());

describe('open refused as foreign', () => {
  it('shows the error, offers the repaired copy, and opens it', async () => {
    const store = createAppStore();
    const doc = makeSnapshot([makeShot('s')]);
    const { api, calls } = fakeApi({
      'project.open': () => {
        throw new AppError('PROJECT_FOREIGN', 'contains trigger "t"', { first: 't' });
      },
      'project.openRepaired': () => doc,
      'media.missing': () => [],
    });
    expect(await runAction({ api, store }, actions['project.open'], { dir: ' /p ' })).toBe(false);
    expect(store.getState().errors['start.open']?.code).toBe('PROJECT_FOREIGN');
    expect(recoveryUi.getState().repairOffer).toEqual({ dir: '/p', code: 'PROJECT_FOREIGN' });
    expect(await runAction({ api, store }, actions['project.openRepaired'], { dir: '/p' })).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['project.open', 'project.openRepaired', 'media.missing']);
    expect(store.getState().snapshot).toBe(doc);
    expect(recoveryUi.getState().repairOffer).toBeNull();
    expect(store.getState().errors['start.open']).toBeUndefined();
  });

  it('offers nothing for an error that a repaired copy cannot help (in use)', async () => {
    const store = createAppStore();
    const { api } = fakeApi({
      'project.open': () => {
        throw new AppError('PROJECT_IN_USE', 'open elsewhere');
      },
    });
    await runAction({ api, store }, actions['project.open'], { dir: '/p' });
    expect(recoveryUi.getState().repairOffer).toBeNull();
  });
});

describe('relink', () => {
  it('opens the dialog when the opened project has missing media', async () => {
    const store = createAppStore();
    const { api } = fakeApi({ 'project.open': () => makeSnapshot([makeShot('s')]), 'media.missing': () => [MISSING] });
    await runAction({ api, store }, actions['project.open'], { dir: '/p' });
    expect(recoveryUi.getState()).toMatchObject({ relinkOpen: true, missing: [MISSING] });
  });

  it('keeps a mismatched file for "Relink anyway", which sends confirm: true', async () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('s')]));
    recoveryUi.setState({ relinkOpen: true, missing: [MISSING] });
    const file = new File(['x'], 'other.mp4');
    let confirmSeen = false;
    const { api, calls } = fakeApi({
      'media.relink': (input) => {
        if (!(input as { confirm: boolean }).confirm)
          throw new AppError('MEDIA_MISMATCH', 'not the same', { canConfirm: true });
        confirmSeen = true;
        return {
          result: { assetId: MISSING.assetId, verified: 'confirmed', path: 'media/x.mp4' },
          snapshot: makeSnapshot([makeShot('s')]),
        };
      },
      'media.missing': () => [],
    });
    const ctx = { api, store };
    expect(await runAction(ctx, actions['media.relink'], { assetId: MISSING.assetId, file, confirm: false })).toBe(
      false,
    );
    expect(store.getState().errors.relink?.code).toBe('MEDIA_MISMATCH');
    expect(recoveryUi.getState().mismatch).toEqual({ assetId: MISSING.assetId, file });
    expect(await runAction(ctx, actions['media.relink'], { assetId: MISSING.assetId, file, confirm: true })).toBe(true);
    expect(confirmSeen).toBe(true);
    expect(calls.filter((c) => c.method === 'media.relink').map((c) => c.input)).toEqual([
      { assetId: MISSING.assetId, path: '/staged/other.mp4', confirm: false },
      { assetId: MISSING.assetId, path: '/staged/other.mp4', confirm: true },
    ]);
    expect(recoveryUi.getState()).toMatchObject({ mismatch: null, missing: [], relinked: ['马 horse.mp4'] });
  });

  it('save a copy is a global File action; it reports where the copy went', async () => {
    expect(actions['saveCopy.open']).toMatchObject({ global: true, group: 'file' });
    expect(actions['relink.open']).toMatchObject({ global: true, group: 'file' });
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('s')]));
    const { api } = fakeApi({ 'project.saveCopy': () => ({ dir: '/c', copiedFiles: 1, skipped: [] }) });
    expect(await runAction({ api, store }, actions['project.saveCopy'], { dir: ' /c ' })).toBe(true);
    expect(recoveryUi.getState().savedTo).toBe('/c');
  });
});
