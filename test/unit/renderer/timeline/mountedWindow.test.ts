/**
 * The mounted window of a viewport (mountedWindow.ts): a pan that crosses buckets mounts the
 * next bucket in idle time between its steps, so no step itself changes what is mounted; with
 * no idle time, or a jump, the view's own bucket is mounted at once. Whatever happens, the
 * view lies inside the mounted range with at least a bucket to spare on each side.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createViewportStore, type ViewportStore } from '../../../../renderer/src/store/viewport.js';
import { bucketWindow, drawWindow, OVERSCAN_PX } from '../../../../renderer/src/timeline/drawWindow.js';
import { mountedWindow } from '../../../../renderer/src/timeline/mountedWindow.js';

const W = 1312;

/** Pans `steps` steps of `dxPx` from frame 4000 at 0.5 px per frame; idle periods between steps unless `idle` is false. */
function pan(steps: number[], idle: boolean) {
  const vp: ViewportStore = createViewportStore({ pxPerFrame: 0.5, scrollFrame: 4000 });
  const mounted = mountedWindow(vp);
  let inStep = false;
  const changes = { inSteps: 0, idle: 0 };
  mounted.subscribe(() => (inStep ? changes.inSteps++ : changes.idle++));
  let leastMargin = Infinity;
  for (const dx of steps) {
    const s = vp.getState();
    inStep = true;
    s.setView({ pxPerFrame: s.pxPerFrame, scrollFrame: s.scrollFrame + dx / s.pxPerFrame });
    inStep = false;
    const v = vp.getState();
    const m = mounted.getState();
    const w = bucketWindow(m.bucket, m.pxPerFrame, W);
    leastMargin = Math.min(
      leastMargin,
      (v.scrollFrame - w.lo) * v.pxPerFrame,
      (w.hi - v.scrollFrame - W / v.pxPerFrame) * v.pxPerFrame,
    );
    if (idle) vi.runAllTimers();
  }
  return { changes, leastMargin, vp, mounted };
}

const swipe = (n: number, dx: number) => Array.from({ length: 2 * n }, (_, i) => (i < n ? dx : -dx));

describe('mountedWindow', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('mounts each bucket a pan crosses in the idle time before the step that crosses', () => {
    vi.useFakeTimers();
    // The UI bench's pan: 60 steps of 25 px right, 60 back; and slower and finer ones.
    for (const dx of [25, 10, 2]) {
      const { changes, leastMargin } = pan(swipe(60, dx), true);
      expect(changes.inSteps).toBe(0);
      expect(changes.idle).toBeGreaterThan(0);
      expect(changes.idle).toBeLessThanOrEqual(Math.ceil((2 * 60 * dx) / (OVERSCAN_PX / 2)) + 1);
      expect(leastMargin).toBeGreaterThanOrEqual(OVERSCAN_PX / 2);
    }
  });

  it('without idle time, mounts the view’s bucket in the step, never showing an unmounted frame', () => {
    vi.useFakeTimers();
    const { changes, leastMargin } = pan(swipe(60, 25), false);
    expect(changes.inSteps).toBeGreaterThan(0);
    expect(changes.idle).toBe(0);
    expect(leastMargin).toBeGreaterThanOrEqual(OVERSCAN_PX / 2);
  });

  it('a jump or a zoom mounts the view’s own window at once', () => {
    vi.useFakeTimers();
    const { vp, mounted } = pan(swipe(3, 25), true);
    vp.getState().setView({ pxPerFrame: 0.5, scrollFrame: 9000 });
    const at = (m: { bucket: number; pxPerFrame: number }) => bucketWindow(m.bucket, m.pxPerFrame, W);
    expect(at(mounted.getState())).toEqual(drawWindow(vp.getState(), W));
    vp.getState().setView({ pxPerFrame: 2, scrollFrame: 9000 });
    expect(at(mounted.getState())).toEqual(drawWindow(vp.getState(), W));
  });
});
