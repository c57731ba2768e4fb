/**
 * Chromium's idle callbacks, run in the time left between one frame's work and the next
 * (https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback): work that no frame
 * needs yet (a clip's bitmap, clips mounted ahead of a pan, the hidden clip list, the
 * transition handles after a zoom) goes there, not into a frame.
 */

export type IdleDeadline = { timeRemaining(): number };

/**
 * `request(cb, timeoutMs)`: with a timeout, the callback runs by then even if no frame leaves
 * idle time (a long, heavy zoom must not leave what it defers stale for ever).
 */
export const whenIdle: {
  request(cb: (deadline: IdleDeadline) => void, timeoutMs?: number): number;
  cancel(id: number): void;
} =
  typeof requestIdleCallback === 'function'
    ? {
        request: (cb, timeoutMs) =>
          requestIdleCallback(cb, timeoutMs === undefined ? undefined : { timeout: timeoutMs }),
        cancel: (id) => cancelIdleCallback(id),
      }
    : {
        // Where there are none (unit tests under jsdom or node), a timer with all the room.
        request: (cb) => setTimeout(() => cb({ timeRemaining: () => Infinity })) as unknown as number,
        cancel: (id) => clearTimeout(id),
      };
