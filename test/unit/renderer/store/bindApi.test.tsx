import { describe, expect, it } from 'vitest';
import type { ApiClient, ConnectionStatus } from '../../../../renderer/src/api/client';
import { bindApi } from '../../../../renderer/src/store/bindApi';
import { createAppStore } from '../../../../renderer/src/store/store';
import { fakeApi, makeShot, makeSnapshot } from '../fixtures';

/** A fake API whose events and status changes the test fires by hand. */
function wired(impl: Parameters<typeof fakeApi>[0]) {
  const { api, calls } = fakeApi(impl);
  const listeners = new Map<string, (p: unknown) => void>();
  let status: (s: ConnectionStatus) => void = () => undefined;
  const menu: ((id: string) => void)[] = [];
  const client: ApiClient = {
    ...api,
    // As the WebSocket client starts: connecting, then open.
    status: 'connecting',
    on: (event, l) => {
      listeners.set(event, l as (p: unknown) => void);
      return () => listeners.delete(event);
    },
    onStatus: (l) => {
      status = l;
      return () => undefined;
    },
    onMenu: (l) => {
      menu.push(l);
      return () => undefined;
    },
  };
  const store = createAppStore();
  const off = bindApi({ api: client, store });
  return {
    store,
    calls,
    fire: (e: string, p: unknown) => listeners.get(e)?.(p),
    status: (s: ConnectionStatus) => status(s),
    menu: (id: string) => menu.forEach((m) => m(id)),
    off,
    listeners,
  };
}

describe('bindApi', () => {
  it('applies project.changed for the open project only', () => {
    const w = wired({});
    w.fire('project.changed', makeSnapshot([makeShot('a')]));
    expect(w.store.getState().snapshot).toBeNull();
    const open = makeSnapshot([makeShot('a')]);
    w.store.getState().setSnapshot(open);
    const next = makeSnapshot([makeShot('a'), makeShot('b')]);
    w.fire('project.changed', next);
    expect(w.store.getState().snapshot).toBe(next);
    const other = makeSnapshot([]);
    other.project = { ...other.project, id: 'elsewhere' };
    w.fire('project.changed', other);
    expect(w.store.getState().snapshot).toBe(next);
  });

  it('feeds job and export progress into their slices', () => {
    const w = wired({});
    w.store.getState().setSnapshot(makeSnapshot([makeShot('a')]));
    w.fire('job.progress', { jobId: 'j', shotId: 'a', state: 'running', progress: 0.3, error: null });
    expect(w.store.getState().jobs.a?.progress).toBe(0.3);
    w.store.getState().setExportRun({ exportId: 'e', state: 'running', progress: 0, outPath: '/o.mp4', error: null });
    w.fire('export.progress', {
      exportId: 'e',
      state: 'failed',
      progress: 0.2,
      outPath: '/o.mp4',
      error: 'Disk full writing /o.mp4',
    });
    expect(w.store.getState().exportRun).toMatchObject({ state: 'failed', error: 'Disk full writing /o.mp4' });
  });

  it('reloads the state after a reconnect, not on the first connect', async () => {
    const doc = makeSnapshot([makeShot('a')]);
    const w = wired({
      'app.info': () => ({ version: '1', host: 'browser', ffmpeg: null, suggestedDir: null, providers: [] }),
      'project.current': () => doc,
    });
    w.status('open');
    expect(w.calls).toEqual([]);
    w.status('closed');
    expect(w.store.getState().connection).toBe('closed');
    w.status('connecting');
    w.status('open');
    await expect.poll(() => w.store.getState().snapshot).toBe(doc);
    expect(w.calls.map((c) => c.method)).toEqual(['app.info', 'project.current']);
  });

  it('runs undo from the native menu', async () => {
    const after = makeSnapshot([]);
    const w = wired({ 'history.undo': () => after });
    w.store
      .getState()
      .setSnapshot(makeSnapshot([makeShot('a')], { history: { canUndo: true, canRedo: false, revision: 4 } }));
    w.menu('history.undo');
    w.menu('no.such.action');
    await expect.poll(() => w.store.getState().snapshot).toBe(after);
    expect(w.calls.map((c) => c.method)).toEqual(['history.undo']);
  });

  it('unsubscribes everything', () => {
    const w = wired({});
    w.off();
    expect(w.listeners.size).toBe(0);
  });
});
