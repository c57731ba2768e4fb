/**
 * The IPC binding itself (electron/main/ipc.ts) with Electron's ipcMain replaced by a
 * recorder: the registered handler is called with forged events from the frames SEC-4
 * names, and with malformed payloads (SEC-5).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppServices } from '../../../electron/services/app.js';
import { events } from '../../../shared/api/contract.js';

const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpc, sendEvent } = await import('../../../electron/main/ipc.js');
const { CALL_CHANNEL, EVENT_CHANNEL } = await import('../../../electron/main/ipc/channels.js');

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}
function fakeWindow(id = 1) {
  const mainFrame: FakeFrame = { url: 'app://storyboard/index.html', parent: null };
  const sent: unknown[][] = [];
  const webContents = { id, mainFrame, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
  return { win: { isDestroyed: () => false, webContents }, mainFrame, sent };
}

function fakeServices() {
  const calls: string[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const handlers = new Proxy(
    {},
    {
      get: (_t, name: string) => async (input: unknown) => {
        calls.push(name);
        return { echoed: input };
      },
    },
  ) as AppServices['handlers'];
  const services = {
    handlers,
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  } as unknown as Pick<AppServices, 'handlers' | 'on'>;
  return { services, calls, listeners };
}

describe('IPC binding (SEC-4/5)', () => {
  beforeEach(() => registered.clear());

  function setup() {
    const w = fakeWindow();
    const s = fakeServices();
    const dispose = registerIpc(s.services, () => w.win as never);
    const call = registered.get(CALL_CHANNEL);
    if (!call) throw new Error('no handler registered');
    return { ...w, ...s, dispose, call };
  }

  it('runs a valid request from our main frame through dispatch', async () => {
    const { call, mainFrame, win, calls } = setup();
    const result = await call({ sender: win.webContents, senderFrame: mainFrame }, 'project.open', { dir: '/tmp/p' });
    expect(result).toEqual({ ok: true, value: { echoed: { dir: '/tmp/p' } } });
    expect(calls).toEqual(['project.open']);
  });

  it.each([
    ['an iframe of our page', (m: FakeFrame) => ({ url: 'app://storyboard/index.html', parent: m })],
    ['about:blank', () => ({ url: 'about:blank', parent: null })],
    ['a data: page', () => ({ url: 'data:text/html,hi', parent: null })],
    ['a foreign origin', () => ({ url: 'https://evil.example/', parent: null })],
    ['a destroyed frame', () => null],
  ])('rejects %s without running the handler, and logs it', async (_name, frame) => {
    const { call, mainFrame, win, calls } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(call({ sender: win.webContents, senderFrame: frame(mainFrame) }, 'project.close', {})).rejects.toThrow(
      /Refused/,
    );
    expect(calls).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused project.close'));
    warn.mockRestore();
  });

  it('rejects a second window even when it shows our page', async () => {
    const { call, calls } = setup();
    const other = fakeWindow(2);
    vi.spyOn(console, 'warn').mockImplementationOnce(() => {});
    await expect(
      call({ sender: other.win.webContents, senderFrame: other.mainFrame }, 'project.close', {}),
    ).rejects.toThrow(/Refused/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['an unknown method', 'fs.readFile', { path: '/etc/passwd' }],
    ['a prototype key as method', '__proto__', {}],
    ['extra fields', 'project.open', { dir: '/p', evil: true }],
    ['a wrong type', 'shots.move', { shotId: 'a', toIndex: 'first' }],
    ['a __proto__ payload', 'project.open', JSON.parse('{"__proto__":{"dir":"/x"}}')],
    ['an oversized string', 'project.open', { dir: 'x'.repeat(100_000) }],
  ])('answers INVALID_INPUT for %s and never calls a handler', async (_name, method, payload) => {
    const { call, mainFrame, win, calls } = setup();
    const result = await call({ sender: win.webContents, senderFrame: mainFrame }, method, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('forwards every contract event to the window on one channel, and stops after dispose', () => {
    const { listeners, sent, dispose } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(events).sort());
    expect(listeners.has('project.changed')).toBe(true);
    listeners.get('job.progress')?.({ jobId: 'j' });
    expect(sent).toEqual([[EVENT_CHANNEL, { event: 'job.progress', payload: { jobId: 'j' } }]]);
    dispose();
    expect(listeners.size).toBe(0);
    expect(registered.has(CALL_CHANNEL)).toBe(false);
  });

  it('does not send to a closed window', () => {
    const { win, sent } = fakeWindow();
    sendEvent({ ...win, isDestroyed: () => true } as never, 'x', 1);
    sendEvent(null, 'x', 1);
    expect(sent).toEqual([]);
  });
});
