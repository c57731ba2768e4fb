/**
 * When a shot clip is cached as a bitmap (bitmapCache.ts) and how clips report what they show
 * to the hidden clip list (clipReport.ts): both run outside the frame that changed the clip.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CACHE_AFTER_MS, cacheWhenSettled } from '../../../../renderer/src/timeline/bitmapCache.js';
import { clipReport, reportClip, type ClipShown } from '../../../../renderer/src/timeline/clipReport.js';

describe('cacheWhenSettled', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws once the clip has been unchanged for CACHE_AFTER_MS, then in an idle period', () => {
    vi.useFakeTimers();
    const draw = vi.fn();
    cacheWhenSettled(draw);
    vi.advanceTimersByTime(CACHE_AFTER_MS - 1);
    expect(draw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('never draws once cancelled (the clip changed again or unmounted)', () => {
    vi.useFakeTimers();
    const early = vi.fn();
    cacheWhenSettled(early)();
    const late = vi.fn();
    const cancelLate = cacheWhenSettled(late);
    vi.advanceTimersByTime(CACHE_AFTER_MS);
    cancelLate();
    vi.runAllTimers();
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });
});

describe('reportClip', () => {
  const shown = (number: number): ClipShown => ({
    number,
    title: `Shot ${number}`,
    numbered: true,
    film: false,
    outdated: false,
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies the reports of one task in one update in the next idle period, the last report of a clip winning', async () => {
    vi.useFakeTimers();
    clipReport.setState({ a: shown(1) }, true);
    const updates = vi.fn();
    const stop = clipReport.subscribe(updates);
    reportClip('a', null);
    reportClip('b', shown(2));
    reportClip('c', shown(3));
    reportClip('c', { ...shown(3), film: true });
    // Not in the task that reported, nor in its microtasks (the frame that moved the canvas).
    await Promise.resolve();
    expect(updates).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(updates).toHaveBeenCalledTimes(1);
    expect(clipReport.getState()).toEqual({ b: shown(2), c: { ...shown(3), film: true } });
    stop();
  });

  it('leaves the record alone when nothing a clip shows changed', () => {
    vi.useFakeTimers();
    clipReport.setState({ a: shown(1) }, true);
    const updates = vi.fn();
    const stop = clipReport.subscribe(updates);
    reportClip('a', shown(1));
    reportClip('z', null);
    vi.runAllTimers();
    expect(updates).not.toHaveBeenCalled();
    stop();
  });
});
