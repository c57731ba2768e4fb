/**
 * ffprobe's rationals ("30000/1001", "32:27", "0/0") as exact fractions (pure).
 */
import type { Fps } from '../model/time.js';

export interface Ratio {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** "a/b" or "a:b" with positive integers, reduced; null for "0/0", "N/A", garbage. */
export function parseRatio(text: string | undefined): Ratio | null {
  const m = /^\s*(\d+)\s*[/:]\s*(\d+)\s*$/.exec(text ?? '');
  if (!m) return null;
  const num = Number(m[1]);
  const den = Number(m[2]);
  if (!(num > 0 && den > 0) || !Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return null;
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

export function ratioValue(r: Ratio): number {
  return r.num / r.den;
}

const NTSC_RATES: Fps[] = [24000, 30000, 48000, 60000, 120000].map((num) => ({ num, den: 1001 }));
const FPS_MAX_NUM = 240_000;
const FPS_MAX_DEN = 10_000;

/**
 * A frame rate that fits FpsSchema (num <= 240000, den <= 10000). Averages computed by ffprobe
 * can be fractions like 1441000/48053; they become the NTSC rate they round to (within
 * 0.01 %) or a rate in thousandths. null when the value is not a usable rate.
 */
export function toFps(r: Ratio | null): Fps | null {
  if (!r) return null;
  const v = ratioValue(r);
  if (!(v > 0) || v > FPS_MAX_NUM) return null;
  if (r.num <= FPS_MAX_NUM && r.den <= FPS_MAX_DEN) return { num: r.num, den: r.den };
  const ntsc = NTSC_RATES.find((f) => Math.abs(f.num / f.den - v) / v < 1e-4);
  if (ntsc) return ntsc;
  const milli = Math.round(v * 1000);
  if (milli <= 0) return null;
  const g = gcd(milli, 1000);
  return { num: milli / g, den: 1000 / g };
}
