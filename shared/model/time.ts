/**
 * Time on the timeline is integer frames at the project's frame rate; a frame rate is a
 * rational (30000/1001 for 29.97) so NTSC rates never drift. Pure functions only.
 */
import { z } from 'zod';

export const FpsSchema = z.object({
  num: z.number().int().positive().max(240_000),
  den: z.number().int().positive().max(10_000),
});
export type Fps = z.infer<typeof FpsSchema>;

const NTSC: Record<string, Fps> = {
  '23.976': { num: 24000, den: 1001 },
  '23.98': { num: 24000, den: 1001 },
  '29.97': { num: 30000, den: 1001 },
  '47.952': { num: 48000, den: 1001 },
  '59.94': { num: 60000, den: 1001 },
};

/** Parses "24", "29.97", "30000/1001". Throws a specific message on anything else. */
export function parseFps(text: string): Fps {
  const t = text.trim();
  const ntsc = NTSC[t];
  if (ntsc) return ntsc;
  const ratio = /^(\d+)\/(\d+)$/.exec(t);
  if (ratio) {
    const num = Number(ratio[1]);
    const den = Number(ratio[2]);
    if (num > 0 && den > 0) return checkRange({ num, den }, t);
  }
  if (/^\d+(\.\d+)?$/.test(t)) {
    const v = Number(t);
    if (Number.isInteger(v)) return checkRange({ num: v, den: 1 }, t);
    return checkRange({ num: Math.round(v * 1000), den: 1000 }, t);
  }
  throw new Error(`Invalid frame rate "${text}": use a number such as 24, 25, 29.97 or 30000/1001`);
}

function checkRange(fps: Fps, text: string): Fps {
  const v = fpsValue(fps);
  if (v < 1 || v > 120) throw new Error(`Frame rate ${text} is out of range (1 to 120 fps)`);
  return fps;
}

export function fpsValue(fps: Fps): number {
  return fps.num / fps.den;
}

export function fpsToString(fps: Fps): string {
  return fps.den === 1 ? String(fps.num) : `${fps.num}/${fps.den}`;
}

/** Whole frames that fit in `seconds` (rounded to the nearest frame; never below 0). */
export function secondsToFrames(seconds: number, fps: Fps): number {
  return Math.max(0, Math.round((seconds * fps.num) / fps.den));
}

/** Frames that fit completely inside a clip of `seconds` (a clip can't show a partial frame). */
export function floorFrames(seconds: number, fps: Fps): number {
  // 1e-6 absorbs float noise such as 6.125 * 24 = 146.99999999.
  return Math.max(0, Math.floor((seconds * fps.num) / fps.den + 1e-6));
}

export function framesToSeconds(frames: number, fps: Fps): number {
  return (frames * fps.den) / fps.num;
}

/** HH:MM:SS:FF (non-drop-frame) for display. */
export function framesToTimecode(frames: number, fps: Fps): string {
  const base = Math.round(fpsValue(fps));
  const ff = frames % base;
  const totalSeconds = Math.floor(frames / base);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  return [hh, mm, ss, ff].map((n) => String(n).padStart(2, '0')).join(':');
}
