/**
 * Exposes window.storyboard: the contract's `call` and `on`, plus the path of a dropped file.
 * No logic and no raw ipcRenderer (checklist item 20): method names and payloads are checked
 * in main, and listeners never see Electron's event object. Sandboxed: only `electron` may
 * be required, so this file is bundled to one CommonJS file by build.mjs.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventMessage } from '../main/ipc/channels.js';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all events, so many subscriptions don't pile up on ipcRenderer.
ipcRenderer.on(EVENT_CHANNEL, (_event, message: EventMessage) => {
  for (const listener of listeners.get(message.event) ?? []) {
    try {
      listener(message.payload);
    } catch (err) {
      console.error(err); // one broken listener must not starve the others
    }
  }
});

const api = {
  /** Resolves to { ok: true, value } or { ok: false, error: { code, message } } (DispatchResult). */
  call(method: string, payload: unknown): Promise<unknown> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, payload);
  },
  on(event: string, listener: Listener): () => void {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
  /** The absolute path of a File from a drop or <input type=file> ('' for in-memory files). */
  getPathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('storyboard', api);
