/**
 * The ruler's ticks, pure: major steps at a "nice" spacing for the zoom, labelled with their
 * timecode, and minor ticks between. Drawn by RulerShape.tsx; unit tested directly.
 */
import { framesToTimecode, fpsValue, type Fps } from '../../../shared/model/time';
import { visibleRange, type View } from './geometry';

export interface Tick {
  frame: number;
  major: boolean;
  label: string | null;
}

/**
 * Major tick spacing in frames: the smallest "nice" step (frames, then seconds, then minutes)
 * at least `minPx` apart on screen.
 */
export function tickStep(pxPerFrame: number, fps: Fps, minPx = 90): number {
  const f = Math.max(1, Math.round(fpsValue(fps)));
  const steps = [
    1,
    2,
    5,
    10,
    f,
    2 * f,
    5 * f,
    10 * f,
    15 * f,
    30 * f,
    60 * f,
    120 * f,
    300 * f,
    600 * f,
    1800 * f,
    3600 * f,
  ];
  for (const s of steps) if (s * pxPerFrame >= minPx) return s;
  return steps[steps.length - 1] as number;
}

/** Ticks in the visible range: labelled majors (timecode) with 5 minor ticks between. */
export function rulerTicks(v: View, width: number, fps: Fps): Tick[] {
  const major = tickStep(v.pxPerFrame, fps);
  const minor = major >= 5 ? major / 5 : major;
  const { start, end } = visibleRange(v, width);
  const first = Math.max(0, Math.floor(start / minor) * minor);
  const ticks: Tick[] = [];
  for (let fr = first; fr <= end; fr += minor) {
    const frame = Math.round(fr);
    const isMajor = frame % major === 0;
    ticks.push({ frame, major: isMajor, label: isMajor ? framesToTimecode(frame, fps) : null });
  }
  return ticks;
}
