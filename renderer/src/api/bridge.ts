/**
 * What the renderer expects from the Electron preload as `window.storyboard` (exposed with
 * contextBridge.exposeInMainWorld). The preload holds no logic: it forwards to ipcRenderer.
 * The main side validates with shared/api/dispatch.ts and answers dispatch()'s result
 * unchanged, so error codes survive the trip (a thrown Error over IPC loses them).
 */
import type { EventName } from '../../../shared/api/contract';
import type { DispatchResult } from '../../../shared/api/dispatch';

export interface StoryboardBridge {
  /** ipcRenderer.invoke(<call channel>, method, payload) -> DispatchResult from the main side. */
  call(method: string, payload: unknown): Promise<DispatchResult>;
  /**
   * Subscribes to an event pushed by the main side: a contract event, or MENU_ACTION_EVENT
   * ({ id }) when a native menu item is chosen. Returns the unsubscribe.
   */
  on(event: EventName | typeof MENU_ACTION_EVENT, listener: (payload: unknown) => void): () => void;
  /** webUtils.getPathForFile(file): the real path of a file the user picked or dropped. */
  getPathForFile(file: File): string;
}

/** Native menu items arrive as this event with { id: <action id> } (electron/main/menu.ts). */
export const MENU_ACTION_EVENT = 'menu.action';

/**
 * Media in Electron is served by the main process's privileged `media:` protocol with the
 * same rules as the browser host (inside open projects only, symlinks resolved, Range -> 206).
 * Form (electron/main/protocol/mediaPath.ts): media://local/<each segment percent-encoded>;
 * /home/a/My Film/x.mp4 -> media://local/home/a/My%20Film/x.mp4, C:\f\x.mp4 -> media://local/C%3A/f/x.mp4
 */
export function electronMediaUrl(absPath: string): string {
  const segments = absPath.split(/[\\/]+/).filter((s) => s !== '');
  return `media://local/${segments.map(encodeURIComponent).join('/')}`;
}

declare global {
  interface Window {
    storyboard?: StoryboardBridge;
  }
}
