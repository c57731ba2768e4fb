/**
 * Chromium's idle callbacks, run in the time left between one frame's work and the next
 * (https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback): work that no frame
 * needs yet (a clip's bitmap, clips mounted ahead of a pan) goes there, not into a frame.
 */

export type IdleDeadline = { timeRemaining(): number };

/** Where there are none (unit tests under jsdom), a timer with all the room. */
export const whenIdle: { request(cb: (deadline: IdleDeadline) => void): number; cancel(id: number): void } =
  typeof requestIdleCallback === 'function'
    ? { request: (cb) => requestIdleCallback(cb), cancel: (id) => cancelIdleCallback(id) }
    : {
        request: (cb) => setTimeout(() => cb({ timeRemaining: () => Infinity })) as unknown as number,
        cancel: (id) => clearTimeout(id),
      };
