/**
 * The Electron binding of the contract: ONE invoke channel and ONE event channel. Every call
 * is checked twice before a handler runs: the sender must be the main frame of our window
 * on our own origin (checklist item 17; VS Code's validatedIpcMain), and the payload must
 * pass the method's zod schema (dispatch). Malformed input becomes an INVALID_INPUT result,
 * never an exception in main (SEC-4/5).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { events, type EventName } from '../../shared/api/contract.js';
import { dispatch, type DispatchResult } from '../../shared/api/dispatch.js';
import type { AppServices } from '../services/app.js';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventMessage } from './ipc/channels.js';
import { isTrustedSender } from './security/origin.js';

export function sendEvent(win: BrowserWindow | null, event: string, payload: unknown): void {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
  const message: EventMessage = { event, payload };
  win.webContents.send(EVENT_CHANNEL, message);
}

function isFromWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed() || event.sender.id !== win.webContents.id) return false;
  // senderFrame is null once the frame navigated away or was destroyed: refuse.
  const frame = event.senderFrame;
  return isTrustedSender({ url: frame?.url, isMainFrame: frame !== null && frame.parent === null });
}

/**
 * Binds the contract to `getWindow()`'s page. Returns a function that removes the channel
 * and the event forwarding (called on quit, before services close).
 */
export function registerIpc(
  services: Pick<AppServices, 'handlers' | 'on'>,
  getWindow: () => BrowserWindow | null,
): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, payload: unknown): Promise<DispatchResult> => {
    if (!isFromWindow(event, getWindow())) {
      // Thrown, so the caller's promise rejects; the handler never ran.
      const url = event.senderFrame?.url ?? '(no frame)';
      console.warn(`[ipc] refused ${String(method).slice(0, 64)} from untrusted sender ${url.slice(0, 200)}`);
      throw new Error('Refused: this frame may not call the Storyboard API.');
    }
    return dispatch(services.handlers, method, payload);
  });
  const unsubscribers = (Object.keys(events) as EventName[]).map((name) =>
    services.on(name, (payload) => sendEvent(getWindow(), name, payload)),
  );
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    for (const off of unsubscribers) off();
  };
}
