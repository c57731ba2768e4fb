/**
 * The only two IPC channels (design.md §1). Shared by main and the preload bundle; plain
 * constants so the sandboxed preload stays free of anything but `electron`.
 */
/** invoke(CALL, method, payload) -> DispatchResult (shared/api/dispatch.ts). */
export const CALL_CHANNEL = 'storyboard:call';
/** main -> renderer: { event, payload } for contract events and menu actions. */
export const EVENT_CHANNEL = 'storyboard:event';
/** Event name carrying a native-menu action id to the renderer's action registry. */
export const MENU_ACTION_EVENT = 'menu.action';

export interface EventMessage {
  event: string;
  payload: unknown;
}
