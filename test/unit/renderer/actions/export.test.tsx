import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { actions, canRun, runAction } from '../../../../renderer/src/actions';
import { createAppStore } from '../../../../renderer/src/store/store';
import { fakeApi, makeShot, makeSnapshot } from '../fixtures';

const progress = (
  exportId: string,
  state: 'running' | 'succeeded' | 'failed' | 'canceled',
  p: number,
  error: string | null = null,
) => ({ exportId, state, progress: p, outPath: '/films/lake/export.mp4', error });

function ready() {
  const store = createAppStore();
  store.getState().setSnapshot(makeSnapshot([makeShot('a')]));
  return store;
}

describe('export', () => {
  it('starts, follows progress events and ends in success', async () => {
    const store = ready();
    const { api, calls } = fakeApi({ 'export.start': () => ({ exportId: 'e1' }) });
    await runAction({ api, store }, actions['export.start'], { outPath: ' /films/lake/export.mp4 ', quality: 'draft' });
    expect(calls[0]?.input).toEqual({ outPath: '/films/lake/export.mp4', quality: 'draft' });
    expect(store.getState().exportRun).toMatchObject({ exportId: 'e1', state: 'running' });
    expect(canRun(actions['export.start'], store.getState(), { outPath: '/x.mp4', quality: 'draft' })).toBe(false);
    store.getState().applyExportProgress(progress('e1', 'running', 0.4));
    expect(store.getState().exportRun?.progress).toBe(0.4);
    store.getState().applyExportProgress(progress('other', 'failed', 0, 'not ours'));
    expect(store.getState().exportRun?.state).toBe('running');
    store.getState().applyExportProgress(progress('e1', 'succeeded', 1));
    expect(store.getState().exportRun?.state).toBe('succeeded');
    // A late progress line can't turn a finished export back into a running one.
    store.getState().applyExportProgress(progress('e1', 'running', 0.9));
    expect(store.getState().exportRun?.state).toBe('succeeded');
  });

  it('adopts progress events that arrive before export.start answers', async () => {
    const store = ready();
    const { api } = fakeApi({
      'export.start': () => {
        store.getState().applyExportProgress(progress('e2', 'running', 0.1));
        return { exportId: 'e2' };
      },
    });
    await runAction({ api, store }, actions['export.start'], { outPath: '/o.mp4', quality: 'standard' });
    expect(store.getState().exportRun).toMatchObject({ exportId: 'e2', state: 'running', progress: 0.1 });
  });

  it('shows a refused start in the export panel and leaves no run behind', async () => {
    const store = ready();
    const { api } = fakeApi({
      'export.start': () => {
        throw new AppError('OUTPUT_NOT_WRITABLE', 'Cannot write /root/x.mp4: permission denied.');
      },
    });
    await runAction({ api, store }, actions['export.start'], { outPath: '/root/x.mp4', quality: 'draft' });
    expect(store.getState().exportRun).toBeNull();
    expect(store.getState().errors.export?.code).toBe('OUTPUT_NOT_WRITABLE');
  });

  it('cancels: canceling, then canceled from the event (not failed)', async () => {
    const store = ready();
    const { api, calls } = fakeApi({
      'export.start': () => ({ exportId: 'e3' }),
      'export.cancel': () => ({ ok: true as const }),
    });
    await runAction({ api, store }, actions['export.start'], { outPath: '/o.mp4', quality: 'draft' });
    expect(canRun(actions['export.cancel'], store.getState(), undefined)).toBe(true);
    await runAction({ api, store }, actions['export.cancel'], undefined);
    expect(calls.at(-1)).toEqual({ method: 'export.cancel', input: { exportId: 'e3' } });
    expect(store.getState().exportRun?.state).toBe('canceling');
    store.getState().applyExportProgress(progress('e3', 'running', 0.5));
    expect(store.getState().exportRun?.state).toBe('canceling');
    store.getState().applyExportProgress(progress('e3', 'canceled', 0));
    expect(store.getState().exportRun?.state).toBe('canceled');
    expect(store.getState().errors.export).toBeUndefined();
  });

  it('needs at least one shot', () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([]));
    expect(canRun(actions['export.start'], store.getState(), { outPath: '/o.mp4', quality: 'draft' })).toBe(false);
  });
});
